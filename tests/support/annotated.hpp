// Annotated: a test draft with the expected span marked inline as [[...]],
// so that tests name spans instead of counting byte offsets.
#pragma once

#include <string>

#include "core/span.hpp"

namespace followup::testing {

class Annotated {
 public:
  explicit Annotated(const std::string& marked) {
    auto open = marked.find("[[");
    auto close = marked.find("]]", open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos) {
      text_ = marked;
      return;
    }
    text_ = marked.substr(0, open) + marked.substr(open + 2, close - open - 2) + marked.substr(close + 2);
    range_ = {static_cast<uint32_t>(open), static_cast<uint32_t>(close - 2)};
  }
  const std::string& text() const { return text_; }
  core::Span range() const { return range_; }

 private:
  std::string text_;
  core::Span range_;
};

}  // namespace followup::testing
