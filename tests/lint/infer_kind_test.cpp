#include "lint/infer_kind.hpp"

#include <catch2/catch.hpp>

#include "parse/draft_parser.hpp"
#include "rules/rule_set.hpp"

using followup::core::Kind;

namespace {
Kind kind_of(const std::string& text) {
  followup::core::Source source("t.txt", text);
  static const auto rules = [] {
    std::vector<followup::rules::LoadError> errors;
    auto set = followup::rules::RuleSet::build({}, {}, errors);
    REQUIRE(errors.empty());
    return set;
  }();
  return followup::lint::infer_kind(followup::parse::parse_draft(source), rules->kind_signals(), nullptr);
}
}  // namespace

TEST_CASE("kind is inferred from the subject and body", "[rules][kind]") {
  CHECK(kind_of("Subject: Thank You – Analyst Interview\n\nDear Ana,\n\nThank you for speaking with me today.\n") ==
        Kind::kThankYou);
  CHECK(kind_of("Dear Ana,\n\nThank you for taking the time to meet with me on Monday.\n") == Kind::kThankYou);
  CHECK(kind_of("Subject: Following Up – Analyst\n\nDear Ana,\n\nI wanted to check on the status of the Analyst "
                "role. Thank you again for your time.\n") == Kind::kStatusInquiry);
  CHECK(kind_of("Dear Ana,\n\nThank you for letting me know about your decision. While I am disappointed, I "
                "hope you will keep me in mind for future openings.\n") == Kind::kRejectionReply);
  CHECK(kind_of("Dear Ana,\n\nI understand you have chosen to move forward with another candidate.\n") ==
        Kind::kRejectionReply);
}

TEST_CASE("weak or missing signals give unknown", "[rules][kind]") {
  CHECK(kind_of("Dear Ana,\n\nI am writing about the weather.\n") == Kind::kUnknown);
  CHECK(kind_of("Hello\n") == Kind::kUnknown);
}
