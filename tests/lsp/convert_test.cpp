#include "lsp/convert.hpp"

#include <catch2/catch.hpp>
#include <string>

using followup::core::Source;
using followup::core::Span;
using namespace followup::lsp;

namespace {

constexpr auto kU16 = PositionEncoding::kUtf16;
constexpr auto kU8 = PositionEncoding::kUtf8;

// Byte offset of the first occurrence of `needle`.
uint32_t at(const Source& s, std::string_view needle) {
  auto pos = s.text().find(needle);
  REQUIRE(pos != std::string_view::npos);
  return static_cast<uint32_t>(pos);
}

}  // namespace

TEST_CASE("positions: ASCII lines", "[lsp][convert]") {
  Source s("a.txt", "Dear Ms. Kim,\n\nThank you.\n");
  CHECK(to_position(s, 0, kU16) == Position{0, 0});
  CHECK(to_position(s, at(s, "Kim"), kU16) == Position{0, 9});
  CHECK(to_position(s, at(s, "Thank"), kU16) == Position{2, 0});
  CHECK(to_position(s, s.size(), kU16) == Position{3, 0});
  CHECK(to_offset(s, {2, 6}, kU16) == at(s, "you"));
  CHECK(to_offset(s, {2, 6}, kU8) == at(s, "you"));
}

TEST_CASE("positions: accents take one UTF-16 unit and two UTF-8 bytes", "[lsp][convert]") {
  Source s("a.txt", "Dear Ms. Núñez,\nCafé Lumière\n");
  uint32_t comma = at(s, ",");
  CHECK(to_position(s, comma, kU16) == Position{0, 14});
  CHECK(to_position(s, comma, kU8) == Position{0, 16});
  CHECK(to_offset(s, {0, 14}, kU16) == comma);
  CHECK(to_offset(s, {0, 16}, kU8) == comma);
  uint32_t lumiere = at(s, "Lumière");
  CHECK(to_position(s, lumiere, kU16) == Position{1, 5});
  CHECK(to_position(s, lumiere, kU8) == Position{1, 6});
  // Round trip every character boundary on the line.
  for (uint32_t off = s.line_span(2).begin; off <= s.line_span(2).end; ++off) {
    if ((static_cast<unsigned char>(s.text()[off]) & 0xC0) == 0x80) continue;
    CHECK(to_offset(s, to_position(s, off, kU16), kU16) == off);
    CHECK(to_offset(s, to_position(s, off, kU8), kU8) == off);
  }
}

TEST_CASE("positions: an emoji is a surrogate pair (two UTF-16 units / four bytes)",
          "[lsp][convert]") {
  Source s("a.txt", "Hi 😀 there 👋🏽!\n");
  uint32_t there = at(s, "there");
  CHECK(to_position(s, there, kU16) == Position{0, 6});
  CHECK(to_position(s, there, kU8) == Position{0, 8});
  uint32_t bang = at(s, "!");
  // 👋🏽 is two code points outside the BMP: four UTF-16 units.
  CHECK(to_position(s, bang, kU16) == Position{0, 16});
  CHECK(to_offset(s, {0, 16}, kU16) == bang);
  // A position inside a surrogate pair or inside a UTF-8 sequence snaps to the character's start.
  uint32_t emoji = at(s, "😀");
  CHECK(to_offset(s, {0, 4}, kU16) == emoji);
  CHECK(to_offset(s, {0, 5}, kU8) == emoji);
  CHECK(to_offset(s, {0, 6}, kU8) == emoji);
  CHECK(to_offset(s, {0, 7}, kU8) == emoji + 4);
}

TEST_CASE("positions: CJK characters take one UTF-16 unit and three bytes", "[lsp][convert]") {
  Source s("a.txt", "面接ありがとう\nok");
  CHECK(to_position(s, at(s, "ありがとう"), kU16) == Position{0, 2});
  CHECK(to_position(s, at(s, "ありがとう"), kU8) == Position{0, 6});
}

TEST_CASE("positions: out-of-range positions are clamped", "[lsp][convert]") {
  Source s("a.txt", "abc\r\ndéf\nlast");
  CHECK(to_offset(s, {0, 99}, kU16) == 3);  // end of line 0, before the CRLF
  CHECK(to_offset(s, {1, 99}, kU16) == at(s, "\nlast"));
  CHECK(to_offset(s, {1, 99}, kU8) == at(s, "\nlast"));
  CHECK(to_offset(s, {7, 0}, kU16) == s.size());
  CHECK(to_position(s, 999, kU16) == Position{2, 4});
  CHECK(to_position(s, at(s, "déf"), kU16) == Position{1, 0});
}

TEST_CASE("positions: lone CR ends a line / as in LSP", "[lsp][convert]") {
  Source s("a.txt", "one\rtwo\r\nthree");
  CHECK(to_position(s, at(s, "two"), kU16) == Position{1, 0});
  CHECK(to_position(s, at(s, "three"), kU16) == Position{2, 0});
  CHECK(to_offset(s, {2, 2}, kU16) == at(s, "ree"));
}

TEST_CASE("ranges: spans round-trip and reversed ranges are ordered", "[lsp][convert]") {
  Source s("a.txt", "Zoë 😀 x\nsecond line");
  Span span{at(s, "😀"), at(s, "second") + 3};
  Range r = to_range(s, span, kU16);
  CHECK(r.start == Position{0, 4});
  CHECK(r.end == Position{1, 3});
  CHECK(to_span(s, r, kU16) == span);
  CHECK(to_span(s, Range{r.end, r.start}, kU16) == span);
  CHECK(to_json(r) ==
        json::parse(R"({"start":{"line":0,"character":4},"end":{"line":1,"character":3}})"));
  CHECK(range_from_json(to_json(r)).end == r.end);
  CHECK_THROWS_AS(range_from_json(json::parse(R"({"start":{"line":0}})")), ParamError);
  CHECK_THROWS_AS(position_from_json(json::parse(R"({"line":-1,"character":0})")), ParamError);
}

TEST_CASE("URIs: file URIs decode percent escapes", "[lsp][convert]") {
  CHECK(uri_to_path("file:///home/ana/job%20notes/thanks.txt")->string() ==
        "/home/ana/job notes/thanks.txt");
  CHECK(uri_to_path("file:///home/ana/caf%C3%A9.txt")->string() == "/home/ana/café.txt");
  CHECK(uri_to_path("FILE:///tmp/a%2Bb%23c.md")->string() == "/tmp/a+b#c.md");
  CHECK(uri_to_path("file://localhost/tmp/x.txt")->string() == "/tmp/x.txt");
  CHECK(uri_to_path("file:///tmp/bad%zzescape.txt")->string() == "/tmp/bad%zzescape.txt");
  CHECK(uri_to_path("file:///C:/Users/ana/x.txt")->string() == "C:/Users/ana/x.txt");
  CHECK_FALSE(uri_to_path("untitled:Untitled-1").has_value());
  CHECK_FALSE(uri_to_path("https://example.com/a.txt").has_value());
  CHECK(path_to_uri("/home/ana/job notes/café.txt") ==
        "file:///home/ana/job%20notes/caf%C3%A9.txt");
  CHECK(uri_to_path(path_to_uri("/tmp/a b+c#d%e.txt"))->string() == "/tmp/a b+c#d%e.txt");
}

TEST_CASE("diagnostics: LSP shape with code / codeDescription / source / severity", "[lsp][convert]") {
  Source s("a.txt", "Dear Zoë,\nCheers 😀,\nAna");
  followup::diag::Diagnostic d;
  d.rule_id = "closing.unprofessional";
  d.severity = followup::core::Severity::kWarning;
  d.span = {at(s, "Cheers"), at(s, ",\nAna")};
  d.message = "'Cheers 😀' is too casual";
  d.help = "close with 'Sincerely,'";
  d.notes.push_back({{at(s, "Zoë"), at(s, ",\nCheers")}, "the salutation"});
  json j = to_lsp_diagnostic(s, d, "file:///a.txt", kU16);
  CHECK(j["range"] == to_json(Range{{1, 0}, {1, 9}}));
  CHECK(j["severity"] == 2);
  CHECK(j["code"] == "closing.unprofessional");
  CHECK(j["codeDescription"]["href"] ==
        "https://github.com/followup-lint/followup-lint/blob/main/docs/"
        "rules.md#closing.unprofessional");
  CHECK(j["source"] == "followup-lint");
  CHECK(j["message"] == "'Cheers 😀' is too casual\nhelp: close with 'Sincerely,'");
  CHECK(j["relatedInformation"][0]["location"]["range"] == to_json(Range{{0, 5}, {0, 8}}));
  CHECK(to_lsp_diagnostic(s, d, "file:///a.txt", kU8)["range"] == to_json(Range{{1, 0}, {1, 11}}));

  d.help.clear();
  d.severity = followup::core::Severity::kInfo;
  CHECK(to_lsp_diagnostic(s, d, "file:///a.txt", kU16)["message"] == "'Cheers 😀' is too casual");
  CHECK(lsp_severity(followup::core::Severity::kError) == 1);
  CHECK(lsp_severity(followup::core::Severity::kInfo) == 3);

  followup::diag::Fix fix{
      "replace with 'Sincerely,'", {followup::diag::Edit::replace(d.span, "Sincerely")}, {}};
  json edit = to_workspace_edit(s, fix, "file:///a.txt", kU16);
  CHECK(edit ==
        json::parse(R"({"changes":{"file:///a.txt":[{"range":{"start":{"line":1,"character":0},
        "end":{"line":1,"character":9}},"newText":"Sincerely"}]}})"));
}

TEST_CASE("positions: PositionMapper agrees with to_position in any order", "[lsp][convert]") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += i % 3 ? "Zoë 😀 Núñez team player, " : "\r\nline 中文 ";
  Source s("a.txt", text);
  std::vector<uint32_t> offsets;
  for (uint32_t off = 0; off <= s.size(); ++off)
    if (off == s.size() || (static_cast<unsigned char>(s.text()[off]) & 0xC0) != 0x80)
      offsets.push_back(off);
  for (auto enc : {kU16, kU8}) {
    PositionMapper mapper(s, enc);
    // Ascending, then a pseudo-random walk with jumps back.
    for (uint32_t off : offsets) CHECK(mapper.position(off) == to_position(s, off, enc));
    for (size_t i = 0; i < offsets.size(); ++i) {
      uint32_t off = offsets[(i * 7919) % offsets.size()];
      Span span{off, offsets[std::min(offsets.size() - 1, (i * 7919) % offsets.size() + i % 5)]};
      Range r = mapper.range(span);
      CHECK(r.start == to_position(s, span.begin, enc));
      CHECK(r.end == to_position(s, span.end, enc));
    }
  }
}
