#include <catch2/catch.hpp>

#include "support/check_harness.hpp"

using followup::testing::Annotated;
using followup::testing::run_check;

namespace {
const char* kQuestions = R"(check = "count"
sections = ["paragraph"]
patterns = ['([^\s.?!][^.?!]*\?)["”’\x27]?']
exceptions = ['\?["”’\x27]$']
max = 1
message = "{count} questions; '{match}'"
)";
}  // namespace

TEST_CASE("count: the caret is on the first match past the limit", "[checks][count]") {
  Annotated draft(
      "Dear Ms. Rivera,\n\nHas a decision been made? [[When should I expect to hear?]]");
  auto run = run_check(kQuestions, draft.text());
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
  CHECK(run.diagnostics[0].message == "2 questions; 'When should I expect to hear?'");
}

TEST_CASE("count: matches that hit an exception are not counted", "[checks][count]") {
  auto run = run_check(kQuestions,
                       "Dear Ms. Rivera,\n\nYou asked \"What would you cut first?\" and I "
                       "answered. Has a decision been made?");
  CHECK(run.diagnostics.empty());
}

TEST_CASE("count: skip_quoted ignores marks inside quotation marks", "[checks][count]") {
  const char* rule = R"(check = "count"
sections = ["paragraph"]
patterns = ['!']
max = 1
skip_quoted = true
message = "{count}"
)";
  CHECK(run_check(rule, "Dear Ms. Rivera,\n\nYour motto “Ship it!” stuck with me. Thank you!")
            .diagnostics.empty());
  Annotated draft("Dear Ms. Rivera,\n\nThank you! It was great[[!]]");
  auto run = run_check(rule, draft.text());
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
}

TEST_CASE("count: report = section spans the To and Cc values", "[checks][count]") {
  const char* rule = R"(check = "count"
sections = ["to", "cc"]
patterns = ['\s*((?:"[^"]*"|[^,;"\s])(?:"[^"]*"|[^,;"])*)']
max = 1
report = "section"
message = "{count} recipients"
)";
  Annotated draft(
      "To: [[sam@example.com\nCc: lee@example.com]]\nSubject: Thanks\n\nDear Mr. Jones,\n\nThank "
      "you.");
  auto run = run_check(rule, draft.text());
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
  CHECK(run.diagnostics[0].message == "2 recipients");
  CHECK(
      run_check(
          rule,
          "To: \"Jones, Sam\" <sam@example.com>\nSubject: Thanks\n\nDear Mr. Jones,\n\nThank you.")
          .diagnostics.empty());
}
