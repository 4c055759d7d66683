// The data the rules share (rules/data/*.toml) and a config's tuning of it:
// [words] adds to a name check's word list, [kind_signals."NAME"] changes or
// adds a kind signal. Each case lints the same draft with and without the
// config, so it fails if the setting is ignored.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>

#include "config/config.hpp"
#include "config/toml_value.hpp"
#include "lint/lint.hpp"
#include "match/match.hpp"
#include "rules/rule_set.hpp"

namespace {

using followup::rules::LoadError;

// Builds the built-in rules with the config's [words] and [kind_signals];
// returns the errors formatted as "line:col: message".
std::vector<std::string> build_errors(const std::string& config_text,
                                      std::shared_ptr<const followup::rules::RuleSet>* out = nullptr) {
  auto loaded = followup::config::parse_config(config_text, "team/.followup-lint.toml");
  std::vector<std::string> messages;
  if (auto* errors = std::get_if<std::vector<LoadError>>(&loaded)) {
    for (const auto& e : *errors) messages.push_back(fmt::format("{}:{}: {}", e.origin.line, e.origin.column, e.message));
    return messages;
  }
  const auto& config = std::get<followup::config::Config>(loaded);
  std::vector<const followup::rules::RuleFile*> files;
  for (const auto& f : followup::rules::builtin_rules()) files.push_back(&f);
  std::vector<LoadError> errors;
  auto set = followup::rules::RuleSet::build(files, config.rules, errors, {config.kind_signals, config.words});
  for (const auto& e : errors) messages.push_back(fmt::format("{}:{}: {}", e.origin.line, e.origin.column, e.message));
  if (out) *out = std::move(set);
  return messages;
}

followup::lint::LintResult lint_with(const std::string& config_text, const std::string& draft,
                                     const std::string& context_toml = "") {
  followup::lint::LintSettings settings;
  REQUIRE(build_errors(config_text, &settings.rules).empty());
  if (!context_toml.empty()) {
    auto parsed = followup::config::parse_toml(context_toml, "context.toml");
    settings.command_line_context = std::get<followup::core::Value>(parsed).table();
  }
  followup::core::Source source("draft.txt", draft);
  return followup::lint::lint(source, settings);
}

bool fires(const followup::lint::LintResult& result, const std::string& rule) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [&](const auto& d) { return d.rule_id == rule; });
}

const std::string kSignedWithCredential =
    "Dear Ms. Rivera,\n\nThank you for speaking with me today about the buyer role.\n\n"
    "Sincerely,\nAna Cruz CPSM\n";

}  // namespace

TEST_CASE("[words] adds a credential the signature check then ignores", "[rules][data]") {
  const std::string context = "candidate = \"Ana Cruz\"\nkind = \"thank-you\"\n";
  CHECK(fires(lint_with("", kSignedWithCredential, context), "signature.name-mismatch"));
  CHECK_FALSE(fires(lint_with("[words]\ncredentials = [\"CPSM\"]\n", kSignedWithCredential, context),
                    "signature.name-mismatch"));
}

TEST_CASE("[words] adds a generic word the salutation check leaves to salutation.generic", "[rules][data]") {
  const std::string draft = "Dear Crew,\n\nThank you for speaking with me today.\n\nSincerely,\nAna Cruz\n";
  const std::string context = "interviewers = [\"Sam Jones\"]\nkind = \"thank-you\"\n";
  CHECK(fires(lint_with("", draft, context), "salutation.name-mismatch"));
  CHECK_FALSE(fires(lint_with("[words]\ngeneric = [\"crew\"]\n", draft, context), "salutation.name-mismatch"));
}

TEST_CASE("[kind_signals] adds a signal, and changes or turns off a built-in one", "[rules][data]") {
  const std::string circling = "Dear Ms. Rivera,\n\nI am circling back about the analyst role we discussed.\n\n"
                               "Best regards,\nAna Cruz\n";
  CHECK(lint_with("", circling).context.kind != followup::core::Kind::kStatusInquiry);
  CHECK(lint_with("[kind_signals.\"inquiry-circling-back\"]\nkind = \"status-inquiry\"\nsubject = 3\nbody = 4\n"
                  "pattern = '(?i)\\bcircling back\\b'\n",
                  circling)
            .context.kind == followup::core::Kind::kStatusInquiry);

  const std::string status = "Dear Ms. Rivera,\n\nI am writing about the status of my application for the analyst "
                             "role.\n\nBest regards,\nAna Cruz\n";
  CHECK(lint_with("", status).context.kind == followup::core::Kind::kStatusInquiry);
  CHECK(lint_with("[kind_signals.\"inquiry-status\"]\nbody = 0\n", status).context.kind !=
        followup::core::Kind::kStatusInquiry);
}

TEST_CASE("mistakes in [words] and [kind_signals] name their line and column", "[rules][data]") {
  CHECK(build_errors("[words]\ncredential = [\"cpsm\"]\n") ==
        std::vector<std::string>{"2:14: unknown word list 'credential' in [words] (expected one of: credentials, "
                                 "generic, greetings, honorifics)"});
  CHECK(build_errors("[words]\ncredentials = \"cpsm\"\n") ==
        std::vector<std::string>{"2:15: [words] credentials must be an array of words"});
  CHECK(build_errors("[kind_signals.\"inquiry-status\"]\nbody = \"high\"\n").size() == 1);
  CHECK(build_errors("[kind_signals.mine]\nkind = \"status-inquiry\"\nsubject = 1\nbody = 1\npattern = '(unclosed'\n")
            .at(0)
            .rfind("5:11: kind signal 'mine': invalid pattern:", 0) == 0);
  auto missing = build_errors("[kind_signals.mine]\nkind = \"status-inquiry\"\n");
  REQUIRE(missing.size() == 3);  // subject, body, pattern
  for (const char* key : {"subject", "body", "pattern"}) {
    INFO(key);
    CHECK(std::any_of(missing.begin(), missing.end(), [&](const std::string& m) {
      return m.rfind(fmt::format("1:1: new kind signal 'mine' needs '{}'", key), 0) == 0;
    }));
  }
  CHECK(build_errors("kind_signals = 3\n") == std::vector<std::string>{"1:16: 'kind_signals' must be a table ([kind_signals])"});
}

TEST_CASE("the built-in data files parse, and every signal is complete", "[rules][data]") {
  std::vector<LoadError> errors;
  auto signals = followup::rules::read_kind_signals({}, errors);
  CHECK(errors.empty());
  REQUIRE(signals.size() >= 20);
  for (const auto& s : signals) {
    INFO(s.name);
    CHECK(s.kind != followup::core::Kind::kUnknown);
    CHECK_FALSE(s.pattern.empty());
    CHECK_FALSE(followup::match::pattern_error(s.pattern));  // built-in patterns are not compiled when read
    CHECK(s.subject_weight + s.body_weight > 0);
  }
  auto words = followup::rules::read_word_lists({}, errors);
  CHECK(errors.empty());
  CHECK(words.size() == 4);
  CHECK(std::find(words["honorifics"].begin(), words["honorifics"].end(), "dr") != words["honorifics"].end());
}
