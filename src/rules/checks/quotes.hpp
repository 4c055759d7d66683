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

// Walks a section once: asked about growing positions (matches come in
// order), it costs one pass over the section in all, not one per match.
class QuoteTracker {
 public:
  QuoteTracker(std::string_view text, core::Span section) : text_(text), section_(section), at_(section.begin) {}

  bool inside(uint32_t pos) {
    if (pos < at_) {  // asked out of order: start again
      at_ = section_.begin;
      open_ = false;
    }
    for (; at_ < pos && at_ < text_.size(); ++at_) {
      if (text_[at_] == '"') {
        open_ = !open_;
      } else if (text_.compare(at_, 3, "\xE2\x80\x9C") == 0) {  // “
        open_ = true;
      } else if (text_.compare(at_, 3, "\xE2\x80\x9D") == 0) {  // ”
        open_ = false;
      }
    }
    return open_;
  }

 private:
  std::string_view text_;
  core::Span section_;
  uint32_t at_;
  bool open_ = false;
};

}  // namespace followup::rules::checks
