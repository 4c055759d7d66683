// Small UTF-8 helpers with no third-party dependencies. Decoding never reads
// past the end of the input; invalid sequences decode as U+FFFD, one byte long.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace followup::core {

struct Decoded {
  char32_t code_point;
  uint32_t length;  // bytes consumed, at least 1
};

// Decodes the code point starting at `offset` (which must be < text.size()).
Decoded decode_utf8(std::string_view text, uint32_t offset);

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates,
// code points past U+10FFFF and truncated sequences are all invalid), or
// nullopt when the whole text is valid.
std::optional<uint32_t> find_invalid_utf8(std::string_view text);

// `text` with each invalid sequence replaced by U+FFFD, a byte at a time
// (as decode_utf8 reads it); valid text comes back unchanged.
std::string replace_invalid_utf8(std::string_view text);

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

// Number of code points in a valid UTF-8 string.
uint32_t count_code_points(std::string_view text);


}  // namespace followup::core
