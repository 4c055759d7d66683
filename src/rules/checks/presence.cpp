// presence: fires when the rule's section is absent from the draft. The caret
// goes to the first place in `report_at` that exists (a section name, or
// "start"/"end" of the body), since a missing part has no span of its own.
// A section whose spans are all empty (e.g. "Subject:" with no text) counts
// as absent.
#include "rules/params.hpp"
#include "rules/rule.hpp"
#include "rules/sections.hpp"

namespace followup::rules::checks {
namespace {

class Presence : public Check {
 public:
  using Check::Check;
  std::vector<std::string> report_at;

  void run(const LintInput& in, Emitter& out) const override {
    for (core::Span s : in.sections->spans(common_))
      if (!s.empty()) return;
    core::Span where{in.draft.body.begin, in.draft.body.begin};
    for (const auto& place : report_at) {
      if (place == "start") break;
      if (place == "end") {
        where = {in.draft.body.end, in.draft.body.end};
        break;
      }
      auto spans = section_spans(in.draft, place);
      if (!spans.empty()) {
        where = spans.front();
        break;
      }
    }
    out.report(where, format({}), help());
  }
};

}  // namespace

std::unique_ptr<Check> make_presence(Params& params, CheckCommon common) {
  auto check = std::make_unique<Presence>(std::move(common));
  check->report_at = params.strings("report_at");
  for (const auto& place : check->report_at)
    if (place != "start" && place != "end" && !is_section_name(place))
      params.error("report_at", "'report_at' entries must be section names, 'start' or 'end'");
  return check;
}

}  // namespace followup::rules::checks
