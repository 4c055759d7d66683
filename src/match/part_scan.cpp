#include "match/part_scan.hpp"

#include <algorithm>
#include <numeric>
#include <system_error>

#include "match/match.hpp"
#include "match/options.hpp"
#include "match/prefilter.hpp"

namespace followup::match {

void PartScanner::add(PatternList& list, core::PartMask mask) {
  if (list.empty()) return;
  for (size_t k = 0; k < core::kPartKinds; ++k) {
    if (!(mask & (core::PartMask{1} << k)) || list.part_offset_[k] >= 0) continue;
    auto& kind = kinds_[k];
    list.part_offset_[k] = static_cast<int32_t>(kind.sources.size());
    list.parts_ |= core::PartMask{1} << k;
    kind.sources.insert(kind.sources.end(), list.sources_.begin(), list.sources_.end());
  }
}

PartScanner::~PartScanner() { wait(); }

void PartScanner::wait() const {
  if (compiler_.joinable()) compiler_.join();
}

void PartScanner::compile_all() const {
  // Most patterns first: until its set is ready, a kind's parts run each
  // list's own patterns, and the paragraphs' lists are most of the work.
  std::array<size_t, core::kPartKinds> order;
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return kinds_[a].sources.size() > kinds_[b].sources.size(); });
  for (size_t k : order) {
    auto& kind = kinds_[k];
    if (kind.sources.empty()) continue;
    // A kind with the very patterns of one compiled already (To and Cc) shares its set.
    auto same = std::find_if(kinds_.begin(), kinds_.end(), [&](const KindSet& other) {
      return &other != &kind && other.set && other.sources == kind.sources;
    });
    if (same != kinds_.end()) {
      kind.ready.store(same->set.get(), std::memory_order_release);
      continue;
    }
    auto set = std::make_unique<RE2::Set>(pattern_options(), RE2::UNANCHORED);
    bool added = true;
    for (const auto& source : kind.sources) added = added && set->Add(source, nullptr) >= 0;
    if (!added || !set->Compile()) continue;  // the lists keep to their own patterns
    kind.set = std::move(set);
    kind.ready.store(kind.set.get(), std::memory_order_release);
  }
}

const RE2::Set* PartScanner::steady_set(core::PartKind which, bool count_use) const {
  auto& kind = kinds_[static_cast<size_t>(which)];
  if (const RE2::Set* set = kind.ready.load(std::memory_order_acquire)) return set;
  // Compiling the sets (tens of ms) pays only over a batch or a session: the
  // first drafts keep to the lists' own lazy patterns (fast start-up).
  constexpr uint32_t kSteadyAfter = 2;  // drafts that had a part of this kind
  if (count_use && kind.uses.fetch_add(1, std::memory_order_relaxed) + 1 == kSteadyAfter)
    std::call_once(start_once_, [this] {
      try {
        compiler_ = std::thread([this] { compile_all(); });
      } catch (const std::system_error&) {  // no thread to be had: compile here, once
        compile_all();
      }
    });
  return nullptr;
}

PartScan::PartScan(const PartScanner* scanner, const core::Draft& draft)
    : scanner_(scanner), text_(draft.source->text()) {
  if (!scanner_) return;
  parts_.reserve(draft.headers.size() + draft.paragraphs.size() + draft.signature_lines.size() + 2);
  for (const auto& h : draft.headers) {
    core::PartKind kind = h.name == "subject" ? core::PartKind::kSubject
                    : h.name == "to"    ? core::PartKind::kTo
                    : h.name == "cc"    ? core::PartKind::kCc
                                        : core::PartKind::kOtherHeader;
    parts_.push_back({h.value, kind});
  }
  if (draft.salutation) parts_.push_back({*draft.salutation, core::PartKind::kSalutation});
  for (core::Span p : draft.paragraphs) parts_.push_back({p, core::PartKind::kParagraph});
  if (draft.closing) parts_.push_back({*draft.closing, core::PartKind::kClosing});
  for (core::Span s : draft.signature_lines) parts_.push_back({s, core::PartKind::kSignature});
  auto before = [](const Part& a, const Part& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  };
  if (!std::is_sorted(parts_.begin(), parts_.end(), before)) std::stable_sort(parts_.begin(), parts_.end(), before);
}

std::optional<PartScan::Hit> PartScan::matches(core::Span span, core::PartMask mask) const {
  // A check asks about its sections in document order: try the part after
  // the last one asked for before searching.
  auto it = parts_.begin() + static_cast<std::ptrdiff_t>(std::min(hint_, parts_.size()));
  if (it == parts_.end() || it->span != span) {
    it = std::lower_bound(parts_.begin(), parts_.end(), span, [](const Part& p, core::Span s) {
      return p.span.begin != s.begin ? p.span.begin < s.begin : p.span.end < s.end;
    });
  }
  while (it != parts_.begin() && it != parts_.end() && std::prev(it)->span == span) --it;  // the same span twice
  hint_ = static_cast<size_t>(it - parts_.begin()) + 1;
  for (; it != parts_.end() && it->span == span; ++it) {
    if (!(mask & core::part_bit(it->kind))) continue;
    if (!it->scanned) {
      const core::PartMask bit = core::part_bit(it->kind);
      const RE2::Set* set = scanner_->steady_set(it->kind, !(counted_ & bit));
      counted_ |= bit;
      if (!set) return std::nullopt;  // not yet in steady use: ask again next time
      it->scanned = true;
      RE2::Set::ErrorInfo error{};
      re2::StringPiece piece(text_.data() + span.begin, span.size());
      it->ok = set->Match(piece, &it->ids, &error) || error.kind == RE2::Set::kNoError;
      std::sort(it->ids.begin(), it->ids.end());
    }
    if (!it->ok) return std::nullopt;
    return Hit{it->kind, &it->ids};
  }
  return std::nullopt;
}

PatternSets::PatternSets() : scanner_(std::make_unique<PartScanner>()) {}
PatternSets::~PatternSets() = default;

void PatternSets::wait_for_steady_sets() const { scanner_->wait(); }

PatternList PatternSets::make(std::vector<std::string> sources, core::PartMask parts) {
  PatternList list(std::move(sources));
  if (parts) scanner_->add(list, parts);
  return list;
}

LintScans::LintScans(const PatternSets& sets, const core::Draft& draft)
    : atoms_(std::make_unique<AtomScan>(draft.source->text())),
      parts_(std::make_unique<PartScan>(sets.scanner_.get(), draft)) {}
LintScans::~LintScans() = default;

}  // namespace followup::match
