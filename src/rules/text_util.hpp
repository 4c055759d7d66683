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

namespace followup::rules {

struct Match {
  core::Span span;     // group 1 when the pattern has one and it matched, else the whole match
  core::Span whole;    // the whole match
  size_t pattern = 0;  // index into the pattern list
};

// Patterns plus an RE2::Set over them, so a section is scanned once to learn
// which patterns occur before any is run for its positions. Everything is
// compiled on first use (thread-safe): most patterns never match a given
// draft, and compiling them all would dominate start-up.
class PatternList {
 public:
  PatternList();
  explicit PatternList(PatternSources sources);
  explicit PatternList(std::vector<std::unique_ptr<RE2>> compiled);
  PatternList(PatternList&&) noexcept;
  PatternList& operator=(PatternList&&) noexcept;
  ~PatternList();
  bool empty() const { return sources_.empty(); }
  size_t size() const { return sources_.size(); }
  const RE2& at(size_t i) const;

  // Every non-overlapping match of every pattern in text[span], in order of
  // position; offsets are relative to `text`.
  std::vector<Match> find_all(std::string_view text, core::Span span) const;
  // Whether any pattern matches somewhere in text[span].
  bool any(std::string_view text, core::Span span) const;

 private:
  struct Lazy;
  void ensure_set() const;
  std::vector<std::string> sources_;
  std::unique_ptr<Lazy> lazy_;
};

// "Thx" -> "Thanks" when the matched text starts with a capital letter.
std::string match_case(std::string_view matched, std::string replacement);

// Shortens text for a message: first line only, at most `max` bytes, "..." added.
std::string excerpt(std::string_view text, size_t max = 60);

}  // namespace followup::rules
