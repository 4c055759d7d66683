// Internal to src/text/: the ASCII stand-in that lets the fast paths of
// sentences.cpp and words.cpp segment accented Latin, Greek and Cyrillic
// text, curly quotes and dashes exactly as ICU would.
#pragma once

#include <unicode/uchar.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace followup::text::detail {

struct StandInText {
  std::string chars;  // one ASCII char per code point of the input
  // byte_offsets[i] is where chars[i]'s code point starts in the input, and
  // byte_offsets[size] the input size; unused when the input is ASCII.
  std::vector<uint32_t> byte_offsets;
  bool identity = true;

  uint32_t to_byte(int32_t index) const {
    return identity ? static_cast<uint32_t>(index)
                    : byte_offsets[static_cast<size_t>(index)];
  }
};

// Builds the stand-in for `text` in `out`; false when some code point has none.
bool build_stand_in(std::string_view text, bool ascii, StandInText& out);
// A buffer per thread, reused from call to call.
StandInText& thread_stand_in();

}  // namespace followup::text::detail
