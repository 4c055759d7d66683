#include "core/utf8.hpp"
#include "lsp/convert.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>

using followup::core::append_utf8;
using followup::core::count_code_points;
using followup::lsp::count_utf16_units;
using followup::core::decode_utf8;
using followup::core::find_invalid_utf8;

TEST_CASE("find_invalid_utf8: valid text", "[utf8]") {
  CHECK_FALSE(find_invalid_utf8(""));
  CHECK_FALSE(find_invalid_utf8("plain ASCII, nothing else\r\n"));
  CHECK_FALSE(find_invalid_utf8("h\xC3\xA9llo \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80"));
  CHECK_FALSE(find_invalid_utf8(std::string("a\0b", 3)));  // NUL is valid UTF-8
  // Boundaries of each length.
  CHECK_FALSE(find_invalid_utf8("\x7F"));
  CHECK_FALSE(find_invalid_utf8("\xC2\x80"));              // U+0080
  CHECK_FALSE(find_invalid_utf8("\xDF\xBF"));              // U+07FF
  CHECK_FALSE(find_invalid_utf8("\xE0\xA0\x80"));          // U+0800
  CHECK_FALSE(find_invalid_utf8("\xED\x9F\xBF"));          // U+D7FF
  CHECK_FALSE(find_invalid_utf8("\xEE\x80\x80"));          // U+E000
  CHECK_FALSE(find_invalid_utf8("\xEF\xBF\xBD"));          // U+FFFD itself
  CHECK_FALSE(find_invalid_utf8("\xEF\xBF\xBF"));          // U+FFFF
  CHECK_FALSE(find_invalid_utf8("\xF0\x90\x80\x80"));      // U+10000
  CHECK_FALSE(find_invalid_utf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF
}

TEST_CASE("find_invalid_utf8: invalid sequences", "[utf8]") {
  struct Case {
    std::string text;
    uint32_t offset;
  };
  const Case cases[] = {
      {"ab\x80" "cd", 2},             // lone continuation byte
      {"\xBF", 0},                    // lone continuation byte
      {"\xC0\xAF", 0},                // overlong '/'
      {"x\xC1\xBF", 1},               // overlong U+007F
      {"xy\xE0\x80\xAF", 2},          // overlong '/' in three bytes
      {"\xE0\x9F\xBF", 0},            // overlong U+07FF
      {"\xF0\x8F\xBF\xBF", 0},        // overlong U+FFFF
      {"\xED\xA0\x80", 0},            // encoded surrogate U+D800
      {"ok \xED\xBF\xBF", 3},         // encoded surrogate U+DFFF
      {"\xF4\x90\x80\x80", 0},        // U+110000
      {"\xF5\x80\x80\x80", 0},        // lead byte past U+10FFFF
      {"\xF8\x88\x80\x80\x80", 0},    // five-byte form
      {"\xFE", 0},
      {"\xFF", 0},
      {"ok\xE2\x82", 2},              // truncated at the end
      {"ok\xF0\x9F\x98", 2},          // truncated at the end
      {"\xC3", 0},                    // truncated at the end
      {"\xC3" "A", 0},                // missing continuation
      {"\xE2\x82" "A", 0},            // missing continuation
      {"\xC3\xA9\xC3\xA9\x80", 4},    // valid prefix, then a stray byte
      {std::string("\0\xC3", 2), 1},  // NUL, then a truncated sequence
  };
  for (const Case& c : cases) {
    INFO("offset " << c.offset);
    auto found = find_invalid_utf8(c.text);
    REQUIRE(found.has_value());
    CHECK(*found == c.offset);
  }
}

TEST_CASE("decode_utf8", "[utf8]") {
  std::string text = "a\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80";
  auto d = decode_utf8(text, 0);
  CHECK(d.code_point == U'a');
  CHECK(d.length == 1);
  d = decode_utf8(text, 1);
  CHECK(d.code_point == U'\u00E9');
  CHECK(d.length == 2);
  d = decode_utf8(text, 3);
  CHECK(d.code_point == U'\u65E5');
  CHECK(d.length == 3);
  d = decode_utf8(text, 6);
  CHECK(d.code_point == U'\U0001F600');
  CHECK(d.length == 4);
  // A continuation byte on its own, or a truncated sequence: U+FFFD, one byte.
  d = decode_utf8(text, 2);
  CHECK(d.code_point == 0xFFFD);
  CHECK(d.length == 1);
  d = decode_utf8(std::string_view(text).substr(0, 9), 6);
  CHECK(d.code_point == 0xFFFD);
  CHECK(d.length == 1);
  d = decode_utf8("\xED\xA0\x80", 0);
  CHECK(d.code_point == 0xFFFD);
  CHECK(d.length == 1);
}

TEST_CASE("append_utf8 round-trips through decode_utf8", "[utf8]") {
  const char32_t cps[] = {0x0, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x65E5, 0xD7FF,
                          0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
  for (char32_t cp : cps) {
    INFO("U+" << std::hex << static_cast<uint32_t>(cp));
    std::string out = "x";
    append_utf8(out, cp);
    auto expected_len = cp < 0x80 ? 1u : cp < 0x800 ? 2u : cp < 0x10000 ? 3u : 4u;
    REQUIRE(out.size() == 1 + expected_len);
    CHECK_FALSE(find_invalid_utf8(out));
    auto d = decode_utf8(out, 1);
    CHECK(d.code_point == cp);
    CHECK(d.length == expected_len);
  }
  std::string s;
  append_utf8(s, 0x1F600);
  CHECK(s == "\xF0\x9F\x98\x80");
}

TEST_CASE("count_code_points and count_utf16_units", "[utf8]") {
  CHECK(count_code_points("") == 0);
  CHECK(count_utf16_units("") == 0);
  CHECK(count_code_points("abc") == 3);
  CHECK(count_utf16_units("abc") == 3);
  std::string mixed = "h\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80!";  // h é 日 😀 !
  CHECK(count_code_points(mixed) == 5);
  CHECK(count_utf16_units(mixed) == 6);
  CHECK(count_code_points(std::string("a\0b", 3)) == 3);
  // Invalid bytes count as one U+FFFD each, as decode_utf8 reads them.
  CHECK(count_code_points("a\x80" "b") == 3);
  CHECK(count_utf16_units("a\x80" "b") == 3);
  CHECK(count_code_points("\xF0" "a") == 2);
  CHECK(count_utf16_units("\xF0" "a") == 2);
  CHECK(count_utf16_units("\xF0\x9F\x98") == 3);  // truncated: three stray bytes
}

TEST_CASE("replace_invalid_utf8 keeps valid text and puts U+FFFD for each bad byte", "[core][utf8]") {
  using followup::core::replace_invalid_utf8;
  CHECK(replace_invalid_utf8("José 🙏") == "José 🙏");
  CHECK(replace_invalid_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(replace_invalid_utf8("cut \xE2\x82") == "cut \xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(replace_invalid_utf8("") == "");
}
