// Small helpers for the wording of findings: quoting the draft in a message
// and matching a replacement's case to the text it replaces.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace followup::rules {

// "Thx" -> "Thanks" when the matched text starts with a capital letter.
std::string match_case(std::string_view matched, std::string replacement);

// Shortens text for a message: first line only, at most `max` bytes, "..." added.
std::string excerpt(std::string_view text, size_t max = 60);

}  // namespace followup::rules
