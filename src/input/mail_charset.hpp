// A mail part's bytes in its declared charset -> UTF-8, with a map from each
// UTF-8 character back to the bytes that encode it. UTF-8 and US-ASCII are
// checked and copied byte for byte; any other charset goes through
// text::to_utf8 (ISO-8859-1 read as windows-1252, as mail clients mean it).
// Never fails: a byte that does not decode becomes U+FFFD, and an unknown
// charset is read as UTF-8.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "input/mapped_text.hpp"

namespace followup::input {

struct CharsetDecoded {
  MappedText out;                      // the map points into the input bytes
  std::optional<uint32_t> bad_offset;  // input offset of the first byte that did not decode
  bool known = true;                   // false: the charset was unknown and read as UTF-8
};

CharsetDecoded charset_to_utf8(std::string_view bytes, std::string_view charset);

}  // namespace followup::input
