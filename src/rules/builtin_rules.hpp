// The rule files shipped inside the binary (rules/*.toml, embedded at build time).
#pragma once

#include <string_view>
#include <vector>

namespace followup::rules {

struct BuiltinRuleFile {
  std::string_view path;  // "rules/salutation.toml"
  std::string_view text;
};

const std::vector<BuiltinRuleFile>& builtin_rule_files();

}  // namespace followup::rules
