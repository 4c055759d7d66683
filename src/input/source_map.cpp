#include "input/source_map.hpp"

#include <algorithm>

namespace followup::input {

SourceMap SourceMap::identity(uint32_t size) {
  SourceMap map;
  map.pieces_.push_back({{0, size}, {0, size}, true});
  map.identity_ = true;
  return map;
}

void SourceMap::add(core::Span decoded, core::Span file, bool verbatim) {
  if (decoded.empty()) return;
  identity_ = false;
  // Merge with the previous piece when both are verbatim and contiguous on
  // both sides: a plain stretch of text stays one piece however it was added.
  if (verbatim && !pieces_.empty()) {
    MapPiece& last = pieces_.back();
    if (last.verbatim && last.decoded.end == decoded.begin && last.file.end == file.begin) {
      last.decoded.end = decoded.end;
      last.file.end = file.end;
      return;
    }
  }
  pieces_.push_back({decoded, file, verbatim && decoded.size() == file.size()});
}

void SourceMap::add_verbatim(uint32_t decoded_begin, uint32_t file_begin, uint32_t length) {
  add({decoded_begin, decoded_begin + length}, {file_begin, file_begin + length}, true);
}

size_t SourceMap::piece_at(uint32_t decoded_offset) const {
  // The last piece that starts at or before the offset.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), decoded_offset,
                             [](uint32_t offset, const MapPiece& p) { return offset < p.decoded.begin; });
  return it == pieces_.begin() ? 0 : static_cast<size_t>(it - pieces_.begin()) - 1;
}

core::Span SourceMap::to_file(core::Span decoded) const {
  if (pieces_.empty()) return {0, 0};
  const MapPiece& first = pieces_[piece_at(decoded.begin)];
  uint32_t begin = first.file.begin;
  if (first.verbatim) begin += std::min(decoded.begin, first.decoded.end) - first.decoded.begin;
  if (decoded.empty()) return {begin, begin};
  const MapPiece& last = pieces_[piece_at(decoded.end - 1)];
  uint32_t end = last.file.end;
  if (last.verbatim) end = last.file.begin + (std::min(decoded.end, last.decoded.end) - last.decoded.begin);
  return {begin, std::max(begin, end)};
}

bool SourceMap::one_to_one(core::Span decoded) const {
  if (pieces_.empty()) return false;
  size_t i = piece_at(decoded.begin);
  if (decoded.empty()) return pieces_[i].verbatim;
  size_t last = piece_at(decoded.end - 1);
  for (size_t k = i; k <= last; ++k) {
    if (!pieces_[k].verbatim) return false;
    if (k > i && pieces_[k].file.begin != pieces_[k - 1].file.end) return false;
  }
  return true;
}

}  // namespace followup::input
