// The suppression stage: drops findings that the draft or the config turned
// off — front matter `disable`, `<!-- followup-lint: disable ... -->`
// comments, and the config's [[suppress]] entries — and reports a
// suppression that names an unknown rule or matched nothing
// (suppression.unknown-rule, suppression.unused), so stale ones do not pile up.
#pragma once

#include <vector>

#include "config/config.hpp"
#include "core/source.hpp"
#include "diag/diagnostic.hpp"
#include "lint/context_stage.hpp"
#include "rules/rule_set.hpp"

namespace followup::lint {

struct SuppressionInput {
  const core::Source& source;
  const rules::RuleSet& rules;
  const std::vector<FrontMatterDisable>& front_matter;
  const std::vector<const config::Suppression*>& config;
};

// Removes suppressed findings from `found`; appends the stage's own findings
// to `stage_findings`; returns the config entries that suppressed something.
std::vector<const config::Suppression*> apply_suppressions(const SuppressionInput& input,
                                                            std::vector<diag::Diagnostic>& found,
                                                            std::vector<diag::Diagnostic>& stage_findings);

}  // namespace followup::lint
