// TextBuilder: the decoded text and its SourceMap, built together so that a
// decoder cannot append text without saying where it came from. Also the
// step every decoder ends with: keeping only some spans of a decoded text
// (the writer's own text) while the map keeps pointing into the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"
#include "input/source_map.hpp"

namespace followup::input {

class TextBuilder {
 public:
  // `s` is a copy of the file's bytes at `file_begin`: maps byte for byte.
  void verbatim(std::string_view s, uint32_t file_begin);
  // `s` stands for the file bytes `file` as a whole (an entity, a
  // synthesized line break or header); never offered for a fix.
  void mapped(std::string_view s, core::Span file);

  const std::string& text() const { return text_; }
  uint32_t size() const { return static_cast<uint32_t>(text_.size()); }
  bool empty() const { return text_.empty(); }
  char back() const { return text_.back(); }

  std::string take_text() { return std::move(text_); }
  SourceMap take_map() { return std::move(map_); }

 private:
  std::string text_;
  SourceMap map_;
};

// Keeps decoded[spans] of `text` (spans in order, not overlapping) and
// rewrites `map` so that the kept text still maps onto the same file bytes.
void keep_spans(std::string& text, SourceMap& map, const std::vector<core::Span>& spans);

// Offsets into a buffer are uint32_t everywhere; inputs are capped far below 4 GiB.
inline uint32_t to_u32(size_t n) { return static_cast<uint32_t>(n); }

}  // namespace followup::input
