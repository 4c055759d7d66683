#include <catch2/catch.hpp>

#include "support/check_harness.hpp"

using followup::testing::Annotated;
using followup::testing::run_check;

namespace {
const char* kRule = R"toml(check = "subject"
purpose = ['(?i)\b(?:thank|thanks|thx)\b', '(?i)\bfollow(?:ing)?[ -]?up\b', '(?i)^\s*(?:re|aw)\s*:']
vague = ['(?i)^\s*(?:thank you|thanks|following up|checking in)[\s!.?]*$']
filler = ["thank", "you", "for", "the", "interview", "following", "up"]
message = "vague '{subject}'"
position_message = "no position in '{subject}' ('{position}')"
)toml";
}  // namespace

TEST_CASE("subject: vague subjects and a missing position are flagged", "[checks][subject]") {
  Annotated draft("Subject: [[Thank you!]]\n\nDear Ms. Rivera,\n\nThank you.");
  auto run = run_check(kRule, draft.text());
  REQUIRE(run.diagnostics.size() == 1);
  CHECK(run.diagnostics[0].span == draft.range(0));
  auto positioned =
      run_check(kRule, "Subject: Thank you for the interview\n\nDear Ms. Rivera,\n\nThanks.",
                "position = \"Data Analyst\"");
  REQUIRE(positioned.diagnostics.size() == 1);
  CHECK(positioned.diagnostics[0].message ==
        "no position in 'Thank you for the interview' ('Data Analyst')");
}

TEST_CASE("subject: replies / named positions and template text pass", "[checks][subject]") {
  for (const char* subject :
       {"Re: Barista position at Copper Kettle", "Thx for the interview – Bike Mechanic",
        "Thank You – [Position] Interview", "Following up – Data Analyst"}) {
    INFO(subject);
    CHECK(
        run_check(kRule, std::string("Subject: ") + subject + "\n\nDear Ms. Rivera,\n\nThank you.")
            .diagnostics.empty());
  }
}
