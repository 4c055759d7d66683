// A draft with an interview date and no Date header is being written now:
// its sent date is the time of the run (SPEC §3), so a late thank-you shows
// in the editor while it can still be sent. FOLLOWUP_LINT_NOW pins the clock.
#include <catch2/catch.hpp>
#include <string>

#include "support/process.hpp"

namespace {

using followup::testing::run_linter;

const std::string kDraft = "tests/lint/drafts/no-date-header.txt";  // interview 2026-11-18T10:00

TEST_CASE("sent now: a thank-you checked within a day of the interview is on time", "[lint][timing]") {
  auto r = run_linter({"--format", "json", kDraft}, "", FOLLOWUP_SOURCE_DIR, {"FOLLOWUP_LINT_NOW=2026-11-18T19:30:00"});
  INFO(r.out);
  CHECK(r.out.find("timing.thank-you-late") == std::string::npos);
  CHECK(r.exit_code == 0);
}

TEST_CASE("sent now: the same draft checked two days later is late", "[lint][timing]") {
  auto r = run_linter({"--format", "json", kDraft}, "", FOLLOWUP_SOURCE_DIR, {"FOLLOWUP_LINT_NOW=2026-11-20T09:00:00"});
  INFO(r.out);
  CHECK(r.out.find("timing.thank-you-late") != std::string::npos);
  CHECK(r.exit_code == 1);
}

TEST_CASE("sent now: a Date header still wins over the clock", "[lint][timing]") {
  auto r = run_linter({"--format", "json", "--context", "sent_date=2026-11-18T15:00:00", kDraft}, "",
                      FOLLOWUP_SOURCE_DIR, {"FOLLOWUP_LINT_NOW=2026-12-24T09:00:00"});
  INFO(r.out);
  CHECK(r.out.find("timing.thank-you-late") == std::string::npos);
}

}  // namespace
