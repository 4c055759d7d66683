// Infers which kind of note a draft is from its subject and body, for drafts
// whose context does not say. Returns Kind::kUnknown when the signals are
// weak or tie: kind-specific rules then stay silent rather than guess.
#pragma once

#include "core/context.hpp"
#include "core/draft.hpp"
#include "match/match.hpp"
#include "rules/rule_data.hpp"

namespace followup::lint {

// `signals` are the rule set's (rules/data/kind-signals.toml plus a
// config's changes), their patterns registered for the shared pass over
// each part; `scans` are the draft's.
core::Kind infer_kind(const core::Draft& draft, const rules::KindSignals& signals, const match::LintScans* scans);

}  // namespace followup::lint
