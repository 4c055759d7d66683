// Small helpers the checks share for running RE2 patterns over spans.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"
#include "rules/params.hpp"
#include "rules/part_scan.hpp"
#include "rules/prefilter.hpp"

namespace followup::rules {

struct Match {
  core::Span span;     // group 1 when the pattern has one and it matched, else the whole match
  core::Span whole;    // the whole match
  size_t pattern = 0;  // index into the pattern list
};

// What pattern lists consult during one lint.
struct PatternContext {
  const AtomScan* atoms = nullptr;   // the prefilter (first uses of a list)
  const DraftScan* parts = nullptr;  // the shared pass per part (steady use)
};

// A list of patterns, compiled on first use (thread-safe). The first uses
// of a list (a single draft, the start of a batch) skip, uncompiled, the
// built-in patterns the draft's prefilter scan rules out (prefilter.hpp) and
// run the rest one by one: compiling everything would dominate start-up.
// In steady use, a list registered with the PartScanner (part_scan.hpp)
// learns from the shared pass over a part which of its patterns occur there
// and runs only those; on other spans it scans once with an RE2::Set over
// all its patterns.
class PatternList {
 public:
  PatternList();
  explicit PatternList(PatternSources sources);
  PatternList(PatternList&&) noexcept;
  PatternList& operator=(PatternList&&) noexcept;
  ~PatternList();
  bool empty() const { return sources_.empty(); }
  size_t size() const { return sources_.size(); }
  const RE2& at(size_t i) const;

  // Every non-overlapping match of every pattern in text[span], in order of
  // position; offsets are relative to `text`. `context` holds the draft's
  // scans (null: the list scans for itself, every pattern a candidate).
  std::vector<Match> find_all(std::string_view text, core::Span span, const PatternContext* context = nullptr) const;
  // Indices of the patterns that match somewhere in text[span], in order.
  std::vector<size_t> matching(std::string_view text, core::Span span, const PatternContext* context = nullptr) const;
  // Whether any pattern matches somewhere in text[span].
  bool any(std::string_view text, core::Span span, const PatternContext* context = nullptr) const;
 private:
  struct Lazy;
  void ensure_set() const;
  // Counts a use; true once the list is in steady use (see above).
  bool steady() const;
  // Indices of the patterns worth running on `piece`, in order; `exact` is
  // set when an RE2::Set pass has confirmed that each of them matches there.
  // Which patterns match in `span` by the shared pass over the draft's parts
  // (part_scan.hpp); nullopt when `span` is not a part that pass covers yet.
  struct SharedHit {
    std::span<const int> ids;  // ids in the kind's set of this list's patterns that match
    int32_t first;             // the id of this list's pattern 0
  };
  std::optional<SharedHit> shared_matches(core::Span span, const PatternContext* context) const;
  std::vector<size_t> candidates(std::string_view text, core::Span span, const PatternContext* context,
                                 bool& exact) const;
  std::vector<std::string> sources_;
  std::vector<PatternAtoms> atoms_;
  size_t unknown_ = 0;  // patterns the prefilter knows nothing of (users')
  // Where this list's patterns start in each kind's set of the PartScanner (-1: not registered).
  friend class PartScanner;
  std::array<int32_t, kPartKinds> part_offset_;
  PartMask parts_ = 0;
  std::unique_ptr<Lazy> lazy_;
};

// "Thx" -> "Thanks" when the matched text starts with a capital letter.
std::string match_case(std::string_view matched, std::string replacement);

// Shortens text for a message: first line only, at most `max` bytes, "..." added.
std::string excerpt(std::string_view text, size_t max = 60);

}  // namespace followup::rules
