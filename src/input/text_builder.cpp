#include "input/text_builder.hpp"

#include <algorithm>

namespace followup::input {

void TextBuilder::verbatim(std::string_view s, uint32_t file_begin) {
  if (s.empty()) return;
  map_.add_verbatim(size(), file_begin, to_u32(s.size()));
  text_.append(s);
}

void TextBuilder::mapped(std::string_view s, core::Span file) {
  if (s.empty()) return;
  map_.add({size(), size() + to_u32(s.size())}, file, false);
  text_.append(s);
}

namespace {

// Appends decoded[span] (inside `piece`) to the builder with its file range.
void copy_part(TextBuilder& out, std::string_view text, const MapPiece& piece, core::Span span) {
  uint32_t b = std::max(span.begin, piece.decoded.begin);
  uint32_t e = std::min(span.end, piece.decoded.end);
  if (b >= e) return;
  std::string_view part = text.substr(b, e - b);
  if (piece.verbatim) {
    out.verbatim(part, piece.file.begin + (b - piece.decoded.begin));
  } else {
    out.mapped(part, piece.file);  // a piece cut in two still stands for all its bytes
  }
}

}  // namespace

void keep_spans(std::string& text, SourceMap& map, const std::vector<core::Span>& spans) {
  if (spans.size() == 1 && spans[0].begin == 0 && spans[0].end == text.size()) return;
  TextBuilder out;
  const auto& pieces = map.pieces();
  size_t p = 0;
  for (core::Span span : spans) {
    // Spans and pieces both go forward, so one pass over the pieces serves all spans.
    while (p < pieces.size() && pieces[p].decoded.end <= span.begin) ++p;
    for (size_t k = p; k < pieces.size() && pieces[k].decoded.begin < span.end; ++k) {
      copy_part(out, text, pieces[k], span);
    }
  }
  text = out.take_text();
  map = out.take_map();
}

}  // namespace followup::input
