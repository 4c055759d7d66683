#include "lint/lint.hpp"

namespace followup::lint {
namespace {

bool conditions_hold(const rules::CheckCommon& common, const core::Context& context) {
  for (const auto& [key, want] : common.when) {
    auto have = context.get(key);
    if (!have || *have != want) return false;
  }
  return true;
}

}  // namespace

std::vector<diag::Diagnostic> run_rules(const core::Draft& draft, const core::Context& context,
                                        const rules::RuleSet& rules, const match::LintScans& scans) {
  std::vector<diag::Diagnostic> out;
  thread_local rules::SectionCache sections;  // its buffers serve one lint after another
  sections.reset(draft, rules.section_keys());
  rules::LintInput input{draft, context, &scans, &sections};
  for (const auto& rule : rules.rules()) {
    if (!rule->applies_to(context)) continue;
    rules::Emitter emitter(rule->id, *rule->severity, out);
    for (const auto& check : rule->checks) {
      if (conditions_hold(check->common(), context)) check->run(input, emitter);
    }
    emitter.finish();
  }
  return out;
}

}  // namespace followup::lint
