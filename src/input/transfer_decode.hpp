// Content-Transfer-Encoding decoders that keep a map from each decoded byte
// back to the encoded bytes (GMime's filters report no positions).
// Offsets in the map are `file_base` + offsets into `raw`, so a part's body
// maps straight onto the mail file. Decoding never fails: bytes that are not
// valid in the encoding are kept (quoted-printable) or skipped (base64), and
// the first such place is reported through `bad_offset`.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "input/mapped_text.hpp"

namespace followup::input {

enum class TransferEncoding { kIdentity, kQuotedPrintable, kBase64 };

struct TransferDecoded {
  MappedText out;
  std::optional<uint32_t> bad_offset;  // file offset of the first byte that was skipped
};

// Literal characters map byte for byte; an `=XX` run that makes one UTF-8
// character (`=C3=BA`) maps onto its escapes as a whole; a soft line break
// (`=` at the end of a line) produces nothing. Trailing white space is kept,
// as format=flowed needs it.
TransferDecoded decode_quoted_printable(std::string_view raw, uint32_t file_base);

// Each decoded byte maps onto the 4-character group that holds it. Characters
// outside the alphabet are skipped; padding ends a group, and decoding goes on
// after it; an unpadded last group is decoded as far as it goes. Groups on a
// line longer than a mail line may be (998 bytes) are mapped in runs of about
// 1 KB, so a single 100 MB line does not need a piece per group.
TransferDecoded decode_base64(std::string_view raw, uint32_t file_base);

// The identity (7bit, 8bit, binary) or one of the above.
TransferDecoded transfer_decode(std::string_view raw, uint32_t file_base,
                                TransferEncoding encoding);

}  // namespace followup::input
