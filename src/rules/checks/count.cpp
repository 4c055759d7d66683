// count: counts the matches of `patterns` over all the rule's sections and
// fires when there are more than `max`. `report` = "match" puts the caret on
// the first match past the limit; "section" on the whole of the sections.
// A match that also matches one of `exceptions` is not counted (e.g. a
// question inside quotation marks); with `skip_quoted`, neither is a match
// that starts inside quotation marks. Matches of `preferred` are the ones
// kept within the limit first, so the caret lands on another one (the
// question the advice recommends is never "one too many").
#include <algorithm>

#include "rules/params.hpp"
#include "rules/rule.hpp"
#include "rules/checks/quotes.hpp"
#include "rules/sections.hpp"
#include "match/match.hpp"

namespace followup::rules::checks {
namespace {

class Count : public Check {
 public:
  using Check::Check;
  PatternList patterns;
  PatternList exceptions;
  PatternList preferred;
  int64_t max = 1;
  bool report_section = false;
  bool skip_quoted = false;


  void run(const LintInput& in, Emitter& out) const override {
    std::string_view text = in.draft.source->text();
    std::vector<Match> all;
    const auto& spans = in.sections->spans(common_);
    for (core::Span s : spans) {
      QuoteTracker quotes(text, s);
      for (const Match& m : patterns.find_all(text, s, in.scans))
        if ((exceptions.empty() || !exceptions.any(text, m.whole, in.scans)) &&
            !(skip_quoted && quotes.inside(m.span.begin)))
          all.push_back(m);
    }
    if (static_cast<int64_t>(all.size()) <= max) return;
    if (!preferred.empty())
      std::stable_partition(all.begin(), all.end(),
                            [&](const Match& m) { return preferred.any(text, m.whole, in.scans); });
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
  check->patterns = params.section_patterns("patterns");
  if (check->patterns.empty()) params.error("patterns", "a count rule needs 'patterns'");
  check->exceptions = params.patterns("exceptions");
  check->preferred = params.patterns("preferred");
  check->max = params.integer("max", 1);
  check->skip_quoted = params.boolean("skip_quoted", false);
  std::string report = params.string("report", "match");
  if (report != "match" && report != "section")
    params.error("report", "'report' must be 'match' or 'section'");
  check->report_section = report == "section";
  return check;
}

}  // namespace followup::rules::checks
