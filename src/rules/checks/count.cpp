// count: counts the matches of `patterns` over all the rule's sections and
// fires when there are more than `max`. `report` = "match" puts the caret on
// the first match past the limit; "section" on the first section span.
#include "rules/checks/checks.hpp"
#include "rules/sections.hpp"
#include "rules/text_util.hpp"

namespace followup::rules::checks {
namespace {

class Count : public Check {
 public:
  using Check::Check;
  PatternList patterns;
  int64_t max = 1;
  bool report_section = false;

  void run(const LintInput& in, Emitter& out) const override {
    std::string_view text = in.draft.source->text();
    std::vector<Match> all;
    auto spans = section_spans(in.draft, common_.sections);
    for (core::Span s : spans) {
      auto found = patterns.find_all(text, s);
      all.insert(all.end(), found.begin(), found.end());
    }
    if (static_cast<int64_t>(all.size()) <= max) return;
    core::Span where = all[static_cast<size_t>(max)].span;
    if (report_section) where = {spans.front().begin, spans.back().end};
    out.report(where,
               format({{"count", std::to_string(all.size())},
                       {"max", std::to_string(max)},
                       {"match", std::string(text.substr(where.begin, where.size()))}}),
               help());
  }
};

}  // namespace

std::unique_ptr<Check> make_count(Params& params, CheckCommon common) {
  auto check = std::make_unique<Count>(std::move(common));
  check->patterns = PatternList(params.patterns("patterns"));
  if (check->patterns.empty()) params.error("patterns", "a count rule needs 'patterns'");
  check->max = params.integer("max", 1);
  std::string report = params.string("report", "match");
  if (report != "match" && report != "section") params.error("report", "'report' must be 'match' or 'section'");
  check->report_section = report == "section";
  return check;
}

}  // namespace followup::rules::checks
