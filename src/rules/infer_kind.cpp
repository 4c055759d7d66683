#include "rules/infer_kind.hpp"

#include <re2/re2.h>

#include <array>
#include <memory>

#include "rules/params.hpp"

namespace followup::rules {
namespace {

struct Signal {
  core::Kind kind;
  int subject_weight;
  int body_weight;
  std::unique_ptr<RE2> pattern;
};

std::vector<Signal> make_signals() {
  using core::Kind;
  const std::vector<std::tuple<Kind, int, int, const char*>> table = {
      // A reply to a rejection names the decision or asks to be kept in mind.
      {Kind::kRejectionReply, 4, 4,
       R"((?i)\b(not (been )?selected|not moving forward|not be moving forward|(decided|chose|chosen) to (move|go) forward with (another|other)|another candidate|other candidates?\b.*\b(selected|chosen|offered))\b)"},
      {Kind::kRejectionReply, 3, 3,
       R"((?i)\b(your decision|letting me know|informing me|for the update on (my|the) (application|candidacy)|disappoint(ed|ing)|while I('m| am) (sorry|sad)|keep me in mind|keep my (r[eé]sum[eé]|application|information) on file|future (openings|opportunities|positions|roles))\b)"},
      {Kind::kRejectionReply, 3, 0, R"((?i)\b(re:.*(decision|application status|update)|your decision)\b)"},
      // A status inquiry asks where things stand.
      {Kind::kStatusInquiry, 4, 3,
       R"((?i)\b(follow(ing)?[ -]up|checking in|status|any update|an update|where (things|you|the (team|company)) (stand|are)|inquir(e|ing|y)|next steps|(hiring|decision)[ -](process|timeline)|timeline|decision has been made|have you made a decision|still (very )?(much )?interested)\b)"},
      // A thank-you note thanks for the interview.
      {Kind::kThankYou, 4, 3,
       R"((?i)\b(thank you|thanks|grateful|appreciate[ds]?)\b[^.!?\n]{0,60}\b(interview|speaking|speak|talking|talk|meeting|meet|call|conversation|chat|time)\b)"},
      {Kind::kThankYou, 3, 0, R"((?i)\b(thank you|thanks)\b)"},
      {Kind::kThankYou, 0, 2, R"((?i)\b(enjoyed (speaking|talking|meeting|learning|our|hearing)|it was (a pleasure|great) (speaking|talking|meeting))\b)"},
  };
  std::vector<Signal> out;
  for (const auto& [kind, subject_weight, body_weight, pattern] : table)
    out.push_back({kind, subject_weight, body_weight, std::make_unique<RE2>(pattern, pattern_options())});
  return out;
}

}  // namespace

core::Kind infer_kind(const core::Draft& draft) {
  static const std::vector<Signal> signals = make_signals();
  std::array<int, 4> score{};
  std::string_view text = draft.source->text();
  const core::Header* subject = draft.header("subject");
  re2::StringPiece body(text.data() + draft.body.begin, draft.body.size());
  for (const auto& s : signals) {
    if (subject && s.subject_weight &&
        RE2::PartialMatch(re2::StringPiece(text.data() + subject->value.begin, subject->value.size()), *s.pattern))
      score[static_cast<size_t>(s.kind)] += s.subject_weight;
    if (s.body_weight && RE2::PartialMatch(body, *s.pattern)) score[static_cast<size_t>(s.kind)] += s.body_weight;
  }
  // Rejection and inquiry signals are specific; thanks appear in every kind.
  const int rejection = score[static_cast<size_t>(core::Kind::kRejectionReply)];
  const int inquiry = score[static_cast<size_t>(core::Kind::kStatusInquiry)];
  const int thanks = score[static_cast<size_t>(core::Kind::kThankYou)];
  if (rejection >= 4 && rejection >= inquiry) return core::Kind::kRejectionReply;
  if (inquiry >= 3 && inquiry + 1 >= thanks) return core::Kind::kStatusInquiry;
  if (thanks >= 3) return core::Kind::kThankYou;
  if (rejection >= 3) return core::Kind::kRejectionReply;
  return core::Kind::kUnknown;
}

}  // namespace followup::rules
