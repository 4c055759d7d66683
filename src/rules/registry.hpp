// What a rule's `check` or `stage` key may name. Check types are listed in
// check_types.def, one row each, and implemented in checks/<name>.cpp; lint
// stages (src/lint/) report the rules that name them with the rule's own
// message, severity and docs.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/params.hpp"
#include "rules/rule.hpp"

namespace followup::rules {

using CheckFactory = std::unique_ptr<Check> (*)(Params&, CheckCommon);

struct CheckType {
  std::string_view name;
  CheckFactory make;
  std::vector<std::string> message_fields;  // {names} its message templates may use
  std::vector<std::string> pattern_keys;    // rule keys whose strings are RE2 patterns
};

const std::vector<CheckType>& check_types();
const CheckType* find_check_type(std::string_view name);

// A stage of the lint pipeline that reports rules of its own: input
// (input.*), context (front matter and header values), suppressions.
struct LintStage {
  std::string_view name;
  std::vector<std::string> message_fields;
};

const std::vector<LintStage>& lint_stages();
const LintStage* find_lint_stage(std::string_view name);

}  // namespace followup::rules
