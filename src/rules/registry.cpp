#include "rules/registry.hpp"

namespace followup::rules {

// Each check type's factory, defined in checks/<name>.cpp.
namespace checks {
#define CHECK_TYPE(name, factory, fields, patterns) std::unique_ptr<Check> factory(Params& params, CheckCommon common);
#include "rules/check_types.def"
#undef CHECK_TYPE
}  // namespace checks

const std::vector<CheckType>& check_types() {
#define FIELDS(...) std::vector<std::string>{__VA_ARGS__}
#define PATTERNS(...) std::vector<std::string>{__VA_ARGS__}
#define CHECK_TYPE(name, factory, fields, patterns) CheckType{name, checks::factory, fields, patterns},
  static const std::vector<CheckType> types = {
#include "rules/check_types.def"
  };
#undef CHECK_TYPE
#undef PATTERNS
#undef FIELDS
  return types;
}

const CheckType* find_check_type(std::string_view name) {
  for (const auto& type : check_types())
    if (type.name == name) return &type;
  return nullptr;
}

const std::vector<LintStage>& lint_stages() {
  static const std::vector<LintStage> stages = {
      {"input", {"detail"}},         // lint/input_checks.cpp: input.encoding, input.empty
      {"context", {"detail"}},       // lint/context_stage.cpp: front-matter.invalid, header.date-invalid
      {"suppressions", {"detail"}},  // lint/suppressions.cpp: suppression.unused, suppression.unknown-rule
  };
  return stages;
}

const LintStage* find_lint_stage(std::string_view name) {
  for (const auto& stage : lint_stages())
    if (stage.name == name) return &stage;
  return nullptr;
}

}  // namespace followup::rules
