// The data the rules share, from rules/data/*.toml: the signals kind
// inference weighs (kind-signals.toml) and the word lists of the name checks
// (words.toml). A config tunes both: [kind_signals."NAME"] changes or adds a
// signal, [words] adds words to a list. Mistakes come back as LoadErrors
// naming the config's file:line:col.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "core/value.hpp"
#include "match/match.hpp"
#include "rules/params.hpp"

namespace followup::rules {

// A config's tuning of the built-in data.
struct DataSettings {
  std::map<std::string, core::Value> kind_signals;  // signal name -> {kind, subject, body, pattern}, any subset
  std::map<std::string, core::Value> words;         // list name -> words to add
};

struct KindSignal {
  std::string name;
  core::Kind kind = core::Kind::kUnknown;
  int subject_weight = 0;  // points for the kind when the subject matches
  int body_weight = 0;     // points when any part of the body matches (once)
  std::string pattern;
};

// The signals and their patterns; patterns.matching() returns indexes into `signals`.
struct KindSignals {
  std::vector<KindSignal> signals;
  match::PatternList patterns;
};

// The built-in signals with `changes` applied, in name order.
std::vector<KindSignal> read_kind_signals(const std::map<std::string, core::Value>& changes,
                                          std::vector<LoadError>& errors);

// Named lists of words, normalized for comparison (lowercase, no accents,
// no trailing period).
using WordLists = std::map<std::string, std::vector<std::string>>;

// The built-in lists with `additions` appended.
WordLists read_word_lists(const std::map<std::string, core::Value>& additions, std::vector<LoadError>& errors);

// The comparison form of a word in a list: "Dr." -> "dr", "Ph.D" -> "ph.d".
std::string word_key(std::string_view word);

}  // namespace followup::rules
