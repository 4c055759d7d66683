#include <catch2/catch.hpp>

#include "support/check_harness.hpp"

using followup::testing::Annotated;
using followup::testing::run_check;

namespace {
const char* kInformal = R"(check = "substitution"
sections = ["paragraph"]
skip_quoted = true
swap = [
  ['(?i)\b(gonna)\b', "going to"],
  ['\b(u)(?:\s|[,!?]|$)', "you"],
  ['(?i)\b(lol)\b', ""],
]
message = "'{match}' -> '{replacement}'"
)";
}  // namespace

TEST_CASE("substitution: replaces with a fix that keeps a leading capital",
          "[checks][substitution]") {
  Annotated draft("Dear Ms. Rivera,\n\n[[Gonna]] send [[u]] the file.");
  auto run = run_check(kInformal, draft.text());
  REQUIRE(run.diagnostics.size() == 2);
  CHECK(run.diagnostics[0].span == draft.range(0));
  REQUIRE(run.diagnostics[0].fixes.size() == 1);
  CHECK(run.diagnostics[0].fixes[0].edits[0].replacement == "Going to");
  CHECK(run.diagnostics[1].span == draft.range(1));
  CHECK(run.diagnostics[1].fixes[0].edits[0].replacement == "you");
}

TEST_CASE("substitution: an empty replacement removes the word and the space before it",
          "[checks][substitution]") {
  Annotated draft("Dear Ms. Rivera,\n\nI loved the office[[ lol]].");
  auto run = run_check(kInformal, draft.text());
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.at(0) == "lol");
  REQUIRE(run.diagnostics[0].fixes.size() == 1);
  const auto& fix = run.diagnostics[0].fixes[0];
  CHECK(fix.edits[0].span == draft.range(0));
  CHECK(fix.edits[0].replacement.empty());
  CHECK(fix.applicability == followup::diag::Applicability::kUnsafe);
}

TEST_CASE("substitution: near misses stay quiet", "[checks][substitution]") {
  auto run = run_check(kInformal,
                       "Dear Ms. Rivera,\n\nI toured the U.S. office and Building U. The "
                       "\"LOL-free\" guide was fun.");
  CHECK(run.diagnostics.empty());
}
