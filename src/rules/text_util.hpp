// Small helpers the checks share for running RE2 patterns over spans.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"
#include "rules/params.hpp"
#include "rules/prefilter.hpp"

namespace followup::rules {

struct Match {
  core::Span span;     // group 1 when the pattern has one and it matched, else the whole match
  core::Span whole;    // the whole match
  size_t pattern = 0;  // index into the pattern list
};

// What pattern lists consult during one lint.
struct PatternContext {
  const AtomScan* atoms = nullptr;  // the prefilter (first uses of a list)
};

// A list of patterns, compiled on first use (thread-safe). The first uses
// of a list (a single draft, the start of a batch) skip, uncompiled, the
// built-in patterns the draft's prefilter scan rules out (prefilter.hpp) and
// run the rest one by one: compiling everything would dominate start-up.
// A list in steady use instead scans a section once with an RE2::Set over
// all its patterns to learn which occur, then runs only those.
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
  // position; offsets are relative to `text`. `context` holds the prefilter
  // scan of the draft (null: every pattern may match).
  std::vector<Match> find_all(std::string_view text, core::Span span, const PatternContext* context = nullptr) const;
  // Whether any pattern matches somewhere in text[span].
  bool any(std::string_view text, core::Span span, const PatternContext* context = nullptr) const;
  // False only when no pattern can match inside any of `spans` (sorted):
  // one early-exit pass over the stretch from the first span to the last
  // replaces a pass per span for the many rules that find nothing. Used
  // only when that is sound: no pattern anchors with ^ $ \A \z, and every
  // span is bounded by non-word ASCII, so \b reads the same in the stretch
  // as in the span alone. A list that finds something a quarter of the time
  // or more skips the extra pass and answers true.
  bool may_match_in(std::string_view text, const std::vector<core::Span>& spans,
                    const PatternContext* context = nullptr) const;

 private:
  struct Lazy;
  void ensure_set() const;
  // Counts a use; true once the list is in steady use (see above).
  bool steady() const;
  // Indices of the patterns worth running on `piece`, in order; `exact` is
  // set when an RE2::Set pass has confirmed that each of them matches there.
  std::vector<size_t> candidates(re2::StringPiece piece, const PatternContext* context, bool& exact) const;
  std::vector<std::string> sources_;
  std::vector<PatternAtoms> atoms_;
  size_t unknown_ = 0;  // patterns the prefilter knows nothing of (users')
  bool anchored_ = false;  // some pattern uses ^ $ \A \z outside a character class
  std::unique_ptr<Lazy> lazy_;
};

// "Thx" -> "Thanks" when the matched text starts with a capital letter.
std::string match_case(std::string_view matched, std::string replacement);

// Shortens text for a message: first line only, at most `max` bytes, "..." added.
std::string excerpt(std::string_view text, size_t max = 60);

}  // namespace followup::rules
