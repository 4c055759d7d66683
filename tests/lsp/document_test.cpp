#include "lsp/document.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>

using namespace followup::lsp;

namespace {

Document doc_with(std::string text) {
  return Document("file:///tmp/a.txt", "/tmp/a.txt", std::move(text), 1);
}

Range range(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2) { return {{l1, c1}, {l2, c2}}; }

constexpr auto kU16 = PositionEncoding::kUtf16;
constexpr auto kU8 = PositionEncoding::kUtf8;

}  // namespace

TEST_CASE("incremental edits: insert / delete and replace within a line", "[lsp][document]") {
  Document d = doc_with("Dear Ms. Kim,\nThank you.\n");
  d.apply_change(range(1, 5, 1, 5), " you so much", kU16);
  CHECK(d.text() == "Dear Ms. Kim,\nThank you so much you.\n");
  d.apply_change(range(1, 17, 1, 21), "", kU16);
  CHECK(d.text() == "Dear Ms. Kim,\nThank you so much.\n");
  d.apply_change(range(0, 9, 0, 12), "Rivera", kU16);
  CHECK(d.text() == "Dear Ms. Rivera,\nThank you so much.\n");
}

TEST_CASE("incremental edits: ranges across lines / including CRLF", "[lsp][document]") {
  Document d = doc_with("one\r\ntwo\r\nthree\r\n");
  d.apply_change(range(0, 2, 2, 1), "X", kU16);
  CHECK(d.text() == "onXhree\r\n");
  d.apply_change(range(1, 0, 1, 0), "four", kU16);  // the empty last line
  CHECK(d.text() == "onXhree\r\nfour");
  d.apply_change(range(0, 7, 1, 0), " ", kU16);  // join the lines
  CHECK(d.text() == "onXhree four");
}

TEST_CASE("incremental edits: next to accents and emoji / UTF-16", "[lsp][document]") {
  Document d = doc_with("Zoë 😀 Núñez\n");
  // After the emoji: "Zoë " = 4 units, 😀 = 2 units.
  d.apply_change(range(0, 6, 0, 6), "!", kU16);
  CHECK(d.text() == "Zoë 😀! Núñez\n");
  // Replace the emoji itself.
  d.apply_change(range(0, 4, 0, 6), "🙂", kU16);
  CHECK(d.text() == "Zoë 🙂! Núñez\n");
  // Delete 'ñ' (one unit) in Núñez: "Zoë 🙂! Nú" = 4+2+1+1+2 = 10.
  d.apply_change(range(0, 10, 0, 11), "n", kU16);
  CHECK(d.text() == "Zoë 🙂! Núnez\n");
  // An edit that ends inside the surrogate pair does not split the emoji.
  d.apply_change(range(0, 3, 0, 5), "", kU16);
  CHECK(d.text() == "Zoë🙂! Núnez\n");
}

TEST_CASE("incremental edits: next to accents and emoji / UTF-8", "[lsp][document]") {
  Document d = doc_with("Zoë 😀 Núñez\n");
  // "Zoë " = 5 bytes, 😀 = 4 bytes.
  d.apply_change(range(0, 9, 0, 9), "!", kU8);
  CHECK(d.text() == "Zoë 😀! Núñez\n");
  d.apply_change(range(0, 5, 0, 9), "", kU8);
  CHECK(d.text() == "Zoë ! Núñez\n");
  d.apply_change(range(0, 2, 0, 4), "e", kU8);
  CHECK(d.text() == "Zoe ! Núñez\n");
}

TEST_CASE("incremental edits: positions past the end are clamped", "[lsp][document]") {
  Document d = doc_with("abc\ndef");
  d.apply_change(range(0, 99, 0, 99), "X", kU16);
  CHECK(d.text() == "abcX\ndef");
  d.apply_change(range(5, 0, 9, 9), "!", kU16);
  CHECK(d.text() == "abcX\ndef!");
  d.apply_change(range(1, 2, 0, 1), "", kU16);  // reversed: treated as ordered
  CHECK(d.text() == "af!");
}

TEST_CASE("incremental edits: a sequence of edits matches a reference model", "[lsp][document]") {
  // Random edits expressed in UTF-16 positions against a text with multi-byte characters,
  // checked against a std::u16string model.
  std::mt19937 rng(42);
  const std::vector<std::string> pieces = {"a", "é", "😀", "\n", "ü", " ", "中", "\r\n", "Zoë"};
  std::string text = "Dear Zoë,\nThanks 😀\n";
  Document d = doc_with(text);
  auto to_u16 = [](const std::string& s) {
    std::u16string out;
    for (size_t i = 0; i < s.size();) {
      auto c = static_cast<unsigned char>(s[i]);
      char32_t cp;
      size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
      for (size_t k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
      if (cp >= 0x10000) {
        out.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
        out.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
      } else {
        out.push_back(static_cast<char16_t>(cp));
      }
      i += len;
    }
    return out;
  };
  for (int step = 0; step < 300; ++step) {
    // Pick two boundaries between characters (never inside a surrogate pair) and map them to
    // positions.
    std::u16string u = to_u16(d.text());
    std::vector<size_t> cuts;
    for (size_t i = 0; i <= u.size(); ++i)
      if (i == u.size() || !(u[i] >= 0xDC00 && u[i] <= 0xDFFF)) cuts.push_back(i);
    size_t a = cuts[rng() % cuts.size()], b = cuts[rng() % cuts.size()];
    if (a > b) std::swap(a, b);
    auto pos = [&](size_t idx) {
      Position p;
      for (size_t i = 0; i < idx; ++i) {
        if (u[i] == '\n' || (u[i] == '\r' && !(i + 1 < u.size() && u[i + 1] == '\n'))) {
          ++p.line;
          p.character = 0;
        } else if (u[i] == '\r') {
          // CR of a CRLF: the LF ends the line
        } else {
          ++p.character;
        }
      }
      return p;
    };
    // Keep CRLF pairs whole: skip cuts between CR and LF.
    if ((a > 0 && a < u.size() && u[a - 1] == '\r' && u[a] == '\n') ||
        (b > 0 && b < u.size() && u[b - 1] == '\r' && u[b] == '\n'))
      continue;
    std::string insert = pieces[rng() % pieces.size()];
    std::u16string expected = u.substr(0, a) + to_u16(insert) + u.substr(b);
    d.apply_change(Range{pos(a), pos(b)}, insert, kU16);
    INFO("step " << step);
    REQUIRE(to_u16(d.text()) == expected);
  }
}

TEST_CASE("documents: set_text replaces the whole text and marks it dirty", "[lsp][document]") {
  Document d = doc_with("old");
  d.dirty = false;
  d.set_text("new text", 5);
  CHECK(d.text() == "new text");
  CHECK(d.version() == 5);
  CHECK(d.dirty);
  CHECK(d.source().text() == "new text");
}
