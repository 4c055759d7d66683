// SourceMap: where each byte of a decoded draft came from in the file as
// written. Decoders (plain text, mail, HTML, Markdown) build one while they
// produce the text the parser reads; renderers and the language server apply
// it once, when a span becomes a position for people or editors. Rules never
// see it: they work on the decoded text alone.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace followup::input {

// One stretch of decoded text and the file bytes it came from. A verbatim
// piece (same length, same bytes) maps byte for byte; any other piece
// (a quoted-printable run, a base64 line, an entity, a synthesized header
// line) maps as a whole onto the file bytes that encode it.
struct MapPiece {
  core::Span decoded;
  core::Span file;
  bool verbatim = false;
};

class SourceMap {
 public:
  // The identity map of a file whose decoded text is the file itself.
  static SourceMap identity(uint32_t size);

  // Appends the next piece. Pieces must be added in order of their decoded
  // offsets, without gaps; file ranges may go anywhere (headers first, a
  // part's body later) and may overlap.
  void add(core::Span decoded, core::Span file, bool verbatim);
  // Decoded bytes copied verbatim from file offset `file_begin`.
  void add_verbatim(uint32_t decoded_begin, uint32_t file_begin, uint32_t length);

  // The file bytes that encode decoded[span]: exact inside verbatim pieces,
  // widened to whole pieces elsewhere. An empty span maps to an empty span.
  core::Span to_file(core::Span decoded) const;
  // Whether decoded[span] is a verbatim copy of one contiguous run of file
  // bytes, so that an edit of the span can be applied to the file as it is.
  bool one_to_one(core::Span decoded) const;
  bool is_identity() const { return identity_; }
  const std::vector<MapPiece>& pieces() const { return pieces_; }

 private:
  size_t piece_at(uint32_t decoded_offset) const;
  std::vector<MapPiece> pieces_;
  bool identity_ = false;
};

}  // namespace followup::input
