// Span: a half-open byte range into a Source's text. Positions inside the
// program are always byte offsets; line/column conversion happens at the edges.
#pragma once

#include <cstdint>

namespace followup::core {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(uint32_t offset) const { return offset >= begin && offset < end; }
  bool contains(Span other) const { return other.begin >= begin && other.end <= end; }
  friend bool operator==(Span a, Span b) { return a.begin == b.begin && a.end == b.end; }
};

}  // namespace followup::core
