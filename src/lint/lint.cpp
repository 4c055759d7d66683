#include "lint/lint.hpp"

#include <algorithm>

#include "lint/context_stage.hpp"
#include "lint/input_checks.hpp"
#include "lint/slots.hpp"
#include "lint/suppressions.hpp"
#include "parse/draft_parser.hpp"

namespace followup::lint {

LintResult lint(const core::Source& source, const LintSettings& settings) {
  LintResult result;
  result.context = settings.context;
  const rules::RuleSet& rules = *settings.rules;
  if (!check_input(source, rules, result.diagnostics)) {
    result.readable = false;
    return result;
  }
  core::Draft draft = parse::parse_draft(source, {settings.region});
  const match::LintScans scans(rules.patterns(), draft);  // shared by kind inference and the rules
  std::vector<diag::Diagnostic> stage_findings;
  std::vector<FrontMatterDisable> disabled;
  resolve_context(source, draft, settings, scans, result.context, disabled, stage_findings);

  std::vector<diag::Diagnostic> found = run_rules(draft, result.context, rules, scans);
  shield_slots(found);
  result.used_suppressions =
      apply_suppressions({source, rules, disabled, settings.suppressions}, found, stage_findings);

  found.insert(found.end(), std::make_move_iterator(stage_findings.begin()),
               std::make_move_iterator(stage_findings.end()));
  std::stable_sort(found.begin(), found.end(), [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.rule_id < b.rule_id;
  });
  result.diagnostics = std::move(found);
  return result;
}

}  // namespace followup::lint
