#include "input/markdown.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace in = followup::input;

namespace {

followup::core::Span span_of(const in::Decoded& d, std::string_view word) {
  size_t at = d.text.find(word);
  REQUIRE(at != std::string::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())};
}

std::string file_of(const in::Decoded& d, std::string_view word) {
  auto span = d.map.to_file(span_of(d, word));
  return std::string(d.file().substr(span.begin, span.size()));
}

}  // namespace

TEST_CASE("markdown: inline markup reads as its text, mapped exactly", "[input][markdown]") {
  std::string md =
      "Hi *Sam*,\n\nThank you for the [call](https://x.example) &mdash; I loved `the demo`.  \n"
      "New line\\\nhere.\nStill **here**.\n";
  auto d = in::decode_markdown_file(md);
  CHECK(d.text ==
        "Hi Sam,\n\nThank you for the call \xE2\x80\x94 I loved the demo.\nNew line\nhere.\nStill "
        "here.\n");
  CHECK(file_of(d, "Sam") == "Sam");
  CHECK(d.map.one_to_one(span_of(d, "Sam")));
  CHECK(file_of(d, "call") == "call");
  CHECK(file_of(d, "\xE2\x80\x94") == "&mdash;");
  CHECK_FALSE(d.map.one_to_one(span_of(d, "call \xE2\x80\x94")));
  CHECK_FALSE(d.map.one_to_one(span_of(d, "Hi Sam")));  // across the '*'
  CHECK(file_of(d, "the demo") == "the demo");
}

TEST_CASE("markdown: a first # heading is the subject", "[input][markdown]") {
  auto d = in::decode_markdown_file("# Thank you for Tuesday\n\nHi Sam,\n");
  CHECK(d.text == "Subject: Thank you for Tuesday\n\nHi Sam,\n");
  CHECK(file_of(d, "Subject: ") == "# ");
  CHECK(file_of(d, "Tuesday") == "Tuesday");
  CHECK(in::decode_markdown_file("**Subject:** Thanks\n\nHi Sam,\n").text ==
        "Subject: Thanks\n\nHi Sam,\n");
  CHECK(in::decode_markdown_file("Hi.\n\n# Later\n").text == "Hi.\n\nLater\n");
}

TEST_CASE("markdown: TOML front matter is kept, YAML becomes TOML", "[input][markdown]") {
  auto toml = in::decode_markdown_file("+++\ncompany = \"Acme\"\n+++\nHi Sam,\n");
  CHECK(toml.text == "+++\ncompany = \"Acme\"\n+++\nHi Sam,\n");
  CHECK(toml.map.one_to_one(span_of(toml, "company = \"Acme\"")));

  std::string yaml =
      "---\ntitle: \"Thank you\"\ncompany: Acme Corp\ndate: 2026-11-21\ninterviewers:\n"
      "  - Sam Lee\n  - 'Ana O''Neil'\nremote: true\nnested:\n  a: 1\n---\n\nHi Sam,\n";
  auto d = in::decode_markdown_file(yaml);
  CHECK(d.text ==
        "+++\ntitle = \"Thank you\"\ncompany = \"Acme Corp\"\ndate = 2026-11-21\n"
        "interviewers = [\"Sam Lee\", \"Ana O'Neil\"]\nremote = true\n+++\n\nHi Sam,\n");
  CHECK(file_of(d, "company = \"Acme Corp\"") == "company: Acme Corp\n");
  CHECK(file_of(d, "interviewers") == "interviewers:\n  - Sam Lee\n  - 'Ana O''Neil'\n");
  CHECK(file_of(d, "Sam,") == "Sam,");
}

TEST_CASE("markdown: a list under a paragraph stays in it", "[input][markdown]") {
  auto d = in::decode_markdown_file("I bring:\n- SQL\n- Python\n\nThanks.\n");
  CHECK(d.text == "I bring:\n- SQL\n- Python\n\nThanks.\n");
  CHECK(file_of(d, "Python") == "Python");
  auto apart = in::decode_markdown_file("I bring:\n\n1. SQL\n2. Python\n");
  CHECK(apart.text == "I bring:\n\n1. SQL\n2. Python\n");
}

TEST_CASE("markdown: comments are kept, other HTML and quotes are not", "[input][markdown]") {
  auto d = in::decode_markdown_file(
      "<!-- followup-lint: disable style.exclamation -->\nHi Sam!\n\n<div>raw</div>\n\n> old "
      "quote\n\nBest,\nAna\n");
  CHECK(d.text == "<!-- followup-lint: disable style.exclamation -->\nHi Sam!\n\nBest,\nAna\n");
  CHECK(d.map.one_to_one(span_of(d, "<!-- followup-lint: disable style.exclamation -->")));
  CHECK(file_of(d, "Ana") == "Ana");
}

TEST_CASE("markdown: CRLF line endings are kept and history left out", "[input][markdown]") {
  auto d = in::decode_markdown_file(
      "Hi Sam,\r\nThanks.\r\n\r\nOn Tue, Nov 3, 2026 at 9:14 AM Sam <s@x.com> wrote:\r\n");
  CHECK(d.text == "Hi Sam,\r\nThanks.\n\n");
  CHECK(file_of(d, "Thanks") == "Thanks");
}
