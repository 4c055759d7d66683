// Small helpers the checks share for running RE2 patterns over spans.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
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

class StretchGroup;

// What pattern lists consult during one lint.
struct PatternContext {
  const AtomScan* atoms = nullptr;  // the prefilter (first uses of a list)
  // Each stretch group's pass over this draft (see StretchGroup).
  struct StretchResult {
    const StretchGroup* group;
    const char* stretch;      // the text scanned, to be sure a member asks about the same
    size_t size;
    std::vector<bool> maybe;  // by member list
  };
  mutable std::vector<StretchResult> stretch_results;
};

// Pattern lists whose checks read the same sections. Once the group is in
// steady use, one RE2::Set pass over all their patterns answers every
// member's may_match_in for a draft, instead of a pass per list. Built by
// RuleSet::build (group_stretch_lists); shared by threads.
class StretchGroup {
 public:
  // Adds a list's patterns; returns its member index.
  size_t add(const std::vector<std::string>& sources);
  // Whether one of member's patterns matches in `stretch`, from one pass per
  // draft for the whole group; nullopt until the group is in steady use or
  // when its set cannot be built.
  std::optional<bool> may_match(size_t member, re2::StringPiece stretch, const PatternContext& context) const;

 private:
  std::vector<std::string> sources_;
  std::vector<size_t> member_of_;  // pattern index -> member index
  size_t members_ = 0;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2::Set> set_;
  mutable std::atomic<uint32_t> uses_{0};
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
  // Makes this list a member of `group` (at rule-set build, before any lint).
  void join(std::shared_ptr<StretchGroup> group);

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
  std::shared_ptr<StretchGroup> group_;
  size_t member_ = 0;  // index in group_
  std::unique_ptr<Lazy> lazy_;
};

// "Thx" -> "Thanks" when the matched text starts with a capital letter.
std::string match_case(std::string_view matched, std::string replacement);

// Shortens text for a message: first line only, at most `max` bytes, "..." added.
std::string excerpt(std::string_view text, size_t max = 60);

}  // namespace followup::rules
