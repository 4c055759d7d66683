#include "core/source.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace followup::core {

Source::Source(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  valid_utf8_ = !find_invalid_utf8(text_).has_value();
  // A UTF-8 byte order mark is not part of the first line: editors hide it.
  const uint32_t first = text_.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  line_starts_.push_back(first);
  const auto n = static_cast<uint32_t>(text_.size());
  for (uint32_t i = first; i < n; ++i) {
    char c = text_[i];
    if (c == '\n') {
      line_starts_.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < n && text_[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

uint32_t Source::line_of(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return std::max<uint32_t>(1, static_cast<uint32_t>(it - line_starts_.begin()));
}

Span Source::line_span(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {size(), size()};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : size();
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return {begin, end};
}

Position Source::position(uint32_t offset) const {
  offset = std::min(std::max(offset, line_starts_[0]), size());
  uint32_t line = line_of(offset);
  uint32_t start = line_starts_[line - 1];
  return {line, 1 + count_code_points(std::string_view(text_).substr(start, offset - start))};
}

uint32_t Source::utf16_column(uint32_t offset) const {
  offset = std::min(std::max(offset, line_starts_[0]), size());
  uint32_t start = line_starts_[line_of(offset) - 1];
  return count_utf16_units(std::string_view(text_).substr(start, offset - start));
}

uint32_t Source::offset_of_utf16(uint32_t line0, uint32_t character) const {
  if (line0 >= line_starts_.size()) return size();
  Span line = line_span(line0 + 1);
  uint32_t units = 0;
  uint32_t i = line.begin;
  while (i < line.end && units < character) {
    Decoded d = decode_utf8(text_, i);
    units += d.code_point >= 0x10000 ? 2 : 1;
    if (units > character) break;  // inside a surrogate pair: stay before it
    i += d.length;
  }
  return i;
}

}  // namespace followup::core
