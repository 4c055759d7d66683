// The lint pipeline shared by the command line and the language server:
// bytes -> Source -> parse_draft -> context -> rules -> suppressions ->
// sorted diagnostics. Nothing here prints; nothing throws on bad input.
#pragma once

#include <memory>
#include <vector>

#include "config/config.hpp"
#include "core/context.hpp"
#include "core/draft.hpp"
#include "core/source.hpp"
#include "diag/diagnostic.hpp"
#include "rules/rule_set.hpp"

namespace followup::rules {

// Everything a lint needs besides the text; built once per config by Workspace.
struct LintSettings {
  std::shared_ptr<const RuleSet> rules;
  core::Context context;                           // defaults < config [context]
  core::Table flag_context;                        // --kind, --context, --template
  std::vector<const config::Suppression*> suppressions;  // config [[suppress]] for this file
};

struct LintResult {
  std::vector<diag::Diagnostic> diagnostics;  // sorted by position
  core::Context context;                      // as resolved for this draft
  std::vector<const config::Suppression*> used_suppressions;
};

LintResult lint(const core::Source& source, const LintSettings& settings);

// Runs the rules that apply to `context` over a parsed draft (no suppressions).
std::vector<diag::Diagnostic> run_rules(const core::Draft& draft, const core::Context& context, const RuleSet& rules);
// The same with the draft's scans already made (lint shares them with kind inference).
std::vector<diag::Diagnostic> run_rules(const core::Draft& draft, const core::Context& context, const RuleSet& rules,
                                        const PatternContext& patterns);

}  // namespace followup::rules
