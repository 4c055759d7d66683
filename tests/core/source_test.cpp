#include "core/source.hpp"
#include "lsp/convert.hpp"  // UTF-16 columns are the language server's

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "core/utf8.hpp"

using followup::core::Position;
using followup::core::Source;
using followup::core::Span;

namespace {

std::string line_text(const Source& s, uint32_t line) { return std::string(s.slice(s.line_span(line))); }

}  // namespace

TEST_CASE("Source: basic accessors", "[source]") {
  Source s("drafts/a.eml", "Hello\nWorld");
  CHECK(s.path() == "drafts/a.eml");
  CHECK(s.text() == "Hello\nWorld");
  CHECK(s.size() == 11);
  CHECK(s.valid_utf8());
  CHECK(s.slice({6, 11}) == "World");
  CHECK(s.slice({0, 0}).empty());
}

TEST_CASE("Source: LF line endings", "[source]") {
  Source s("a", "ab\ncd\n");
  REQUIRE(s.line_count() == 3);  // the empty line after the final newline counts
  CHECK(s.line_of(0) == 1);
  CHECK(s.line_of(1) == 1);
  CHECK(s.line_of(2) == 1);  // the '\n' belongs to its line
  CHECK(s.line_of(3) == 2);
  CHECK(s.line_of(5) == 2);
  CHECK(s.line_of(6) == 3);
  CHECK(s.line_of(100) == 3);
  CHECK(s.line_span(1) == Span{0, 2});
  CHECK(s.line_span(2) == Span{3, 5});
  CHECK(s.line_span(3) == Span{6, 6});
  CHECK(line_text(s, 1) == "ab");
  CHECK(line_text(s, 2) == "cd");
  // Out-of-range lines give an empty span at the end.
  CHECK(s.line_span(0) == Span{6, 6});
  CHECK(s.line_span(4) == Span{6, 6});

  CHECK(s.position(0).line == 1);
  CHECK(s.position(0).column == 1);
  CHECK(s.position(2).line == 1);
  CHECK(s.position(2).column == 3);
  CHECK(s.position(4).line == 2);
  CHECK(s.position(4).column == 2);
  CHECK(s.position(6).line == 3);
  CHECK(s.position(6).column == 1);
}

TEST_CASE("Source: CRLF line endings", "[source]") {
  Source s("a", "ab\r\ncd\r\nef");
  REQUIRE(s.line_count() == 3);
  CHECK(s.line_of(2) == 1);  // '\r'
  CHECK(s.line_of(3) == 1);  // '\n' of the same terminator
  CHECK(s.line_of(4) == 2);
  CHECK(s.line_of(8) == 3);
  CHECK(s.line_of(10) == 3);
  CHECK(s.line_span(1) == Span{0, 2});
  CHECK(s.line_span(2) == Span{4, 6});
  CHECK(s.line_span(3) == Span{8, 10});
  CHECK(line_text(s, 3) == "ef");
  CHECK(s.position(5).line == 2);
  CHECK(s.position(5).column == 2);
  CHECK(s.position(3).line == 1);
  CHECK(s.position(3).column == 4);

  Source trailing("a", "ab\r\n");
  REQUIRE(trailing.line_count() == 2);
  CHECK(trailing.line_span(1) == Span{0, 2});
  CHECK(trailing.line_span(2) == Span{4, 4});

  Source blank("a", "\r\n\r\n");
  REQUIRE(blank.line_count() == 3);
  CHECK(blank.line_span(1) == Span{0, 0});
  CHECK(blank.line_span(2) == Span{2, 2});
  CHECK(blank.line_span(3) == Span{4, 4});
}

TEST_CASE("Source: lone CR and mixed line endings", "[source]") {
  Source s("a", "ab\rcd\r\rx");
  REQUIRE(s.line_count() == 4);
  CHECK(s.line_span(1) == Span{0, 2});
  CHECK(s.line_span(2) == Span{3, 5});
  CHECK(s.line_span(3) == Span{6, 6});
  CHECK(s.line_span(4) == Span{7, 8});
  CHECK(s.line_of(2) == 1);
  CHECK(s.line_of(3) == 2);
  CHECK(s.line_of(6) == 3);
  CHECK(s.line_of(7) == 4);
  CHECK(s.position(7).line == 4);
  CHECK(s.position(7).column == 1);

  // "\n\r" is two terminators, not one.
  Source mixed("a", "a\n\rb\r\nc\rd");
  REQUIRE(mixed.line_count() == 5);
  CHECK(line_text(mixed, 1) == "a");
  CHECK(line_text(mixed, 2) == "");
  CHECK(line_text(mixed, 3) == "b");
  CHECK(line_text(mixed, 4) == "c");
  CHECK(line_text(mixed, 5) == "d");
}

TEST_CASE("Source: final line without a newline", "[source]") {
  Source s("a", "first\nlast");
  REQUIRE(s.line_count() == 2);
  CHECK(s.line_span(2) == Span{6, 10});
  CHECK(line_text(s, 2) == "last");
  CHECK(s.line_of(9) == 2);
  CHECK(s.line_of(10) == 2);  // end of text
  CHECK(s.position(10).line == 2);
  CHECK(s.position(10).column == 5);
  CHECK(s.position(999).line == 2);  // clamped to the end
  CHECK(s.position(999).column == 5);

  Source one("a", "x");
  CHECK(one.line_count() == 1);
  CHECK(one.line_span(1) == Span{0, 1});
}

TEST_CASE("Source: empty text", "[source]") {
  Source s("empty", "");
  CHECK(s.size() == 0);
  CHECK(s.valid_utf8());
  REQUIRE(s.line_count() == 1);
  CHECK(s.line_of(0) == 1);
  CHECK(s.line_of(5) == 1);
  CHECK(s.line_span(1) == Span{0, 0});
  CHECK(s.line_span(2) == Span{0, 0});
  Position p = s.position(0);
  CHECK(p.line == 1);
  CHECK(p.column == 1);
  CHECK(s.position(3).column == 1);
  CHECK(followup::lsp::utf16_column(s, 0) == 0);
  CHECK(followup::lsp::offset_of_utf16(s, 0, 0) == 0);
  CHECK(followup::lsp::offset_of_utf16(s, 0, 10) == 0);
  CHECK(followup::lsp::offset_of_utf16(s, 1, 0) == 0);
}

TEST_CASE("Source: columns count code points", "[source]") {
  // h é(2 bytes) l l o \n 日(3) 本(3) x
  Source s("a", "h\xC3\xA9llo\n\xE6\x97\xA5\xE6\x9C\xAC" "x");
  REQUIRE(s.size() == 14);
  CHECK(s.position(1).column == 2);  // before é
  CHECK(s.position(3).column == 3);  // after é
  CHECK(s.position(6).column == 6);  // the newline
  CHECK(s.position(7).line == 2);
  CHECK(s.position(7).column == 1);   // before 日
  CHECK(s.position(10).column == 2);  // before 本
  CHECK(s.position(13).column == 3);  // before x
  CHECK(s.position(14).column == 4);  // end
  CHECK(followup::lsp::utf16_column(s, 3) == 2);
  CHECK(followup::lsp::utf16_column(s, 13) == 2);  // BMP characters are one unit each
  CHECK(followup::lsp::offset_of_utf16(s, 1, 1) == 10);
  CHECK(followup::lsp::offset_of_utf16(s, 1, 2) == 13);
  CHECK(followup::lsp::offset_of_utf16(s, 0, 2) == 3);
}

TEST_CASE("Source: an ASCII text and the same text with one accent past the middle agree before it", "[source]") {
  // Long enough for several count checkpoints; the accented copy differs from
  // byte 700 on, where each 'e' becomes a two-byte 'é'.
  std::string ascii;
  for (int i = 0; i < 40; ++i) ascii += "Thank you for the interview on Tuesday.\n";
  std::string accented = ascii.substr(0, 700);
  for (char c : ascii.substr(700)) accented += c == 'e' ? std::string("\xC3\xA9") : std::string(1, c);
  Source plain("a", ascii), mixed("b", accented);
  for (uint32_t offset : {0u, 1u, 39u, 40u, 41u, 300u, 699u, 700u}) {
    INFO(offset);
    CHECK(plain.position(offset).line == mixed.position(offset).line);
    CHECK(plain.position(offset).column == mixed.position(offset).column);
    CHECK(plain.code_points_before(offset).all == offset);
  }
  CHECK(plain.position(static_cast<uint32_t>(ascii.size())).line == 41);
  // Past the first accent, the accented copy counts code points, not bytes.
  const auto end = static_cast<uint32_t>(accented.size());
  CHECK(mixed.code_points_before(end).all == ascii.size());
  CHECK(plain.code_points_before(end).all == ascii.size());  // clamped at its own end
}

TEST_CASE("Source: UTF-16 columns with a surrogate pair", "[source]") {
  // a 😀(U+1F600, 4 bytes, 2 UTF-16 units) b, then a second line.
  Source s("a", "a\xF0\x9F\x98\x80" "b\nxy");
  REQUIRE(s.size() == 9);
  CHECK(followup::lsp::utf16_column(s, 0) == 0);
  CHECK(followup::lsp::utf16_column(s, 1) == 1);
  CHECK(followup::lsp::utf16_column(s, 5) == 3);  // after the emoji
  CHECK(followup::lsp::utf16_column(s, 6) == 4);  // the newline
  CHECK(followup::lsp::utf16_column(s, 7) == 0);  // second line
  CHECK(followup::lsp::utf16_column(s, 9) == 2);
  CHECK(followup::lsp::utf16_column(s, 100) == 2);  // clamped
  CHECK(s.position(5).column == 3);  // one code point for the emoji

  CHECK(followup::lsp::offset_of_utf16(s, 0, 0) == 0);
  CHECK(followup::lsp::offset_of_utf16(s, 0, 1) == 1);
  CHECK(followup::lsp::offset_of_utf16(s, 0, 2) == 1);  // inside the pair: stays before it
  CHECK(followup::lsp::offset_of_utf16(s, 0, 3) == 5);
  CHECK(followup::lsp::offset_of_utf16(s, 0, 4) == 6);   // end of line, before the terminator
  CHECK(followup::lsp::offset_of_utf16(s, 0, 50) == 6);  // clamped to the line end
  CHECK(followup::lsp::offset_of_utf16(s, 1, 0) == 7);
  CHECK(followup::lsp::offset_of_utf16(s, 1, 1) == 8);
  CHECK(followup::lsp::offset_of_utf16(s, 1, 9) == 9);
  CHECK(followup::lsp::offset_of_utf16(s, 2, 0) == 9);  // past the last line: end of text
  CHECK(followup::lsp::offset_of_utf16(s, 99, 3) == 9);
}

TEST_CASE("Source: offset_of_utf16 inverts utf16_column", "[source]") {
  const char* texts[] = {
      "a\xF0\x9F\x98\x80" "b\r\n\xE6\x97\xA5\xC3\xA9\xF0\x9F\x8E\x89z\rlast",
      "",
      "\n\n",
      "plain ascii\nline two\n",
  };
  for (const char* text : texts) {
    Source s("a", text);
    INFO(text);
    for (uint32_t offset = 0; offset <= s.size(); ++offset) {
      bool boundary = offset == s.size() || (static_cast<unsigned char>(s.text()[offset]) & 0xC0) != 0x80;
      Span line = s.line_span(s.line_of(offset));
      if (!boundary || offset > line.end) continue;  // inside a character or a CRLF
      INFO("offset " << offset);
      CHECK(followup::lsp::offset_of_utf16(s, s.line_of(offset) - 1, followup::lsp::utf16_column(s, offset)) == offset);
    }
  }
  // The terminator clamps back to the line end.
  Source crlf("a", "ab\r\ncd");
  CHECK(followup::lsp::offset_of_utf16(crlf, 0, followup::lsp::utf16_column(crlf, 3)) == 2);
  CHECK(followup::lsp::offset_of_utf16(crlf, 0, 99) == 2);
}

TEST_CASE("Source: invalid UTF-8", "[source]") {
  Source s("a", "ab\x80" "c\n\xF0" "d");
  CHECK_FALSE(s.valid_utf8());
  // Each invalid byte counts as one U+FFFD, consistently in all three.
  CHECK(s.position(3).column == 4);
  CHECK(s.position(4).column == 5);
  CHECK(followup::lsp::utf16_column(s, 3) == 3);
  CHECK(followup::lsp::utf16_column(s, 4) == 4);
  CHECK(followup::lsp::offset_of_utf16(s, 0, 3) == 3);
  CHECK(followup::lsp::offset_of_utf16(s, 0, 4) == 4);
  CHECK(followup::lsp::utf16_column(s, 6) == 1);  // after the stray lead byte on line 2
  CHECK(followup::lsp::offset_of_utf16(s, 1, 1) == 6);
  CHECK(followup::lsp::utf16_column(s, 7) == 2);
  CHECK(followup::lsp::offset_of_utf16(s, 1, 2) == 7);
  CHECK(s.position(6).column == 2);
  CHECK(s.position(7).column == 3);
}

TEST_CASE("Source: columns on long lines agree with counting from the line start", "[source]") {
  // Mixed widths, stray bytes, a sequence cut by the end, and every line
  // ending, repeated past the stride of the position index.
  std::string unit = "ab \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \x80 \xE2\x82 x\r\ny\rz\n";
  std::string long_line(3000, 'w');
  for (int i = 0; i < 40; ++i) long_line += "\xF0\x9F\x98\x80\xC3\xA9";
  std::string text = "\xEF\xBB\xBF" + long_line + "\n";
  for (int i = 0; i < 60; ++i) text += unit;
  text += long_line + "\xF0\x9F";
  Source s("a", text);
  std::string_view view = s.text();
  for (uint32_t offset = 3; offset <= s.size(); ++offset) {
    uint32_t start = s.line_span(s.line_of(offset)).begin;
    std::string_view before = view.substr(start, offset - start);
    REQUIRE(s.position(offset).column == 1 + followup::core::count_code_points(before));
    REQUIRE(followup::lsp::utf16_column(s, offset) == followup::lsp::count_utf16_units(before));
  }
}
