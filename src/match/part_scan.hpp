// One RE2::Set pass per part of a draft, shared by every rule that reads it.
//
// A draft's parts are the spans rule sections are made of: each header
// value, the salutation, each paragraph, the closing and each signature
// line. At rule-set build, every pattern list a check runs over whole spans
// of its sections is registered with the kinds of part those sections cover.
// Once a kind is in steady use (a batch, an editor session), one RE2::Set of
// all the lists registered for it is compiled on a thread of its own (the
// drafts meanwhile keep to the lists' lazy patterns, so no lint waits for
// it); from then on it scans each such part of a draft once, and
// a list learns which of its patterns match there without a pass of its own.
// Most lists find nothing in most drafts, so most cost no pass at all; the
// answer is exact, so anchors and \b need no special care.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/draft.hpp"
#include "core/span.hpp"


namespace followup::match {

class PatternList;

// The registered lists and, per kind, their merged set. Built with the rule
// set; shared by the threads that lint with it.
class PartScanner {
 public:
  PartScanner() = default;
  ~PartScanner();  // waits for a compilation under way
  PartScanner(const PartScanner&) = delete;
  PartScanner& operator=(const PartScanner&) = delete;

  // Registers `list` for the kinds in `mask` (at rule-set build, before any lint).
  void add(PatternList& list, core::PartMask mask);
  // Waits for a compilation under way (not to be called while lints start it).
  void wait() const;

 private:
  friend class PartScan;
  struct KindSet {
    std::vector<std::string> sources;  // every registered list's patterns, list after list
    std::unique_ptr<RE2::Set> set;     // written by the compiling thread only
    std::atomic<const RE2::Set*> ready{nullptr};  // `set` once compiled; null before, or when it cannot be built
    std::atomic<uint32_t> uses{0};
  };
  // The kind's set once it is compiled, else null; `count_use` on a draft's
  // first request for the kind. The first kind to reach steady use starts
  // the compilation of every kind's set.
  const RE2::Set* steady_set(core::PartKind kind, bool count_use) const;
  void compile_all() const;

  mutable std::array<KindSet, core::kPartKinds> kinds_;
  mutable std::once_flag start_once_;
  mutable std::thread compiler_;
};

// The scan of one draft: each part is scanned on first request. One per
// lint; not shared between threads.
class PartScan {
 public:
  PartScan(const PartScanner* scanner, const core::Draft& draft);

  struct Hit {
    core::PartKind kind;
    const std::vector<int>* ids;  // ids in the kind's set that match in the part, sorted
  };
  // What matches in `span` when it is one of the draft's parts, of a kind in
  // `mask`, whose set is in steady use; nullopt otherwise.
  std::optional<Hit> matches(core::Span span, core::PartMask mask) const;

 private:
  struct Part {
    core::Span span;
    core::PartKind kind;
    bool scanned = false;
    bool ok = false;
    std::vector<int> ids;
  };
  const PartScanner* scanner_;
  std::string_view text_;
  mutable std::vector<Part> parts_;  // sorted by span
  mutable size_t hint_ = 0;          // where the next request probably is
  mutable core::PartMask counted_ = 0;     // kinds this draft has counted as a use
};

}  // namespace followup::match
