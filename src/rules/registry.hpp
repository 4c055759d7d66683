// The check types a rule's `check` key may name. Each is implemented in
// checks/<name>.cpp and builds itself from the rule's Params.
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
};

const std::vector<CheckType>& check_types();
const CheckType* find_check_type(std::string_view name);

}  // namespace followup::rules
