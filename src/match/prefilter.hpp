// Prefilter: skip the patterns that cannot match a draft.
//
// At build time tools/rulegen.cpp stores, for every built-in pattern, the
// literal "atoms" RE2's FilteredRE2 derives from it (lowercase strings) and
// clauses over them: in any text the pattern matches, every clause has at
// least one atom present. At lint time AtomHits scans the draft's lowercased
// text once for every atom. A pattern with an unsatisfied clause is neither
// compiled nor run. Patterns without clauses, and users' patterns (not known
// at build time), are always run.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace followup::match {

struct PatternAtoms {
  bool known = false;                          // a built-in pattern, analysed at build time
  uint32_t id = 0;                             // its number among the built-in patterns
  std::vector<std::vector<uint32_t>> clauses;  // atom ids; none when it needs no atom to match
};

// The atoms of `pattern` (unknown for patterns not built in).
PatternAtoms atoms_for(std::string_view pattern);

// Which atoms occur in one text.
class AtomHits {
 public:
  // Scans `text` (UTF-8; invalid bytes are compared as they are) in chunks,
  // so memory stays bounded on huge drafts.
  static AtomHits scan(std::string_view text);

  // False only when `atoms` is known and one of its clauses has no atom present.
  bool may_match(const PatternAtoms& atoms) const { return all_ || !atoms.known || passes_[atoms.id]; }

 private:
  std::vector<bool> passes_;  // by built-in pattern id
  bool all_ = true;  // not scanned, or the scan failed: assume every atom is present
};

// The prefilter scan of one draft, run on first use: a lint whose pattern
// lists are all in steady use (RE2::Set, see text_util.hpp) never needs it.
// One per lint; not shared between threads.
class AtomScan {
 public:
  explicit AtomScan(std::string_view text) : text_(text) {}
  bool may_match(const PatternAtoms& atoms) const {
    if (!atoms.known) return true;
    if (!hits_) hits_ = AtomHits::scan(text_);
    return hits_->may_match(atoms);
  }

 private:
  std::string_view text_;
  mutable std::optional<AtomHits> hits_;
};

}  // namespace followup::match
