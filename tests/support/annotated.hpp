// Annotated: a test draft with expected spans marked inline as [[...]], so
// that tests name spans instead of counting byte offsets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace followup::testing {

// A draft whose expected spans are written as [[...]] in the text.
class Annotated {
 public:
  explicit Annotated(std::string_view marked) {
    size_t open = std::string_view::npos;
    for (size_t i = 0; i < marked.size(); ++i) {
      if (marked.compare(i, 2, "[[") == 0) {
        open = text_.size();
        ++i;
      } else if (marked.compare(i, 2, "]]") == 0 && open != std::string_view::npos) {
        ranges_.push_back({static_cast<uint32_t>(open), static_cast<uint32_t>(text_.size())});
        open = std::string_view::npos;
        ++i;
      } else {
        text_ += marked[i];
      }
    }
  }
  const std::string& text() const { return text_; }
  core::Span range(size_t i = 0) const { return ranges_.at(i); }
  size_t ranges() const { return ranges_.size(); }

 private:
  std::string text_;
  std::vector<core::Span> ranges_;
};

}  // namespace followup::testing
