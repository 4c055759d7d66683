// Charsets: bytes in a declared or detected charset -> UTF-8, with a map
// from each decoded code point back to the bytes that encoded it, so that
// input decoders can keep positions pointing into the file as written. The
// only ICU user of the input path (ICU stays under src/text/). Never throws:
// an unknown charset name is reported through `known`, undecodable bytes
// become U+FFFD and the first one is reported through `first_invalid`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace followup::text {

struct CodePointOrigin {
  uint32_t decoded = 0;  // byte offset of the code point in Transcoded::utf8
  uint32_t source = 0;   // byte offset where its encoding starts in the input
};

struct Transcoded {
  bool known = true;  // false: no converter has that name (utf8 is then empty)
  std::string utf8;
  // One entry per decoded code point, in order, then a last entry
  // {utf8.size(), input size}: code point k came from
  // [origins[k].source, origins[k + 1].source).
  std::vector<CodePointOrigin> origins;
  std::optional<uint32_t> first_invalid;  // source offset of the first undecodable byte
};

// Decodes `bytes` from `charset` (any name or alias ICU knows: "windows-1252",
// "latin1", "UTF-16LE", "Shift_JIS", ...). A byte order mark is decoded like
// any other character (U+FEFF); callers that want it gone drop it.
Transcoded to_utf8(std::string_view bytes, std::string_view charset);

// The charset's canonical name ("windows-1252" for "cp1252"), empty when unknown.
std::string canonical_charset(std::string_view charset);

// Whether the name denotes UTF-8 itself (so there is nothing to transcode).
bool is_utf8_name(std::string_view charset);

// The most likely charset of bytes that are not valid UTF-8, by ICU's
// detector with Windows' habits folded in: text with bytes 0x80-0x9F or
// Latin-1 letters is "windows-1252". Empty when nothing fits.
std::string guess_charset(std::string_view bytes);

}  // namespace followup::text
