// timing: compares two dates of the context. With `max_hours`, fires when
// `to` is later than `from` + max_hours; with `min_hours`, when it is
// earlier than `from` + min_hours; with `before` (a context key), when `to`
// falls before that date. Silent when any date it needs is unset, and when
// one of the `unless_context` keys is set (e.g. a 7-day rule that gives way
// to the reply_expected_by date the interviewer named).
#include <fmt/format.h>

#include <cmath>

#include "rules/params.hpp"
#include "rules/rule.hpp"

namespace followup::rules::checks {
namespace {

const std::optional<core::DateTime>* date_field(const core::Context& c, const std::string& key) {
  if (key == "interview_date") return &c.interview_date;
  if (key == "sent_date") return &c.sent_date;
  if (key == "reply_expected_by") return &c.reply_expected_by;
  return nullptr;
}

class Timing : public Check {
 public:
  using Check::Check;
  std::string from = "interview_date", to = "sent_date", before;
  std::optional<double> max_hours, min_hours;
  std::vector<std::string> unless_context;

  void run(const LintInput& in, Emitter& out) const override {
    for (const auto& key : unless_context)
      if (in.context.get(key)) return;
    const auto* to_date = date_field(in.context, to);
    if (!to_date || !*to_date) return;
    std::vector<std::pair<std::string, std::string>> args;
    if (!before.empty()) {
      const auto* limit = date_field(in.context, before);
      if (!limit || !*limit) return;
      double hours = core::hours_between(**to_date, **limit);
      if (hours <= 0) return;
      args = {{"hours", fmt::format("{:.0f}", hours)},
              {"days", fmt::format("{:.0f}", std::ceil(hours / 24))},
              {"limit", ""},
              {"date", core::format_date_readable(**limit, **to_date)}};
    } else {
      const auto* from_date = date_field(in.context, from);
      if (!from_date || !*from_date) return;
      double hours = core::hours_between(**from_date, **to_date);
      if (max_hours && hours <= *max_hours) return;
      if (min_hours && (hours >= *min_hours || hours < 0)) return;
      double limit = max_hours ? *max_hours : min_hours.value_or(0);
      args = {{"hours", fmt::format("{:.0f}", hours)},
              {"days", fmt::format("{:.0f}", std::floor(hours / 24))},
              {"limit", fmt::format("{:.0f}", limit)},
              {"date", core::format_date_readable(**from_date, **to_date)}};
    }
    core::Span where{in.draft.body.begin, in.draft.body.begin};
    if (const auto* date = in.draft.header("date")) {
      where = date->value;
    } else if (in.draft.salutation) {
      where = *in.draft.salutation;
    }
    out.report(where, format(args), help());
  }
};

}  // namespace

std::unique_ptr<Check> make_timing(Params& params, CheckCommon common) {
  auto check = std::make_unique<Timing>(std::move(common));
  check->from = params.string("from", "interview_date");
  check->to = params.string("to", "sent_date");
  check->before = params.string("before");
  if (params.has("max_hours")) check->max_hours = params.number("max_hours", 24);
  if (params.has("min_hours")) check->min_hours = params.number("min_hours", 168);
  check->unless_context = params.strings("unless_context");
  core::Context probe;
  for (const auto* key : {&check->from, &check->to}) {
    if (!date_field(probe, *key)) params.error("from", "'" + *key + "' is not a date context key");
  }
  for (const auto& key : check->unless_context)
    if (!date_field(probe, key))
      params.error("unless_context", "'" + key + "' is not a date context key");
  if (!check->before.empty() && !date_field(probe, check->before))
    params.error("before", "'" + check->before + "' is not a date context key");
  if (check->before.empty() && !check->max_hours && !check->min_hours)
    params.error("max_hours", "a timing rule needs 'max_hours', 'min_hours' or 'before'");
  return check;
}

}  // namespace followup::rules::checks
