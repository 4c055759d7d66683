// Internal to src/match/: the RE2 options of every rule pattern.
#pragma once

#include <re2/re2.h>

namespace followup::match {

// UTF-8, quiet (errors are reported with the rule file's position, not
// logged), and bounded memory, so a user's pattern cannot take the machine.
RE2::Options pattern_options();

}  // namespace followup::match
