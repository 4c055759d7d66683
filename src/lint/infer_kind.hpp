// Infers which kind of note a draft is from its subject and body, for drafts
// whose context does not say. Returns Kind::kUnknown when the signals are
// weak or tie: kind-specific rules then stay silent rather than guess.
#pragma once

#include "core/context.hpp"
#include "core/draft.hpp"
#include "match/match.hpp"

namespace followup::lint {

// `signals` is the rule set's list of rules::kind_signal_patterns(),
// registered for the shared pass over each part; `scans` are the draft's.
core::Kind infer_kind(const core::Draft& draft, const match::PatternList& signals, const match::LintScans* scans);

}  // namespace followup::lint
