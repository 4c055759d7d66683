#include "core/source.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "core/utf8.hpp"

namespace followup::core {

namespace {
// Bytes between two entries of the count index: a position costs at most this
// much decoding past an index lookup, however long its line.
constexpr uint32_t kCountStride = 256;
}  // namespace

Source::Source(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  // One pass finds the line starts, checks the UTF-8 and builds the count index.
  // A UTF-8 byte order mark is not part of the first line: editors hide it.
  const uint32_t first = text_.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  line_starts_.push_back(first);
  counts_.push_back({0, 0, 0});
  const auto n = static_cast<uint32_t>(text_.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
  uint32_t code_points = 0, supplementary = 0, next_count = kCountStride;
  for (uint32_t i = 0; i < n;) {
    if (i >= next_count) {
      counts_.push_back({i, code_points, supplementary});
      next_count = i + kCountStride;
    }
    // Eight bytes at a time while they are ASCII with no line break (most
    // of a note), up to the next count so the index keeps its stride.
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
    auto has_zero_byte = [](uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
    while (i + 8 <= n && i < next_count) {
      uint64_t w;
      std::memcpy(&w, bytes + i, 8);
      if ((w & kHighs) || has_zero_byte(w ^ (kOnes * '\n')) || has_zero_byte(w ^ (kOnes * '\r'))) break;
      i += 8;
      code_points += 8;
    }
    if (i >= n) break;
    if (i >= next_count) continue;
    unsigned char c = bytes[i];
    ++code_points;
    if (c < 0x80) {
      // Lines end at "\n", "\r\n" or a lone "\r". A newline is never part of
      // a longer UTF-8 sequence, so each line starts on a code point boundary.
      if (c == '\n' || (c == '\r' && (i + 1 == n || bytes[i + 1] != '\n')))
        line_starts_.push_back(i + 1);
      ++i;
      continue;
    }
    ascii_ = false;
    Decoded d = decode_utf8(text_, i);
    if (d.length == 1) valid_utf8_ = false;  // a stray byte, read as one U+FFFD
    if (d.code_point >= 0x10000) ++supplementary;
    i += d.length;
  }
}

// Reads as count_code_points does on the text up to
// `offset`: every line start is a boundary of this reading, so a difference of
// two counts equals those functions applied to the text between them.
Source::Count Source::count_before(uint32_t offset) const {
  offset = std::min(offset, size());
  if (ascii_) return {offset, offset, 0};
  auto it = std::upper_bound(counts_.begin(), counts_.end(), offset,
                             [](uint32_t o, const Count& c) { return o < c.offset; });
  Count count = *std::prev(it);  // counts_[0] is at offset 0
  const std::string_view head = std::string_view(text_).substr(0, offset);
  for (uint32_t i = count.offset; i < offset;) {
    ++count.code_points;
    if (static_cast<unsigned char>(head[i]) < 0x80) {
      ++i;
      continue;
    }
    Decoded d = decode_utf8(head, i);
    if (d.code_point >= 0x10000) ++count.supplementary;
    i += d.length;
  }
  count.offset = offset;
  return count;
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
  return {line, 1 + count_before(offset).code_points - count_before(start).code_points};
}

Source::CodePoints Source::code_points_before(uint32_t offset) const {
  Count count = count_before(offset);
  return {count.code_points, count.supplementary};
}

}  // namespace followup::core
