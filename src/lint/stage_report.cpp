#include "lint/stage_report.hpp"

namespace followup::lint {

void report_stage_finding(const rules::RuleSet& rules, std::vector<diag::Diagnostic>& out, std::string_view rule_id,
                          core::Span span, const std::string& detail) {
  const rules::Rule* rule = rules.find(rule_id);
  if (!rule || !rule->severity) return;
  rules::Emitter emitter(rule->id, *rule->severity, out);
  std::string message = rule->stage_message.text().empty() ? detail : rule->stage_message.format({{"detail", detail}});
  emitter.report(span, message, rule->stage_help);
}

}  // namespace followup::lint
