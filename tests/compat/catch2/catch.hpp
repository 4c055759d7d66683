// The test sources are written for Catch2 2 (<catch2/catch.hpp>, Debian
// 12's). With Catch2 3, tests/CMakeLists.txt puts this folder first on the
// include path: it maps the few names that moved.
#pragma once

#include <catch2/catch_all.hpp>

using Catch::Approx;

namespace Catch {
inline auto Contains(const std::string& text) { return Matchers::ContainsSubstring(text); }
}  // namespace Catch
