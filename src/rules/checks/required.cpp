// required: the rule's sections must contain a match of one of `patterns`;
// when none does, the rule fires once. It stays silent when none of the
// sections exists (a presence rule reports that). `report_at` picks where the
// caret goes: "first_sentence", "last_sentence" (of the sections), or a
// section name; `fix_append` offers a fix that appends text at the end of
// that span after dropping `fix_trim` chars. `unless` patterns silence the
// rule when one matches a section (e.g. a last paragraph that is a "P.S.").
#include "rules/params.hpp"
#include "rules/rule.hpp"
#include "rules/sections.hpp"
#include "match/match.hpp"

namespace followup::rules::checks {
namespace {

class Required : public Check {
 public:
  using Check::Check;
  PatternList patterns;
  PatternList unless;
  std::string report_at;
  std::optional<std::string> fix_append;
  std::string fix_trim;
  bool or_phone_number = false;  // a phone number found in the sections satisfies it too

  bool has_phone_number(const LintInput& in, const std::vector<core::Span>& spans) const {
    for (core::Span p : in.draft.phone_numbers())
      for (core::Span s : spans)
        if (s.contains(p)) return true;
    return false;
  }


  void run(const LintInput& in, Emitter& out) const override {
    std::string_view text = in.draft.source->text();
    const auto& spans = in.sections->spans(common_);
    if (spans.empty()) return;
    for (core::Span s : spans)
      if (patterns.any(text, s, in.scans) || (!unless.empty() && unless.any(text, s, in.scans))) return;
    if (or_phone_number && has_phone_number(in, spans)) return;
    core::Span where = spans.front();
    if (report_at == "first_sentence") {
      for (const auto& sentence : in.draft.sentences) {
        if (spans.front().contains(sentence.span)) {
          where = sentence.span;
          break;
        }
      }
    } else if (report_at == "last_sentence") {
      for (const auto& sentence : in.draft.sentences) {
        for (core::Span s : spans)
          if (s.contains(sentence.span)) where = sentence.span;
      }
    } else if (!report_at.empty()) {
      auto preferred = section_spans(in.draft, report_at);
      if (!preferred.empty()) where = preferred.front();
    }
    auto& d = out.report(where, format({{"text", excerpt(text.substr(where.begin, where.size()))}}),
                         help());
    if (fix_append) {
      core::Span tail{where.end, where.end};
      while (tail.begin > where.begin && fix_trim.find(text[tail.begin - 1]) != std::string::npos)
        --tail.begin;
      diag::Fix fix;
      fix.title = "end it with '" + *fix_append + "'";
      fix.edits.push_back(diag::Edit::replace(tail, *fix_append));
      d.fixes.push_back(std::move(fix));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_required(Params& params, CheckCommon common) {
  auto check = std::make_unique<Required>(std::move(common));
  check->patterns = params.section_patterns("patterns");
  if (check->patterns.empty()) params.error("patterns", "a required rule needs 'patterns'");
  check->unless = params.section_patterns("unless");
  check->report_at = params.string("report_at");
  check->or_phone_number = params.boolean("or_phone_number", false);
  if (!check->report_at.empty() && check->report_at != "first_sentence" &&
      check->report_at != "last_sentence" && !is_section_name(check->report_at))
    params.error("report_at",
                 "'report_at' must be 'first_sentence', 'last_sentence' or a section name");
  if (params.has("fix_append")) check->fix_append = params.string("fix_append");
  check->fix_trim = params.string("fix_trim");
  return check;
}

}  // namespace followup::rules::checks
