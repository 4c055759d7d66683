// Whether a position in a section lies inside quotation marks: a phrase the
// writer mentions rather than uses ('the "LOL-free" style guide', 'you asked
// "What would you cut first?"'). Straight double quotes toggle; curly ones
// open and close. Single quotes are ignored, since they double as
// apostrophes. Used by the checks' `skip_quoted` option.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/span.hpp"

namespace followup::rules::checks {

inline bool inside_quotes(std::string_view text, core::Span section, uint32_t pos) {
  bool open = false;
  for (uint32_t i = section.begin; i < pos && i < text.size(); ++i) {
    if (text[i] == '"') {
      open = !open;
    } else if (text.compare(i, 3, "\xE2\x80\x9C") == 0) {  // “
      open = true;
    } else if (text.compare(i, 3, "\xE2\x80\x9D") == 0) {  // ”
      open = false;
    }
  }
  return open;
}

}  // namespace followup::rules::checks
