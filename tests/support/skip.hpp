// Skipping a test so that ctest reports it as skipped instead of passed.
// Catch2 v2 has no SKIP: a test tagged [skippable] calls FOLLOWUP_SKIP(reason)
// at its start, which prints "SKIPPED: <reason>" and returns, and
// tests/CMakeLists.txt registers the [skippable] tests with
// SKIP_REGULAR_EXPRESSION "SKIPPED:". In a test without the tag the macro
// fails the test, since ctest would otherwise count the skip as a pass.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <iostream>
#include <string>

namespace followup::testing {

// Whether the running Catch2 test case carries the tag [skippable].
inline bool current_test_is_skippable() {
  const std::string name = Catch::getResultCapture().getCurrentTestName();
#if defined(CATCH_VERSION_MAJOR) && CATCH_VERSION_MAJOR >= 3
  for (const auto& test : Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) {
    const auto& info = test.getTestCaseInfo();
    if (info.name != name) continue;
    return std::any_of(info.tags.begin(), info.tags.end(),
                       [](const Catch::Tag& tag) { return tag == Catch::Tag(Catch::StringRef("skippable")); });
  }
#else
  for (const auto& test : Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) {
    if (test.name != name) continue;
    return std::find(test.lcaseTags.begin(), test.lcaseTags.end(), "skippable") !=
           test.lcaseTags.end();
  }
#endif
  return false;
}

}  // namespace followup::testing

#define FOLLOWUP_SKIP(reason)                                                               \
  do {                                                                                      \
    if (!::followup::testing::current_test_is_skippable())                                  \
      FAIL("skipped in a test not tagged [skippable], so ctest would pass it: " << reason); \
    std::cout << "SKIPPED: " << reason << std::endl;                                        \
    return;                                                                                 \
  } while (false)
