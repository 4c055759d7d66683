#include <catch2/catch.hpp>

#include "support/check_harness.hpp"

using followup::testing::Annotated;
using followup::testing::run_check;

namespace {
const char* kSubject = R"(check = "presence"
sections = ["subject"]
report_at = ["subject", "to", "start"]
message = "no subject"
)";
}  // namespace

TEST_CASE("presence: an absent section is reported at the first report_at place",
          "[checks][presence]") {
  Annotated draft("To: [[dana@example.com]]\n\nDear Ms. Rivera,\n\nThank you.");
  auto run = run_check(kSubject, draft.text());
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
}

TEST_CASE("presence: an empty Subject header counts as absent", "[checks][presence]") {
  Annotated draft("To: dana@example.com\nSubject:[[]]\n\nDear Ms. Rivera,\n\nThank you.");
  auto run = run_check(kSubject, draft.text());
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
}

TEST_CASE("presence: a present section is silent", "[checks][presence]") {
  CHECK(run_check(
            kSubject,
            "To: dana@example.com\nSubject: Thank you – Analyst\n\nDear Ms. Rivera,\n\nThank you.")
            .diagnostics.empty());
}
