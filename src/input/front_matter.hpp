// Markdown front matter: TOML (`+++`) is copied as written; flat YAML (`---`)
// becomes the same keys as TOML front matter, each TOML line mapped onto the
// YAML lines it came from. Flat means what SPEC §3's context keys need:
// strings, numbers, booleans, dates and lists of strings. Nested maps and
// block scalars are left out (they name no context key). No YAML library:
// a line scan, linear, never throws.
#pragma once

#include <cstdint>
#include <string_view>

#include "input/text_builder.hpp"

namespace followup::input {

// Appends the front matter at `begin` in `file` (if any) to `out` and
// returns where the body starts; `begin` when there is no (closed) front matter.
uint32_t append_front_matter(TextBuilder& out, std::string_view file, uint32_t begin);

}  // namespace followup::input
