#include <catch2/catch.hpp>

#include "support/check_harness.hpp"

using followup::testing::Annotated;
using followup::testing::run_check;

namespace {
const char* kSalutation = R"(check = "name-match"
target = "salutation"
message = "far '{found}' '{expected}'"
near_message = "near '{found}' '{expected}'"
)";
const char* kSignature = R"(check = "name-match"
target = "signature"
message = "far '{found}' '{expected}'"
near_message = "near '{found}' '{expected}'"
)";
const char* kCompany = R"(check = "name-match"
target = "company"
message = "far '{found}' '{expected}'"
near_message = "near '{found}' '{expected}'"
)";
}  // namespace

TEST_CASE("name-match salutation: a near miss gets did-you-mean and a safe fix",
          "[checks][name-match]") {
  Annotated draft("Dear Mr. [[Jonse]],\n\nThank you.");
  auto run = run_check(kSalutation, draft.text(), "interviewers = [\"Mr. Jones\"]");
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
  CHECK(run.diagnostics[0].message == "near 'Jonse' 'Jones'");
  REQUIRE(run.diagnostics[0].fixes.size() == 1);
  CHECK(run.diagnostics[0].fixes[0].edits[0].replacement == "Jones");
  CHECK(run.diagnostics[0].fixes[0].applicability == followup::diag::Applicability::kSafe);
}

TEST_CASE("name-match salutation: someone else entirely has no fix", "[checks][name-match]") {
  Annotated draft("Dear Ms. [[Smith]],\n\nThank you.");
  auto run = run_check(kSalutation, draft.text(), "interviewers = [\"Mr. Jones\", \"Dr. Patel\"]");
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
  CHECK(run.diagnostics[0].message == "far 'Smith' 'Mr. Jones, Dr. Patel'");
  CHECK(run.diagnostics[0].fixes.empty());
}

TEST_CASE("name-match salutation: accents / apostrophes / hyphens and full names match",
          "[checks][name-match]") {
  const std::string ctx = "interviewers = [\"Ms. Núñez\", \"Mr. O’Brien\", \"Ms. Smith-Jones\"]";
  for (const char* text :
       {"Dear Ms. Nunez,", "Dear Mr. O'Brien,", "Dear Ms. Smith-Jones,", "Hi Lucía Núñez,",
        "Dear Ms. J. Smith-Jones,", "Dear Hiring Manager,", "Dear [Name],", "Hello,"}) {
    INFO(text);
    CHECK(run_check(kSalutation, std::string(text) + "\n\nThank you.", ctx).diagnostics.empty());
  }
  CHECK(run_check(kSalutation, "Dear Mr. Smith,\n\nThank you.")
            .diagnostics.empty());  // no context: silent
}

TEST_CASE("name-match signature: credentials / initials and a lone first name pass",
          "[checks][name-match]") {
  const std::string ctx = "candidate = \"José Núñez\"";
  for (const char* sig : {"José Núñez", "Jose M. Nunez", "José Núñez, PMP", "José Núñez MBA",
                          "JOSÉ NÚÑEZ", "José", "(555) 010-4477"}) {
    INFO(sig);
    CHECK(run_check(kSignature, std::string("Dear Ms. Rivera,\n\nThank you.\n\nSincerely,\n") + sig,
                    ctx)
              .diagnostics.empty());
  }
  Annotated draft("Dear Ms. Rivera,\n\nThank you.\n\nSincerely,\n[[Jose Nunes]], PMP\n");
  auto run = run_check(kSignature, draft.text(), ctx);
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
  CHECK(run.diagnostics[0].message == "near 'Jose Nunes' 'José Núñez'");
}

TEST_CASE("name-match company: near-miss spellings / possessives and people",
          "[checks][name-match]") {
  const std::string ctx = "company = \"Conner Advertising\"\ninterviewers = [\"Ms. Connor\"]";
  Annotated draft(
      "Dear Ms. Connor,\n\nI enjoyed learning about [[Conor Advertising]]'s clients and Conner "
      "Advertising's history.");
  auto run = run_check(kCompany, draft.text(), ctx);
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
  CHECK(run.diagnostics[0].fixes.at(0).edits.at(0).replacement == "Conner Advertising");
  // Short names are only compared exactly: "Left" is not a misspelling of "Lyft".
  CHECK(run_check(kCompany, "Dear Ms. Cole,\n\nLeft to myself I would talk about Lyft all day.",
                  "company = \"Lyft\"")
            .diagnostics.empty());
  // A word that is a person's name is never taken for the company.
  CHECK(run_check(kCompany, "Dear Mr. Jonas,\n\nThank you, Mr. Jonas.",
                  "company = \"Jonah\"\ninterviewers = [\"Mr. Jonas\"]")
            .diagnostics.empty());
}
