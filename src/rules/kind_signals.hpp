// The signals kind inference (lint/infer_kind.cpp) weighs: phrases typical
// of a thank-you note, a status inquiry or a reply to a rejection, each with
// a weight in the subject and in the body. A rule set registers their
// patterns for the shared pass over each part of a draft.
#pragma once

#include <string>
#include <vector>

#include "core/context.hpp"

namespace followup::rules {

struct KindSignal {
  core::Kind kind;
  int subject_weight;
  int body_weight;
};

// The signals, in order; kind_signal_patterns()[i] is the pattern of signal i.
const std::vector<KindSignal>& kind_signals();
const std::vector<std::string>& kind_signal_patterns();

}  // namespace followup::rules
