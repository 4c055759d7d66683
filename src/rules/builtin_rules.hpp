// The rule files shipped inside the binary (rules/*.toml, turned into C++ at
// build time by tools/rulegen.cpp).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace followup::rules {

struct BuiltinRuleFile {
  std::string_view path;  // "rules/salutation.toml"
  std::string_view text;  // the TOML as written
  std::string_view data;  // the parsed tree, in core/value_codec.hpp's form
};

const std::vector<BuiltinRuleFile>& builtin_rule_files();

// A built-in pattern and its prefilter: lowercase literal atoms and clauses
// over them (indices into `atoms`). In any text the pattern matches, every
// clause has at least one of its atoms present. No clauses: the pattern can
// match without any literal, so it is always run.
struct BuiltinPatternAtoms {
  std::string_view pattern;
  std::span<const std::string_view> atoms;
  std::span<const std::span<const uint16_t>> clauses;
};

std::span<const BuiltinPatternAtoms> builtin_pattern_atoms();

}  // namespace followup::rules
