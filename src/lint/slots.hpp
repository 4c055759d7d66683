// The slot stage: template text left in a draft ("[Position Title]",
// "<JOB TITLE>", "(Your name)") is reported once, by placeholder.unfilled,
// and the words inside a slot are not read by any other rule: a finding of
// another rule that lies inside a slot is dropped ("JOB TITLE" is not
// shouting, "(Your name)" is not a one-word signature).
#pragma once

#include <vector>

#include "diag/diagnostic.hpp"

namespace followup::lint {

void shield_slots(std::vector<diag::Diagnostic>& found);

}  // namespace followup::lint
