// The lint pipeline shared by the command line, the language server and the
// web page: Source -> input checks -> parse_draft -> context -> rules ->
// suppressions -> sorted diagnostics. Each stage is a file of this folder.
// Nothing here prints; nothing throws on bad input.
#pragma once

#include <memory>
#include <vector>

#include "config/config.hpp"
#include "core/context.hpp"
#include "core/draft.hpp"
#include "core/source.hpp"
#include "diag/diagnostic.hpp"
#include "match/match.hpp"
#include "rules/rule_set.hpp"

namespace followup::lint {

// Everything a lint needs besides the text; built once per config by Workspace.
struct LintSettings {
  std::shared_ptr<const rules::RuleSet> rules;
  core::Context context;                                 // defaults < config [context]
  core::Table command_line_context;                      // --kind, --context, --template
  std::vector<const config::Suppression*> suppressions;  // config [[suppress]] for this file
  std::string region = "US";                             // config [input] region, for phone numbers
  std::string encoding;                                  // config [input] encoding, for files not in UTF-8
};

struct LintResult {
  std::vector<diag::Diagnostic> diagnostics;  // sorted by position
  core::Context context;                      // as resolved for this draft
  std::vector<const config::Suppression*> used_suppressions;
  bool readable = true;  // false: the input stage stopped (not UTF-8 text, empty): nothing to fix
};

LintResult lint(const core::Source& source, const LintSettings& settings);

// The rule stage: runs the rules that apply to `context` over a parsed
// draft (no suppressions). `scans` are the draft's (match::LintScans).
std::vector<diag::Diagnostic> run_rules(const core::Draft& draft, const core::Context& context,
                                        const rules::RuleSet& rules, const match::LintScans& scans);

}  // namespace followup::lint
