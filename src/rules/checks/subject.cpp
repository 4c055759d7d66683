// subject: an email subject must say what the note is (`purpose` patterns:
// thanks, follow-up, ...) and for which job. It is vague when it matches one
// of `vague` (e.g. nothing but "Checking in"), when nothing is left once the
// `filler` words are removed, or, with `position` in the context, when the
// position is not named. Silent when there is no subject (subject.missing)
// and when the subject holds template text (placeholder.unfilled).
#include <set>

#include "text/compare.hpp"
#include "text/words.hpp"
#include "rules/params.hpp"
#include "rules/rule.hpp"
#include "match/match.hpp"

namespace followup::rules::checks {
namespace {

class Subject : public Check {
 public:
  using Check::Check;
  PatternList purpose;
  PatternList vague;

  std::set<std::string> filler;
  Message position_message;

  void run(const LintInput& in, Emitter& out) const override {
    const core::Header* subject = in.draft.header("subject");
    if (!subject || subject->value.empty()) return;
    std::string_view text = in.draft.source->text();
    std::string_view value = text.substr(subject->value.begin, subject->value.size());
    std::vector<std::pair<std::string, std::string>> args = {
        {"subject", std::string(value)}, {"position", in.context.position.value_or("")}};
    if (in.context.template_mode && value.find("{{") != std::string_view::npos &&
        purpose.any(text, subject->value, in.scans))
      return;  // "Thank you – {{position}} interview"
    // "Thank You – [Position] Interview" is unfinished, not vague: placeholder.unfilled reports it.
    if (!in.context.template_mode &&
        (value.find("{{") != std::string_view::npos ||
         (value.find('[') != std::string_view::npos && value.find(']') != std::string_view::npos)))
      return;
    bool is_vague = vague.any(text, subject->value, in.scans) || !purpose.any(text, subject->value, in.scans);
    if (!is_vague && in.context.position) {
      std::string have = text::comparison_key(value);
      std::string want = text::comparison_key(*in.context.position);
      if (have.find(want) == std::string::npos) {
        out.report(subject->value, position_message.format(args), help());
        return;
      }
      return;
    }
    if (!is_vague && !in.context.position) {
      size_t content = 0;
      for (core::Span w : text::split_words(value)) {
        if (!filler.count(text::comparison_key(value.substr(w.begin, w.size())))) ++content;
      }
      is_vague = content == 0;
    }
    if (is_vague) out.report(subject->value, format(args), help());
  }
};

}  // namespace

std::unique_ptr<Check> make_subject(Params& params, CheckCommon common) {
  auto check = std::make_unique<Subject>(std::move(common));
  check->purpose = params.section_patterns("purpose");
  if (check->purpose.empty()) params.error("purpose", "a subject rule needs 'purpose' patterns");
  check->vague = params.section_patterns("vague");
  for (const auto& w : params.strings("filler")) check->filler.insert(text::comparison_key(w));
  check->position_message =
      Message(params.string("position_message", check->common().message.text()));
  if (auto problem = check->position_message.validate({"subject", "position"}))
    params.error("position_message", *problem);
  return check;
}

}  // namespace followup::rules::checks
