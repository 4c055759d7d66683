#include "input/plain.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace in = followup::input;

namespace {

followup::core::Span span_of(const in::Decoded& d, std::string_view word, size_t from = 0) {
  size_t at = d.text.find(word, from);
  REQUIRE(at != std::string::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())};
}

std::string file_of(const in::Decoded& d, std::string_view word) {
  auto span = d.map.to_file(span_of(d, word));
  return std::string(d.file().substr(span.begin, span.size()));
}

}  // namespace

TEST_CASE("plain: UTF-8 is the file itself", "[input][plain]") {
  auto d = in::decode_plain("Subject: Thanks\r\n\r\nHi Sam,\nThank you.\r\n");
  CHECK(d.text == "Subject: Thanks\r\n\r\nHi Sam,\nThank you.\r\n");
  CHECK(d.file_text.empty());
  CHECK(d.problems.empty());
  CHECK(file_of(d, "Sam") == "Sam");
  CHECK(d.map.one_to_one(span_of(d, "Thank you")));
}

TEST_CASE("plain: a UTF-8 BOM is left out of the text, positions still in the file",
          "[input][plain]") {
  auto d = in::decode_plain("\xEF\xBB\xBFHi Sam,\n");
  CHECK(d.text == "Hi Sam,\n");
  CHECK(d.file() == "\xEF\xBB\xBFHi Sam,\n");
  CHECK(d.map.to_file(span_of(d, "Sam")).begin == 6);
  CHECK(file_of(d, "Sam") == "Sam");
  CHECK(d.map.one_to_one(span_of(d, "Sam")));
}

TEST_CASE("plain: UTF-16 with a BOM is transcoded", "[input][plain]") {
  std::string le = "\xFF\xFE";
  for (char c : std::string("Hi R\xE9ne,\n")) {
    le += c;
    le += '\0';
  }
  // é as U+00E9 in UTF-16LE
  auto d = in::decode_plain(le);
  CHECK(d.problems.empty());
  CHECK(d.text == "Hi R\xC3\xA9ne,\n");
  CHECK(d.file_text == "\xEF\xBB\xBFHi R\xC3\xA9ne,\n");
  CHECK(file_of(d, "R\xC3\xA9ne") == "R\xC3\xA9ne");

  std::string be = "\xFE\xFF";
  for (char c : std::string("Hi Sam\n")) {
    be += '\0';
    be += c;
  }
  CHECK(in::decode_plain(be).text == "Hi Sam\n");
}

TEST_CASE("plain: a declared encoding is transcoded", "[input][plain]") {
  std::string bytes = "+++\nencoding = \"windows-1252\"\n+++\nHi Ren\xE9, it\x92s great.\n";
  auto d = in::decode_plain(bytes);
  CHECK(d.problems.empty());
  CHECK(d.text ==
        "+++\nencoding = \"windows-1252\"\n+++\nHi Ren\xC3\xA9, it\xE2\x80\x99s great.\n");
  CHECK(file_of(d, "it\xE2\x80\x99s") == "it\xE2\x80\x99s");

  in::ReadOptions options;
  options.encoding = "latin1";
  CHECK(in::decode_plain("Ren\xE9\n", options).text == "Ren\xC3\xA9\n");

  options.encoding = "no-such-charset";
  auto unknown = in::decode_plain("Hi\n", options);
  REQUIRE(unknown.problems.size() == 1);
  CHECK(unknown.problems[0].message.find("unknown encoding 'no-such-charset'") !=
        std::string::npos);
  CHECK(unknown.text == "Hi\n");
}

TEST_CASE("plain: an unknown encoding in front matter is reported at its key",
          "[input][plain]") {
  auto d = in::decode_plain("+++\n  encoding = \"windE2\"\n+++\nHi\n");
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].file_offset == 6);  // the 'e' of encoding, line 2
  CHECK(d.problems[0].message.find("unknown encoding 'windE2'") == 0);

  auto with_bom = in::decode_plain("\xEF\xBB\xBF+++\nencoding = \"nope\"\n+++\nHi\n");
  REQUIRE(with_bom.problems.size() == 1);
  CHECK(with_bom.problems[0].file_offset == 7);
}

TEST_CASE("plain: invalid UTF-8 names the likely encoding and how to declare it",
          "[input][plain]") {
  auto d = in::decode_plain("Hi Sam,\nI\x92m grateful.\n");
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].file_offset == 9);
  CHECK(d.problems[0].message.find("invalid UTF-8 at byte 9") == 0);
  CHECK(d.problems[0].message.find("windows-1252") != std::string::npos);
  CHECK(d.problems[0].message.find("encoding = \"windows-1252\"") != std::string::npos);
  CHECK(d.text == "Hi Sam,\nI\xEF\xBF\xBDm grateful.\n");
  CHECK(file_of(d, "grateful") == "grateful");
  CHECK_FALSE(d.map.one_to_one(span_of(d, "I\xEF\xBF\xBDm")));
}

TEST_CASE("plain: NUL bytes are a binary file", "[input][plain]") {
  auto d = in::decode_plain(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].message.find("binary file") == 0);
  CHECK(d.text.empty());
}

TEST_CASE("plain: history is left out, positions unchanged", "[input][plain]") {
  auto d = in::decode_plain("Hi Sam,\n> quoted\nThanks again.\n\nSent from my iPhone\n");
  CHECK(d.text == "Hi Sam,\nThanks again.\n\n");
  CHECK(d.file_text == "Hi Sam,\n> quoted\nThanks again.\n\nSent from my iPhone\n");
  CHECK(file_of(d, "again") == "again");
  CHECK(d.map.to_file(span_of(d, "again")).begin == 24);
  CHECK(d.map.one_to_one(span_of(d, "Thanks again")));
}
