#include <catch2/catch.hpp>

#include "support/check_harness.hpp"

using followup::testing::Annotated;
using followup::testing::run_check;

namespace {
const char* kShouting = R"(check = "existence"
sections = ["paragraph"]
patterns = [
  '(?:^|\b|[^\pL\pN\pM])(\p{Lu}\pM*(?:[\x27’]?\p{Lu}\pM*){3,})(?:[^\pL\pN\pM]|$)',
  '\b(YOU|SO|NOT)\b',
]
exceptions = ['^[^A-Za-z]?[BCDFGHJKLMNPQRSTVWXZ]+[^A-Za-z]?$']
allow = ["NASA"]
merge_adjacent = true
skip_quoted = true
message = "'{match}' shouts"
)";
}  // namespace

TEST_CASE("existence: merge_adjacent reports a run of matches once", "[checks][existence]") {
  Annotated draft(
      "Dear Ms. Rivera,\n\n[[THANK YOU SO MUCH]] for the tour of NASA. No, of the lab.");
  auto run = run_check(kShouting, draft.text());
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
  CHECK(run.diagnostics[0].message == "'THANK YOU SO MUCH' shouts");
}

TEST_CASE("existence: allow / exceptions and quotes keep acronyms and mentions quiet",
          "[checks][existence]") {
  auto run = run_check(
      kShouting,
      "Dear Ms. Rivera,\n\nI used SQL and HTML at NASA, and our motto was \"SHIP IT NOW\".");
  CHECK(run.diagnostics.empty());
}

TEST_CASE("existence: a word ending in an accented capital is matched whole",
          "[checks][existence]") {
  Annotated draft("Dear Ms. Rivera,\n\nThe [[CAFÉ]] tour was lovely.");
  auto run = run_check(kShouting, draft.text());
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
}

TEST_CASE("existence: separate words are separate findings without merge_adjacent",
          "[checks][existence]") {
  Annotated draft("Dear Ms. Rivera,\n\n[[VERY]] [[HAPPY]] indeed.");
  auto run = run_check(R"(check = "existence"
sections = ["paragraph"]
patterns = ['\b(\p{Lu}{3,})\b']
message = "'{match}'"
)",
                       draft.text());
  REQUIRE(run.diagnostics.size() == 2);
  CHECK(run.diagnostics[0].span == draft.range(0));
  CHECK(run.diagnostics[1].span == draft.range(1));
}

TEST_CASE("existence: unless_context silences the rule when the key is set",
          "[checks][existence]") {
  const char* rule = R"(check = "existence"
sections = ["paragraph"]
patterns = ['(?i)\b(I have attached)\b']
unless_context = ["attachments"]
message = "'{match}'"
)";
  Annotated draft("Dear Ms. Rivera,\n\n[[I have attached]] my résumé.");
  auto fired = run_check(rule, draft.text());
  REQUIRE(fired.diagnostics.size() == 1);
  CHECK(fired.diagnostics[0].span == draft.range(0));
  CHECK(run_check(rule, draft.text(), "attachments = [\"cv.pdf\"]").diagnostics.empty());
}
