// The time of this run, for a draft's sent date when it has no Date header
// (SPEC §3: a draft being written is sent now). FOLLOWUP_LINT_NOW, when set
// to a date-time ("2026-11-19T09:00:00-05:00"), pins the clock, so tests
// and reproducible runs do not depend on the day they run.
#pragma once

#include <optional>

#include "core/date.hpp"

namespace followup::core {

// Local wall-clock time now, with its UTC offset; or FOLLOWUP_LINT_NOW's
// value. nullopt only when FOLLOWUP_LINT_NOW is set but not a date.
std::optional<DateTime> now();

}  // namespace followup::core
