// Source: one draft's bytes plus a line index. Owns its text; everything else
// (Draft, Diagnostic) refers into it by byte Span. Line and column numbers are
// computed here on demand and never stored by rules. A sparse index of code
// point counts keeps each position() cheap on a line megabytes long.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace followup::core {

struct Position {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in code points
};

class Source {
 public:
  Source(std::string path, std::string text);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  std::string_view slice(Span span) const {
    return std::string_view(text_).substr(span.begin, span.size());
  }
  uint32_t size() const { return static_cast<uint32_t>(text_.size()); }
  bool valid_utf8() const { return valid_utf8_; }

  // Lines end at "\n", "\r\n" or a lone "\r".
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  uint32_t line_of(uint32_t offset) const;       // 1-based
  Span line_span(uint32_t line) const;           // 1-based, without the terminator
  Position position(uint32_t offset) const;      // column in code points
  // Code points before `offset`, and how many of them lie beyond the Basic
  // Multilingual Plane (the language server's UTF-16 columns count those twice).
  struct CodePoints {
    uint32_t all = 0;
    uint32_t supplementary = 0;
  };
  CodePoints code_points_before(uint32_t offset) const;

 private:
  std::string path_;
  std::string text_;
  // Code points (all, and beyond the BMP) before `offset`. counts_ holds
  // them at code point boundaries a few hundred bytes apart, from offset 0.
  struct Count {
    uint32_t offset = 0;
    uint32_t code_points = 0;
    uint32_t supplementary = 0;  // code points >= U+10000
  };
  Count count_before(uint32_t offset) const;

  std::vector<uint32_t> line_starts_;
  std::vector<Count> counts_;
  bool valid_utf8_ = true;
  bool ascii_ = true;  // no byte >= 0x80: a code point per byte, positions need no counting
};

}  // namespace followup::core
