// Infers which kind of note a draft is from its subject and body, for drafts
// whose context does not say. Returns Kind::kUnknown when the signals are
// weak or tie: kind-specific rules then stay silent rather than guess.
#pragma once

#include "core/context.hpp"
#include "core/draft.hpp"

namespace followup::rules {

core::Kind infer_kind(const core::Draft& draft);

}  // namespace followup::rules
