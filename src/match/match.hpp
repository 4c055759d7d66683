// The pattern matching of every rule, behind one header: the only room that
// uses RE2. Checks hold PatternLists (made by rules::Params when a rule
// loads) and ask them for matches in spans of a draft; a lint holds one
// LintScans, which the lists consult to skip work. Every speed-up of
// matching lives inside src/match/ and none of it shows here:
//   - the prefilter (prefilter.hpp): literal atoms derived at build time
//     rule out built-in patterns a draft cannot match, uncompiled;
//   - lazy compilation: a list compiles its patterns on first use;
//   - per-list sets: a list in steady use scans a span once with an RE2::Set;
//   - the shared part pass (part_scan.hpp): once a kind of part is in steady
//     use, one set of every list registered for it scans each part once.
// Answers are exact whichever path gives them. Thread-safe: lists and
// PatternSets are shared by the threads that lint; a LintScans is not.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/draft.hpp"
#include "core/span.hpp"

namespace re2 {
class RE2;
}

namespace followup::match {

struct PatternAtoms;  // prefilter.hpp
class PartScanner;    // part_scan.hpp
class PartScan;       // part_scan.hpp
class AtomScan;       // prefilter.hpp

struct Match {
  core::Span span;     // group 1 when the pattern has one and it matched, else the whole match
  core::Span whole;    // the whole match
  size_t pattern = 0;  // index into the pattern list
};

// Why `pattern` does not compile as a rule pattern, or nullopt when it does.
std::optional<std::string> pattern_error(std::string_view pattern);

class PatternSets;
class LintScans;

// A list of patterns, compiled on first use. Offsets in and out are relative
// to the `text` passed in; `scans` (may be null) are the draft's.
class PatternList {
 public:
  PatternList();
  explicit PatternList(std::vector<std::string> sources);
  PatternList(PatternList&&) noexcept;
  PatternList& operator=(PatternList&&) noexcept;
  ~PatternList();
  bool empty() const { return sources_.empty(); }
  size_t size() const { return sources_.size(); }

  // Every non-overlapping match of every pattern in text[span], in order of position.
  std::vector<Match> find_all(std::string_view text, core::Span span, const LintScans* scans = nullptr) const;
  // Indices of the patterns that match somewhere in text[span], in order.
  std::vector<size_t> matching(std::string_view text, core::Span span, const LintScans* scans = nullptr) const;
  // Whether any pattern matches somewhere in text[span].
  bool any(std::string_view text, core::Span span, const LintScans* scans = nullptr) const;
  // Whether pattern `index` matches somewhere in `piece`.
  bool matches_in(std::string_view piece, size_t index) const;

 private:
  friend class PartScanner;
  struct Lazy;
  struct SharedHit {
    std::span<const int> ids;  // ids in the kind's set of this list's patterns that match
    int32_t first;             // the id of this list's pattern 0
  };
  bool steady() const;
  void ensure_set() const;
  const re2::RE2& at(size_t index) const;  // compiled on first use
  std::optional<SharedHit> shared_matches(core::Span span, const LintScans* scans) const;
  std::vector<size_t> candidates(std::string_view text, core::Span span, const LintScans* scans, bool& exact) const;

  std::vector<std::string> sources_;
  std::vector<PatternAtoms> atoms_;
  size_t unknown_ = 0;  // patterns the prefilter knows nothing of (users')
  // Where this list's patterns start in each kind's set of the PartScanner (-1: not registered).
  std::array<int32_t, core::kPartKinds> part_offset_;
  core::PartMask parts_ = 0;
  std::unique_ptr<Lazy> lazy_;
};

// The patterns of one rule set that are scanned together: lists registered
// here for kinds of part are matched by one shared pass per part once those
// kinds are in steady use. Built with the rule set, then shared read-only.
class PatternSets {
 public:
  PatternSets();
  ~PatternSets();
  PatternSets(const PatternSets&) = delete;
  PatternSets& operator=(const PatternSets&) = delete;

  // A list whose patterns a check runs over whole parts of the kinds in
  // `parts`; registered for the shared pass (parts == 0: not registered).
  PatternList make(std::vector<std::string> sources, core::PartMask parts);

  // Waits for the shared sets being compiled in the background, if any
  // (tests and benchmarks that want the steady path from a known point).
  void wait_for_steady_sets() const;

 private:
  friend class LintScans;
  std::unique_ptr<PartScanner> scanner_;
};

// The scans of one draft that pattern lists consult during one lint. Made
// once per lint; not shared between threads.
class LintScans {
 public:
  LintScans(const PatternSets& sets, const core::Draft& draft);
  ~LintScans();
  LintScans(const LintScans&) = delete;
  LintScans& operator=(const LintScans&) = delete;
  const AtomScan& atoms() const { return *atoms_; }
  const PartScan& parts() const { return *parts_; }

 private:
  std::unique_ptr<AtomScan> atoms_;
  std::unique_ptr<PartScan> parts_;
};

}  // namespace followup::match
