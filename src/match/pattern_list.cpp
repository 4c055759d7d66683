#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <atomic>
#include <mutex>

#include "match/match.hpp"
#include "match/options.hpp"
#include "match/part_scan.hpp"
#include "match/prefilter.hpp"

namespace followup::match {

struct PatternList::Lazy {
  std::vector<std::unique_ptr<RE2>> compiled;
  std::unique_ptr<std::once_flag[]> compiled_once;
  std::unique_ptr<RE2::Set> set;  // over every pattern, built once the list is worth it
  std::once_flag set_once;
  bool set_ok = false;
  std::atomic<uint32_t> calls{0};
};

PatternList::PatternList(std::vector<std::string> sources) : sources_(std::move(sources)) {
  part_offset_.fill(-1);
  lazy_ = std::make_unique<Lazy>();
  lazy_->compiled.resize(sources_.size());
  lazy_->compiled_once = std::make_unique<std::once_flag[]>(sources_.size());
  for (const auto& source : sources_) {
    atoms_.push_back(atoms_for(source));
    if (!atoms_.back().known) ++unknown_;
  }
}

PatternList::PatternList() { part_offset_.fill(-1); }
PatternList::PatternList(PatternList&&) noexcept = default;
PatternList& PatternList::operator=(PatternList&&) noexcept = default;
PatternList::~PatternList() = default;

const RE2& PatternList::at(size_t i) const {
  std::call_once(lazy_->compiled_once[i], [&] {
    lazy_->compiled[i] = std::make_unique<RE2>(sources_[i], pattern_options());
  });
  return *lazy_->compiled[i];
}

void PatternList::ensure_set() const {
  std::call_once(lazy_->set_once, [&] {
    auto set = std::make_unique<RE2::Set>(pattern_options(), RE2::UNANCHORED);
    for (const auto& source : sources_)
      if (set->Add(source, nullptr) < 0) return;  // fall back to running each pattern
    if (!set->Compile()) return;
    lazy_->set = std::move(set);
    lazy_->set_ok = true;
  });
}

bool PatternList::steady() const {
  // Users' patterns have no prefilter: with two or more, the set pays at once.
  constexpr uint32_t kSteadyAfter = 16;
  return unknown_ >= 2 || lazy_->calls.fetch_add(1, std::memory_order_relaxed) >= kSteadyAfter;
}

std::optional<PatternList::SharedHit> PatternList::shared_matches(core::Span span, const LintScans* scans) const {
  if (!parts_ || !scans) return std::nullopt;
  auto hit = scans->parts().matches(span, parts_);
  if (!hit) return std::nullopt;
  // The kind's ids are sorted and this list's patterns are one run of them.
  const int32_t first = part_offset_[static_cast<size_t>(hit->kind)];
  const int32_t last = first + static_cast<int32_t>(sources_.size());
  const std::vector<int>& ids = *hit->ids;
  auto begin = std::lower_bound(ids.begin(), ids.end(), first);
  auto end = std::lower_bound(begin, ids.end(), last);
  return SharedHit{std::span<const int>(ids.data() + (begin - ids.begin()), static_cast<size_t>(end - begin)), first};
}

std::vector<size_t> PatternList::candidates(std::string_view text, core::Span span, const LintScans* scans,
                                            bool& exact) const {
  exact = false;
  std::vector<size_t> out;
  if (auto shared = shared_matches(span, scans)) {
    exact = true;
    for (int id : shared->ids) out.push_back(static_cast<size_t>(id - shared->first));
    return out;
  }
  re2::StringPiece piece(text.data() + span.begin, span.size());
  const AtomScan* atoms = scans ? &scans->atoms() : nullptr;
  const bool steady = this->steady();
  if (steady && sources_.size() >= 2) {
    ensure_set();
    std::vector<int> matched;
    RE2::Set::ErrorInfo error{};
    if (lazy_->set_ok &&
        (lazy_->set->Match(piece, &matched, &error) || error.kind == RE2::Set::kNoError)) {
      std::sort(matched.begin(), matched.end());
      for (int i : matched) out.push_back(static_cast<size_t>(i));
      exact = true;
      return out;
    }
  }
  for (size_t i = 0; i < sources_.size(); ++i)
    if (steady || !atoms || atoms->may_match(atoms_[i])) out.push_back(i);
  return out;
}

std::vector<size_t> PatternList::matching(std::string_view text, core::Span span, const LintScans* scans) const {
  bool exact = false;
  std::vector<size_t> out = candidates(text, span, scans, exact);
  if (!exact) {
    re2::StringPiece piece(text.data() + span.begin, span.size());
    std::erase_if(out, [&](size_t i) {
      const RE2& re = at(i);
      return !re.ok() || !RE2::PartialMatch(piece, re);
    });
  }
  return out;
}

bool PatternList::any(std::string_view text, core::Span span, const LintScans* scans) const {
  if (sources_.empty()) return false;
  if (auto shared = shared_matches(span, scans)) return !shared->ids.empty();
  re2::StringPiece piece(text.data() + span.begin, span.size());
  const bool steady = this->steady();
  if (steady && sources_.size() >= 2) {
    ensure_set();
    // Without a vector to fill, the set stops at the first match.
    if (lazy_->set_ok) return lazy_->set->Match(piece, nullptr);
  }
  const AtomScan* atoms = scans ? &scans->atoms() : nullptr;
  for (size_t i = 0; i < sources_.size(); ++i) {
    if (!steady && atoms && !atoms->may_match(atoms_[i])) continue;
    const RE2& re = at(i);
    if (re.ok() && RE2::PartialMatch(piece, re)) return true;
  }
  return false;
}

std::vector<Match> PatternList::find_all(std::string_view text, core::Span span, const LintScans* scans) const {
  std::vector<Match> out;
  if (sources_.empty() || span.empty()) return out;
  re2::StringPiece piece(text.data() + span.begin, span.size());
  bool exact = false;
  for (size_t index : candidates(text, span, scans, exact)) {
    const RE2& re = at(index);
    if (!re.ok()) continue;
    re2::StringPiece groups[2];
    int ngroups = std::min(re.NumberOfCapturingGroups(), 1) + 1;
    size_t pos = 0;
    while (pos <= piece.size()) {
      if (!re.Match(piece, pos, piece.size(), RE2::UNANCHORED, groups, ngroups)) break;
      auto whole_begin = static_cast<uint32_t>(groups[0].data() - piece.data());
      auto whole_end = whole_begin + static_cast<uint32_t>(groups[0].size());
      Match m;
      m.pattern = index;
      m.whole = {span.begin + whole_begin, span.begin + whole_end};
      m.span = m.whole;
      if (ngroups == 2 && groups[1].data() != nullptr) {
        auto g = static_cast<uint32_t>(groups[1].data() - piece.data());
        m.span = {span.begin + g, span.begin + g + static_cast<uint32_t>(groups[1].size())};
      }
      out.push_back(m);
      pos = whole_end > whole_begin ? whole_end : whole_end + 1;
    }
  }
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.pattern < b.pattern;
  });
  // Two patterns matching the same place report it once.
  std::vector<Match> unique;
  for (const auto& m : out) {
    if (!unique.empty() && m.span.begin < unique.back().span.end) continue;
    unique.push_back(m);
  }
  return unique;
}

bool PatternList::matches_in(std::string_view piece, size_t index) const {
  const RE2& re = at(index);
  return re.ok() && RE2::PartialMatch(re2::StringPiece(piece.data(), piece.size()), re);
}

}  // namespace followup::match
