// Every built-in rule documents itself with `flag` and `pass` example drafts;
// this test lints each one and checks that the rule fires on every `flag`
// example and stays silent on every `pass` example. A rule's optional
// `flag_context` table (context keys, as on the command line) is applied to
// its flag examples only, so a context-driven rule can show a finding while
// its pass examples show it silent or set their own context in front matter.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "lint/lint.hpp"
#include "rules/params.hpp"
#include "rules/rule_set.hpp"

namespace {

using followup::core::Table;
using followup::core::Value;
namespace rules = followup::rules;
namespace lint = followup::lint;

// The stable rule IDs of SPEC.md §4.
const std::vector<std::string> kSpecIds = {
    "follow-up.not-wanted",
    "timing.thank-you-late",
    "timing.inquiry-too-soon",
    "length.too-long",
    "placeholder.unfilled",
    "placeholder.unknown",
    "subject.missing",
    "subject.vague",
    "recipients.multiple",
    "salutation.missing",
    "salutation.combined",
    "salutation.generic",
    "salutation.formality",
    "salutation.name-mismatch",
    "salutation.punctuation",
    "paragraph.too-long",
    "paragraph.opening-thanks",
    "paragraph.closing-thanks",
    "cliche.soft-skill",
    "inquiry.pressure",
    "inquiry.multiple-questions",
    "rejection.keep-on-file",
    "attachment.missing",
    "company.name-mismatch",
    "closing.missing",
    "closing.unprofessional",
    "closing.familiarity",
    "signature.missing",
    "signature.full-name",
    "signature.name-mismatch",
    "contact.missing",
    "contact.incomplete",
    "style.exclamation",
    "style.shouting",
    "style.emoji",
    "style.informal",
    "style.repeated-word",
    "input.encoding",
};

std::shared_ptr<const rules::RuleSet> builtin_set() {
  static const std::shared_ptr<const rules::RuleSet> set = [] {
    rules::set_validate_builtin_patterns(true);
    std::vector<const rules::RuleFile*> files;
    for (const auto& f : rules::builtin_rules()) files.push_back(&f);
    std::vector<rules::LoadError> errors;
    std::shared_ptr<const rules::RuleSet> built = rules::RuleSet::build(files, {}, errors);
    for (const auto& e : errors)
      UNSCOPED_INFO(e.origin.file << ":" << e.origin.line << ":" << e.origin.column << ": "
                                  << e.message);
    CHECK(errors.empty());
    return built;
  }();
  return set;
}

// The rule's table in its rule file ("salutation.generic" -> rules/salutation.toml [generic]).
const Value* rule_table(const std::string& id) {
  for (const auto& file : rules::builtin_rules()) {
    std::string stem = std::filesystem::path(file.path).stem().string();
    if (id.rfind(stem + ".", 0) != 0) continue;
    const auto& root = file.root.table();
    auto it = root.find(id.substr(stem.size() + 1));
    if (it != root.end()) return &it->second;
  }
  return nullptr;
}

int count_findings(const std::string& id, const std::string& text, const Table& context) {
  lint::LintSettings settings;
  settings.rules = builtin_set();
  settings.command_line_context = context;
  followup::core::Source source("example.txt", text);
  auto result = lint::lint(source, settings);
  return static_cast<int>(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                                        [&](const auto& d) { return d.rule_id == id; }));
}

}  // namespace

TEST_CASE("built-in rule files parse and build without errors", "[rules][examples]") {
  for (const auto& e : rules::builtin_rule_errors())
    UNSCOPED_INFO(e.origin.file << ":" << e.origin.line << ": " << e.message);
  CHECK(rules::builtin_rule_errors().empty());
  REQUIRE(builtin_set() != nullptr);
  CHECK(!builtin_set()->rules().empty());
}

TEST_CASE("every rule ID of SPEC section 4 is built in", "[rules][examples]") {
  CHECK(kSpecIds.size() == 38);
  for (const auto& id : kSpecIds) {
    INFO(id);
    CHECK(builtin_set()->find(id) != nullptr);
  }
}

TEST_CASE("every rule has a summary / docs and flag and pass examples", "[rules][examples]") {
  for (const auto& rule : builtin_set()->rules()) {
    INFO(rule->id);
    CHECK(!rule->summary.empty());
    CHECK(!rule->explain.empty());
    CHECK(!rule->flag_examples.empty());
    CHECK(!rule->pass_examples.empty());
    CHECK(rule->severity.has_value());
  }
}

TEST_CASE("flag examples fire their rule and pass examples do not", "[rules][examples]") {
  for (const auto& rule : builtin_set()->rules()) {
    const Value* table = rule_table(rule->id);
    REQUIRE(table != nullptr);
    Table flag_context;
    auto it = table->table().find("flag_context");
    if (it != table->table().end()) {
      REQUIRE(it->second.is_table());
      flag_context = it->second.table();
    }
    for (const auto& example : rule->flag_examples) {
      INFO(rule->id << " flag example:\n" << example);
      CHECK(count_findings(rule->id, example, flag_context) > 0);
    }
    for (const auto& example : rule->pass_examples) {
      INFO(rule->id << " pass example:\n" << example);
      CHECK(count_findings(rule->id, example, {}) == 0);
    }
  }
}

TEST_CASE("default severities follow SPEC section 4", "[rules][examples]") {
  using followup::core::Severity;
  const std::vector<std::pair<std::string, Severity>> expected = {
      {"follow-up.not-wanted", Severity::kError},
      {"placeholder.unfilled", Severity::kError},
      {"placeholder.unknown", Severity::kError},
      {"salutation.name-mismatch", Severity::kError},
      {"attachment.missing", Severity::kError},
      {"company.name-mismatch", Severity::kError},
      {"contact.incomplete", Severity::kError},
      {"input.encoding", Severity::kError},
      {"salutation.punctuation", Severity::kInfo},
      {"paragraph.closing-thanks", Severity::kInfo},
      {"inquiry.multiple-questions", Severity::kInfo},
      {"closing.familiarity", Severity::kInfo},
      {"style.exclamation", Severity::kInfo},
  };
  for (const auto& id : kSpecIds) {
    const rules::Rule* rule = builtin_set()->find(id);
    REQUIRE(rule != nullptr);
    Severity want = Severity::kWarning;
    for (const auto& [eid, sev] : expected)
      if (eid == id) want = sev;
    INFO(id);
    CHECK(rule->default_severity == want);
  }
}
