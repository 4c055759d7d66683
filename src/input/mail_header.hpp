// One mail header's raw value (as it sits in the file, from after the colon
// to its final line break) -> the value on one line, with RFC 2047 encoded
// words decoded, and a map onto the raw bytes. Folding is undone (the line
// breaks go, the white space stays) and the value is trimmed; text outside
// encoded words maps byte for byte, each encoded word maps as a whole onto
// its own bytes, and the white space between two encoded words goes, as
// RFC 2047 says. Never fails: a word that does not decode is kept as written
// and reported through `bad_offset`.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "input/mapped_text.hpp"

namespace followup::input {

struct HeaderDecoded {
  MappedText out;  // the map points into the file: `file_begin` + offsets into raw
  std::optional<uint32_t> bad_offset;  // file offset of the first encoded word that did not decode
};

// `decode_words` false keeps encoded words as written (a Date header).
HeaderDecoded decode_header_value(std::string_view raw, uint32_t file_begin,
                                  bool decode_words = true);

}  // namespace followup::input
