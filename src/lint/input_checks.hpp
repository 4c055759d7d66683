// The input stage: bytes that are not a UTF-8 text draft (a NUL byte,
// invalid UTF-8) or a file with no text end the lint of that file with one
// finding (input.encoding, input.empty); other files go on.
#pragma once

#include <vector>

#include "core/source.hpp"
#include "diag/diagnostic.hpp"
#include "rules/rule_set.hpp"

namespace followup::lint {

// False when the draft cannot be linted further; the reason is in `out`.
bool check_input(const core::Source& source, const rules::RuleSet& rules, std::vector<diag::Diagnostic>& out);

}  // namespace followup::lint
