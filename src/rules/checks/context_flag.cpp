// context-flag: fires once when a boolean context key (`key`) is true, e.g.
// no_follow_up, with the caret on the subject or the start of the note.
#include "rules/params.hpp"
#include "rules/rule.hpp"

namespace followup::rules::checks {
namespace {

class ContextFlag : public Check {
 public:
  using Check::Check;
  std::string key;

  void run(const LintInput& in, Emitter& out) const override {
    if (in.context.get(key).value_or("false") != "true") return;
    core::Span where{in.draft.body.begin, in.draft.body.begin};
    if (const auto* subject = in.draft.header("subject")) {
      where = subject->value;
    } else if (in.draft.salutation) {
      where = *in.draft.salutation;
    } else if (!in.draft.paragraphs.empty()) {
      where = in.draft.paragraphs.front();
    }
    out.report(where, format({}), help());
  }
};

}  // namespace

std::unique_ptr<Check> make_context_flag(Params& params, CheckCommon common) {
  auto check = std::make_unique<ContextFlag>(std::move(common));
  check->key = params.string("key");
  if (check->key != "no_follow_up" && check->key != "template")
    params.error("key", "'key' must name a boolean context key (no_follow_up, template)");
  return check;
}

}  // namespace followup::rules::checks
