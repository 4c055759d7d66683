#include <catch2/catch.hpp>

#include "support/check_harness.hpp"

using followup::testing::Annotated;
using followup::testing::run_check;

namespace {
const char* kRule = R"(check = "repetition"
sections = ["body"]
allow = ["had", "that"]
message = "'{match}' twice"
)";
}  // namespace

TEST_CASE("repetition: flags a doubled word / also across a line break", "[checks][repetition]") {
  Annotated draft(
      "Dear Ms. Rivera,\n\nThank you for [[the the]] call. I look forward [[to\nto]] hearing from "
      "you.");
  auto run = run_check(kRule, draft.text());
  REQUIRE(run.diagnostics.size() == 2);
  CHECK(run.diagnostics[0].span == draft.range(0));
  CHECK(run.diagnostics[1].span == draft.range(1));
  REQUIRE(run.diagnostics[0].fixes.size() == 1);
  CHECK(run.diagnostics[0].fixes[0].edits[0].replacement.empty());
  CHECK(run.diagnostics[0].fixes[0].edits[0].span.size() == 4);  // " the"
}

TEST_CASE("repetition: allowed words / names and punctuation are not repeats",
          "[checks][repetition]") {
  auto run = run_check(
      kRule,
      "Dear Ms. Rivera,\n\nI think that that plan works; we had had a similar one. I visited Walla "
      "Walla. It was very, very kind. Thank you. Thank you again. It is 10 10 minutes away.");
  CHECK(run.diagnostics.empty());
}
