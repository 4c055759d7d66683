#include "input/flowed.hpp"

#include <catch2/catch.hpp>
#include <string>

using followup::core::Span;
using followup::input::LineFormat;
using followup::input::MappedText;
using followup::input::unwrap_lines;

namespace {

std::string source_of(const MappedText& m, std::string_view in, std::string_view needle) {
  size_t at = m.text.find(needle);
  REQUIRE(at != std::string::npos);
  Span file = m.map.to_file({static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())});
  return std::string(in.substr(file.begin, file.size()));
}

}  // namespace

TEST_CASE("flowed: soft breaks join lines, hard breaks stay", "[input][flowed]") {
  std::string in = "Thank you for \r\nthe call.\r\nBest,\r\nAna\r\n";
  MappedText m = unwrap_lines(in, {true, false});
  CHECK(m.text == "Thank you for the call.\nBest,\nAna\n");
  CHECK(source_of(m, in, "for the") == "for \r\nthe");
  CHECK(m.map.one_to_one({0, 14}));
}

TEST_CASE("flowed: delsp=yes deletes the space before a soft break", "[input][flowed]") {
  MappedText m = unwrap_lines("Tues \nday was great.\n", {true, true});
  CHECK(m.text == "Tuesday was great.\n");
}

TEST_CASE("flowed: space-stuffing is undone, the signature line is never flowed",
          "[input][flowed]") {
  MappedText m = unwrap_lines(" From the start \nit fit.\n-- \nAna\n", {true, false});
  CHECK(m.text == "From the start it fit.\n-- \nAna\n");
}

TEST_CASE("flowed: quoted lines join only at the same depth", "[input][flowed]") {
  MappedText m = unwrap_lines("> We will \n> decide soon. \nThanks.\n", {true, false});
  CHECK(m.text == "> We will decide soon. \nThanks.\n");
}

TEST_CASE("fixed lines: CRLF becomes LF, nothing else changes", "[input][flowed]") {
  std::string in = "Line one \r\n  indented\r\nlast";
  MappedText m = unwrap_lines(in, {});
  CHECK(m.text == "Line one \n  indented\nlast");
  CHECK(source_of(m, in, "indented") == "indented");
}

TEST_CASE("flowed: a lone CR at the end is a line break, not a copy of the byte",
          "[input][flowed]") {
  std::string in = "Best,\r\nAna\r";
  MappedText m = unwrap_lines(in, {false, false});
  CHECK(m.text == "Best,\nAna\n");
  CHECK(source_of(m, in, "Ana\n") == "Ana\r");
  CHECK(m.map.one_to_one({5, 6}));         // the first \n is the file's own
  CHECK_FALSE(m.map.one_to_one({9, 10}));  // the last \n stands for a \r
}
