#include <catch2/catch.hpp>

#include "support/check_harness.hpp"

using followup::testing::Annotated;
using followup::testing::run_check;

namespace {
const char* kTooSoon = R"(check = "timing"
[[rule.variants]]
min_hours = 168
unless_context = ["reply_expected_by"]
message = "{days} days after {date}"
[[rule.variants]]
before = "reply_expected_by"
message = "before {date}"
)";
}  // namespace

TEST_CASE("timing: min_hours fires before a week has passed / at the Date header",
          "[checks][timing]") {
  Annotated draft("Date: [[2026-11-23]]\nSubject: Following up\n\nDear Ms. Rivera,\n\nAny news?");
  auto run = run_check(kTooSoon, draft.text(), "interview_date = 2026-11-20");
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
  CHECK(run.diagnostics[0].message == "3 days after Nov 20");
  CHECK(run_check(kTooSoon, "Date: 2026-11-27\n\nDear Ms. Rivera,\n\nAny news?",
                  "interview_date = 2026-11-20")
            .diagnostics.empty());
}

TEST_CASE("timing: a reply_expected_by date replaces the one-week rule", "[checks][timing]") {
  const std::string context = "interview_date = 2026-11-20\nreply_expected_by = 2026-11-22";
  CHECK(run_check(kTooSoon, "Date: 2026-11-23\n\nDear Ms. Rivera,\n\nAny news?", context)
            .diagnostics.empty());
  auto run = run_check(kTooSoon, "Date: 2026-11-21\n\nDear Ms. Rivera,\n\nAny news?", context);
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].message == "before Nov 22");
}

TEST_CASE("timing: silent without both dates", "[checks][timing]") {
  CHECK(
      run_check(kTooSoon, "Date: 2026-11-21\n\nDear Ms. Rivera,\n\nAny news?").diagnostics.empty());
  CHECK(run_check(kTooSoon, "Dear Ms. Rivera,\n\nAny news?", "interview_date = 2026-11-20")
            .diagnostics.empty());
}
