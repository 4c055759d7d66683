#include <catch2/catch.hpp>

#include "support/check_harness.hpp"

using followup::testing::Annotated;
using followup::testing::run_check;

TEST_CASE("required: last_sentence puts the caret on the last sentence", "[checks][required]") {
  const char* rule = R"(check = "required"
sections = ["last_paragraph", "closing"]
report_at = "last_sentence"
patterns = ['(?i)\bthank']
message = "'{text}'"
)";
  Annotated draft(
      "Dear Ms. Rivera,\n\nThank you for the call.\n\nI enjoyed it. [[I hope to hear from "
      "you.]]\n\nSincerely,\nAna Cruz");
  auto run = run_check(rule, draft.text());
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
  // A closing that thanks satisfies it.
  CHECK(run_check(
            rule,
            "Dear Ms. Rivera,\n\nThank you.\n\nI hope to hear from you.\n\nThank you,\nAna Cruz")
            .diagnostics.empty());
}

TEST_CASE("required: fix_append trims and appends", "[checks][required]") {
  const char* rule = R"(check = "required"
sections = ["salutation"]
patterns = ['[,:]\s*$']
fix_append = ","
fix_trim = ".!;- "
message = "'{text}'"
)";
  Annotated draft("[[Hi Dana!]]\n\nThank you for your time.");
  auto run = run_check(rule, draft.text());
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
  REQUIRE(run.diagnostics[0].fixes.size() == 1);
  const auto& edit = run.diagnostics[0].fixes[0].edits[0];
  CHECK(edit.span == followup::core::Span{7, 8});
  CHECK(edit.replacement == ",");
  CHECK(run_check(rule, "Dear Ms. Rivera:\n\nThank you for your time.").diagnostics.empty());
}
