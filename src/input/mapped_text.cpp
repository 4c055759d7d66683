#include "input/mapped_text.hpp"

#include <algorithm>

namespace followup::input {

namespace {

// The inner piece that holds offset `at`: the last one starting at or before it.
size_t inner_piece_at(const std::vector<MapPiece>& pieces, uint32_t at) {
  auto it =
      std::upper_bound(pieces.begin(), pieces.end(), at,
                       [](uint32_t offset, const MapPiece& p) { return offset < p.decoded.begin; });
  return it == pieces.begin() ? 0 : static_cast<size_t>(it - pieces.begin()) - 1;
}

// A verbatim outer piece crosses one or more inner pieces: each crossing
// keeps the precision of the inner piece it falls in.
void compose_verbatim(const MapPiece& p, const std::vector<MapPiece>& inner, SourceMap& out) {
  size_t k = inner_piece_at(inner, p.file.begin);
  uint32_t pos = p.file.begin;
  while (pos < p.file.end) {
    const MapPiece& q = inner[k];
    bool last = k + 1 >= inner.size();
    uint32_t q_end = last ? std::max(q.decoded.end, p.file.end) : inner[k + 1].decoded.begin;
    uint32_t seg_end = std::min(p.file.end, std::max(q_end, pos + 1));
    core::Span c{p.decoded.begin + (pos - p.file.begin),
                 p.decoded.begin + (seg_end - p.file.begin)};
    bool exact = q.verbatim && pos >= q.decoded.begin && seg_end <= q.decoded.end;
    if (exact) {
      uint32_t fb = q.file.begin + (pos - q.decoded.begin);
      out.add(c, {fb, fb + c.size()}, true);
    } else {
      out.add(c, q.file, false);
    }
    pos = seg_end;
    if (!last) ++k;
  }
}

}  // namespace

SourceMap compose(const SourceMap& outer, const SourceMap& inner) {
  SourceMap out;
  const std::vector<MapPiece>& inner_pieces = inner.pieces();
  for (const MapPiece& p : outer.pieces()) {
    if (inner_pieces.empty()) {
      out.add(p.decoded, {0, 0}, false);
    } else if (p.verbatim) {
      compose_verbatim(p, inner_pieces, out);
    } else {
      out.add(p.decoded, inner.to_file(p.file), false);
    }
  }
  return out;
}

MappedText chain(MappedText stage, const MappedText& previous) {
  stage.map = compose(stage.map, previous.map);
  return stage;
}

void append_verbatim(MappedText& out, std::string_view bytes, uint32_t input_begin) {
  auto begin = static_cast<uint32_t>(out.text.size());
  out.text.append(bytes);
  out.map.add_verbatim(begin, input_begin, static_cast<uint32_t>(bytes.size()));
}

void append_encoded(MappedText& out, std::string_view bytes, core::Span input) {
  auto begin = static_cast<uint32_t>(out.text.size());
  out.text.append(bytes);
  out.map.add({begin, static_cast<uint32_t>(out.text.size())}, input, false);
}

}  // namespace followup::input
