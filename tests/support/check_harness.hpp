// Test helpers for the check types: build a one-rule RuleSet from a TOML
// table, lint a draft with it, and mark expected spans inline with [[...]].
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/toml_value.hpp"
#include "core/source.hpp"
#include "diag/diagnostic.hpp"
#include "lint/lint.hpp"
#include "rules/params.hpp"
#include "rules/rule_set.hpp"
#include "support/annotated.hpp"

namespace followup::testing {


inline core::Table toml_table(const std::string& text) {
  auto parsed = config::parse_toml(text, "test.toml");
  if (auto* e = std::get_if<config::LoadError>(&parsed)) FAIL("bad TOML in test: " << e->message);
  return std::get<core::Value>(parsed).table();
}

// Builds the rule "test.rule" from `rule_toml` (the body of its table) and
// lints `text` with `context_toml` applied as command-line context.
struct CheckRun {
  std::vector<diag::Diagnostic> diagnostics;
  std::string text;
  std::string_view at(size_t i) const {
    const auto& s = diagnostics.at(i).span;
    return std::string_view(text).substr(s.begin, s.size());
  }
};

inline CheckRun run_check(const std::string& rule_toml, const std::string& text,
                          const std::string& context_toml = "") {
  static std::vector<std::unique_ptr<rules::RuleFile>> keep;  // rule sets refer into their files
  auto parsed = config::parse_toml("[rule]\nsummary = \"s\"\nexplain = \"e\"\n" + rule_toml,
                                   "rules/test.toml");
  if (auto* e = std::get_if<config::LoadError>(&parsed)) FAIL("bad rule TOML: " << e->message);
  keep.push_back(std::make_unique<rules::RuleFile>(
      rules::RuleFile{"rules/test.toml", std::get<core::Value>(parsed)}));
  std::vector<rules::LoadError> errors;
  std::shared_ptr<const rules::RuleSet> set =
      rules::RuleSet::build({keep.back().get()}, {}, errors);
  for (const auto& e : errors)
    UNSCOPED_INFO(e.origin.line << ":" << e.origin.column << ": " << e.message);
  REQUIRE(errors.empty());
  lint::LintSettings settings;
  settings.rules = set;
  if (!context_toml.empty()) settings.command_line_context = toml_table(context_toml);
  core::Source source("draft.txt", text);
  CheckRun run;
  run.text = text;
  run.diagnostics = lint::lint(source, settings).diagnostics;
  return run;
}

}  // namespace followup::testing
