#include "parse/draft_parser.hpp"

#include <catch2/catch.hpp>

#include "support/annotated.hpp"

using followup::core::Draft;
using followup::core::Source;
using followup::core::Span;
using followup::parse::parse_draft;
using followup::testing::Annotated;

namespace {
std::string text_of(const Source& s, Span span) { return std::string(s.slice(span)); }
}  // namespace

TEST_CASE("a salutation on its own line is found with its exact span", "[parse]") {
  Annotated a("[[Dear Ms. Rivera,]]\n\nThank you for the call.\n\nSincerely,\nAna Cruz\n");
  Source source("t.txt", a.text());
  Draft d = parse_draft(source);
  REQUIRE(d.salutation);
  CHECK(*d.salutation == a.range());
  REQUIRE(d.paragraphs.size() == 1);
  CHECK(text_of(source, d.paragraphs[0]) == "Thank you for the call.");
  REQUIRE(d.closing);
  CHECK(text_of(source, *d.closing) == "Sincerely,");
  REQUIRE(d.signature_lines.size() == 1);
  CHECK(text_of(source, d.signature_lines[0]) == "Ana Cruz");
}

TEST_CASE("a note with no blank lines still yields salutation / paragraphs and closing", "[parse]") {
  Source source("t.txt",
                "Hi Sam,\nThank you for meeting me.\nI enjoyed the tour of the plant floor and the lab.\n"
                "Best regards,\nLee Park\nlee@example.com\n");
  Draft d = parse_draft(source);
  REQUIRE(d.salutation);
  CHECK(text_of(source, *d.salutation) == "Hi Sam,");
  REQUIRE(d.closing);
  CHECK(text_of(source, *d.closing) == "Best regards,");
  CHECK(d.signature_lines.size() == 2);
  CHECK(d.paragraphs.size() == 2);
}

TEST_CASE("an inline salutation ends at its punctuation / not at a title's period", "[parse]") {
  Source source("t.txt", "Hello Mr. Jones. I am still interested in the role we discussed.\n\nBest,\nDana White\n");
  Draft d = parse_draft(source);
  REQUIRE(d.salutation);
  CHECK(text_of(source, *d.salutation) == "Hello Mr. Jones.");
  REQUIRE(d.paragraphs.size() == 1);
  CHECK(text_of(source, d.paragraphs[0]) == "I am still interested in the role we discussed.");
}

TEST_CASE("a signature without a closing is recognised", "[parse]") {
  Source source("t.txt", "Dear Ms. Smith,\n\nThank you for your time.\n\nMaria Gonzalez\n(555) 010-9988\n");
  Draft d = parse_draft(source);
  CHECK_FALSE(d.closing);
  REQUIRE(d.signature_lines.size() == 2);
  CHECK(text_of(source, d.signature_lines[0]) == "Maria Gonzalez");
  CHECK(d.paragraphs.size() == 1);
}

TEST_CASE("a closing with no signature leaves the signature empty", "[parse]") {
  Source source("t.txt", "Dear Ms. Smith,\n\nThank you for your time.\n\nSincerely,\n");
  Draft d = parse_draft(source);
  REQUIRE(d.closing);
  CHECK(d.signature_lines.empty());
  CHECK_FALSE(d.signature);
}

TEST_CASE("a final 'Thank you.' sentence is a paragraph / not a closing / when nothing follows", "[parse]") {
  Source source("t.txt", "Dear Ms. Smith,\n\nI enjoyed the call.\n\nThank you.\n");
  Draft d = parse_draft(source);
  CHECK_FALSE(d.closing);
  CHECK(d.paragraphs.size() == 2);
}

TEST_CASE("CRLF line endings and a BOM keep exact spans", "[parse]") {
  std::string text = "\xEF\xBB\xBFSubject: Thanks - Analyst\r\nTo: a@example.com\r\n\r\nDear Ana,\r\n\r\nThanks.\r\n";
  Source source("t.txt", text);
  Draft d = parse_draft(source);
  REQUIRE(d.headers.size() == 2);
  CHECK(d.headers[0].name == "subject");
  CHECK(text_of(source, d.headers[0].value) == "Thanks - Analyst");
  REQUIRE(d.salutation);
  CHECK(text_of(source, *d.salutation) == "Dear Ana,");
  CHECK(source.position(d.salutation->begin).line == 4);
  CHECK(source.position(d.salutation->begin).column == 1);
  CHECK(source.position(d.headers[0].line.begin).column == 1);  // the BOM is not a column
}

TEST_CASE("a header block without a body is parsed and the body is empty", "[parse]") {
  Source source("t.txt", "Subject: Following Up – Data Analyst\nTo: hiring@example.com\n");
  Draft d = parse_draft(source);
  CHECK(d.headers.size() == 2);
  CHECK(d.body.empty());
  CHECK_FALSE(d.salutation);
  CHECK(d.paragraphs.empty());
}

TEST_CASE("a first line that merely contains a colon is not a header block", "[parse]") {
  Source source("t.txt", "Dear Ms. Lee:\n\nThank you for the call.\n\nSincerely,\nAnn Park\n");
  Draft d = parse_draft(source);
  CHECK(d.headers.empty());
  REQUIRE(d.salutation);
  CHECK(text_of(source, *d.salutation) == "Dear Ms. Lee:");
}

TEST_CASE("front matter spans the TOML between the +++ lines", "[parse]") {
  Source source("t.md", "+++\nkind = \"thank-you\"\n+++\nDear Ana,\n\nThanks.\n");
  Draft d = parse_draft(source);
  REQUIRE(d.front_matter);
  CHECK(text_of(source, *d.front_matter) == "kind = \"thank-you\"\n");
  CHECK_FALSE(d.front_matter_unclosed);
  REQUIRE(d.salutation);
}

TEST_CASE("unclosed front matter is flagged and its TOML is not read as the note", "[parse]") {
  Source source("t.md", "+++\nkind = \"thank-you\"\n\nDear Ana,\n\nThanks for the call.\n");
  Draft d = parse_draft(source);
  CHECK(d.front_matter_unclosed);
  REQUIRE(d.salutation);
  CHECK(text_of(source, *d.salutation) == "Dear Ana,");
}

TEST_CASE("sentences inside paragraphs respect titles and initials", "[parse]") {
  Source source("t.txt", "Dear Dr. Rivera,\n\nI met Dr. A. J. Rivera at 3 p.m. today. It was great! Was it? Yes.\n");
  Draft d = parse_draft(source);
  REQUIRE(d.sentences.size() == 4);
  CHECK(text_of(source, d.sentences[0].span) == "I met Dr. A. J. Rivera at 3 p.m. today.");
  CHECK(text_of(source, d.sentences[3].span) == "Yes.");
}

TEST_CASE("bulleted lines inside a paragraph are list items / not sentences", "[parse]") {
  Source source("t.txt", "Dear Ana,\n\nI bring:\n- SQL reporting\n- call-center scheduling\n\nBest,\nLee Park\n");
  Draft d = parse_draft(source);
  REQUIRE(d.paragraphs.size() == 1);
  int items = 0;
  for (const auto& s : d.sentences) items += s.list_item ? 1 : 0;
  CHECK(items == 2);
}

TEST_CASE("words cover the body only / letters and numbers", "[parse]") {
  Source source("t.txt", "Subject: Hello there\n\nDear Ana,\n\nI ran 3 stores.\n");
  Draft d = parse_draft(source);
  std::vector<std::string> words;
  for (auto w : d.words) words.push_back(text_of(source, w));
  CHECK(words == std::vector<std::string>{"Dear", "Ana", "I", "ran", "3", "stores"});
}

TEST_CASE("lone CR line endings split lines", "[parse]") {
  Source source("t.txt", "Dear Ana,\r\rThanks for the call.\r\rSincerely,\rLee Park\r");
  Draft d = parse_draft(source);
  REQUIRE(d.salutation);
  REQUIRE(d.closing);
  CHECK(text_of(source, *d.closing) == "Sincerely,");
  CHECK(d.paragraphs.size() == 1);
}
