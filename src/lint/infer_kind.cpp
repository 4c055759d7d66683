#include "lint/infer_kind.hpp"

#include <array>

#include "rules/sections.hpp"

namespace followup::lint {

core::Kind infer_kind(const core::Draft& draft, const rules::KindSignals& signals, const match::LintScans* scans) {
  const auto& table = signals.signals;
  const match::PatternList& list = signals.patterns;
  std::array<int, 4> score{};
  std::string_view text = draft.source->text();
  if (const core::Header* subject = draft.header("subject")) {
    for (size_t i : list.matching(text, subject->value, scans)) {
      const rules::KindSignal& s = table[i];
      score[static_cast<size_t>(s.kind)] += s.subject_weight;
    }
  }
  // The body part by part, each signal counted once: the parts are what the
  // shared pass scans (part_scan.hpp), and no signal spans two of them.
  std::vector<char> body_hit(table.size(), 0);
  for (core::Span part : rules::section_spans(draft, "body"))
    for (size_t i : list.matching(text, part, scans)) body_hit[i] = 1;
  for (size_t i = 0; i < table.size(); ++i) {
    if (!body_hit[i]) continue;
    score[static_cast<size_t>(table[i].kind)] += table[i].body_weight;
  }
  const int rejection = score[static_cast<size_t>(core::Kind::kRejectionReply)];
  const int inquiry = score[static_cast<size_t>(core::Kind::kStatusInquiry)];
  const int thanks = score[static_cast<size_t>(core::Kind::kThankYou)];
  if (rejection >= 4 && rejection >= inquiry) return core::Kind::kRejectionReply;
  if (inquiry >= 4 && inquiry >= thanks) return core::Kind::kStatusInquiry;
  if (thanks >= 2 && thanks >= rejection && thanks >= inquiry) return core::Kind::kThankYou;
  if (rejection >= 3 && rejection > inquiry) return core::Kind::kRejectionReply;
  if (inquiry >= 3) return core::Kind::kStatusInquiry;
  return core::Kind::kUnknown;
}

}  // namespace followup::lint
