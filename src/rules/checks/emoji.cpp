// emoji: flags emoji (Unicode Extended_Pictographic, whole grapheme clusters)
// in the rule's sections; the fix that removes one is marked unsafe, since
// the sentence may need rewording.
#include "text/emoji.hpp"
#include "rules/params.hpp"
#include "rules/rule.hpp"
#include "rules/sections.hpp"

namespace followup::rules::checks {
namespace {

class Emoji : public Check {
 public:
  using Check::Check;

  void run(const LintInput& in, Emitter& out) const override {
    std::string_view text = in.draft.source->text();
    for (core::Span section : in.sections->spans(common_)) {
      for (core::Span e : text::find_emoji(text.substr(section.begin, section.size()))) {
        core::Span span{section.begin + e.begin, section.begin + e.end};
        auto& d = out.report(span, format({{"match", std::string(text.substr(span.begin, span.size()))}}), help());
        core::Span removal = span;
        if (removal.begin > section.begin && text[removal.begin - 1] == ' ') --removal.begin;
        diag::Fix fix{"remove the emoji", {diag::Edit::remove(removal)}, diag::Applicability::kUnsafe};
        d.fixes.push_back(std::move(fix));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_emoji(Params&, CheckCommon common) {
  return std::make_unique<Emoji>(std::move(common));
}

}  // namespace followup::rules::checks
