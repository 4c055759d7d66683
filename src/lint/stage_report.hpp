// How a lint stage reports a finding of one of its rules (input.encoding,
// front-matter.invalid, suppression.unused, ...): with the severity, message
// and help the rule data gives it, and nothing when the rule is off.
#pragma once

#include <string>
#include <vector>

#include "core/span.hpp"
#include "diag/diagnostic.hpp"
#include "rules/rule_set.hpp"

namespace followup::lint {

void report_stage_finding(const rules::RuleSet& rules, std::vector<diag::Diagnostic>& out, std::string_view rule_id,
                          core::Span span, const std::string& detail);

}  // namespace followup::lint
