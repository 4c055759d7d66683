// Infers which kind of note a draft is from its subject and body, for drafts
// whose context does not say. Returns Kind::kUnknown when the signals are
// weak or tie: kind-specific rules then stay silent rather than guess.
#pragma once

#include <string>
#include <vector>

#include "core/context.hpp"
#include "core/draft.hpp"

namespace followup::rules {

class PatternList;
struct PatternContext;

core::Kind infer_kind(const core::Draft& draft);
// The same with `signals` (a list of kind_signal_patterns(), which a rule
// set registers for the shared pass over each part of a draft).
core::Kind infer_kind(const core::Draft& draft, const PatternList& signals, const PatternContext* context);

// The patterns infer_kind looks for, in its order.
const std::vector<std::string>& kind_signal_patterns();

}  // namespace followup::rules
