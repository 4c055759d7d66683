// The prefilter of every built-in pattern, derived at build time by
// tools/rulegen.cpp from rules/*.toml (generated into builtin_rules.cpp).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace followup::match {

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

}  // namespace followup::match
