#include "rules/registry.hpp"

#include "rules/checks/checks.hpp"

namespace followup::rules {

const std::vector<CheckType>& check_types() {
  static const std::vector<CheckType> types = {
      {"existence", checks::make_existence, {"match"}},
      {"substitution", checks::make_substitution, {"match", "replacement"}},
      {"required", checks::make_required, {"text"}},
      {"count", checks::make_count, {"count", "max", "match"}},
      {"limit", checks::make_limit, {"count", "max", "kind"}},
      {"presence", checks::make_presence, {}},
      {"emoji", checks::make_emoji, {"match"}},
      {"repetition", checks::make_repetition, {"match"}},
      {"timing", checks::make_timing, {"hours", "days", "limit", "date"}},
      {"name-match", checks::make_name_match, {"found", "expected"}},
      {"context-flag", checks::make_context_flag, {}},
      {"subject", checks::make_subject, {"subject", "position"}},
      {"placeholder", checks::make_placeholder, {"match", "name", "expected"}},
      {"engine", checks::make_engine, {"detail"}},
  };
  return types;
}

const CheckType* find_check_type(std::string_view name) {
  for (const auto& type : check_types())
    if (type.name == name) return &type;
  return nullptr;
}

}  // namespace followup::rules
