// The rule files shipped inside the binary (rules/*.toml) and the data they
// share (rules/data/*.toml), turned into C++ at build time by tools/rulegen.cpp.
#pragma once

#include <string_view>
#include <vector>

namespace followup::rules {

struct BuiltinRuleFile {
  std::string_view path;  // "rules/salutation.toml"
  std::string_view text;  // the TOML as written
  std::string_view data;  // the parsed tree, in core/value_codec.hpp's form
};

const std::vector<BuiltinRuleFile>& builtin_rule_files();
const std::vector<BuiltinRuleFile>& builtin_data_files();  // "rules/data/words.toml", ...

}  // namespace followup::rules
