// Applying fixes to a text, and showing the change as a unified diff.
// Pure functions: writing files is the command line's job.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace followup::diag {

struct Applied {
  std::string text;
  size_t fixes = 0;  // fixes applied
};

// Applies the first fix of each diagnostic (safe ones, plus unsafe ones when
// asked). Fixes whose edits overlap an earlier fix are left for a later pass;
// a fix whose own edits overlap, or reach past the text, is never applied.
Applied apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool include_unsafe);

// The edit that turns `before` into `after`: one replacement between their
// common beginning and end (no edit when they are equal).
std::vector<Edit> edit_between(std::string_view before, std::string_view after);

// "Disable RULE in this file": adds RULE to the draft's front matter
// `disable` list, adding the list, or TOML front matter (+++) at the top
// when there is none. Empty when the front matter already disables it.
std::vector<Edit> disable_rule_edits(std::string_view text, std::string_view rule);

// A unified diff of two texts with three lines of context ("" when equal).
std::string unified_diff(const std::string& path, std::string_view before, std::string_view after);

}  // namespace followup::diag
