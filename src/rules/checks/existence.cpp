// existence: flags each match of any pattern inside the rule's sections.
// Options: `exceptions` (patterns; a match that also matches one is skipped),
// `allow` (exact texts to skip, e.g. acronyms), `unless_followed_by` (pattern
// tried right after the match, within `window` bytes of the same section),
// `unless_context` (context keys; any of them set and non-empty silences the
// rule), `replacement` (a fix replacing the match), `once` (first match only).
#include <set>

#include "rules/checks/checks.hpp"
#include "rules/sections.hpp"
#include "rules/text_util.hpp"

namespace followup::rules::checks {
namespace {

class Existence : public Check {
 public:
  using Check::Check;
  PatternList patterns;
  PatternList exceptions;
  std::set<std::string> allow;
  std::unique_ptr<RE2> followed_by;
  int64_t window = 80;
  std::vector<std::string> unless_context;
  std::optional<std::string> replacement;
  bool safe_fix = true;
  bool once = false;

  void run(const LintInput& in, Emitter& out) const override {
    for (const auto& key : unless_context) {
      auto value = in.context.get(key);
      if (value && !value->empty() && *value != "[]" && *value != "false") return;
    }
    std::string_view text = in.draft.source->text();
    for (core::Span section : section_spans(in.draft, common_.sections)) {
      for (const Match& m : patterns.find_all(text, section)) {
        std::string_view found = text.substr(m.span.begin, m.span.size());
        if (allow.count(std::string(found))) continue;
        if (!exceptions.empty() && exceptions.any(text, m.whole)) continue;
        if (followed_by) {
          uint32_t end = std::min<uint32_t>(section.end, m.whole.end + static_cast<uint32_t>(window));
          re2::StringPiece after(text.data() + m.whole.end, end - m.whole.end);
          if (RE2::PartialMatch(after, *followed_by)) continue;
        }
        auto& d = out.report(m.span, format({{"match", std::string(found)}}), help());
        if (replacement) {
          std::string repl = match_case(found, *replacement);
          diag::Fix fix;
          fix.title = repl.empty() ? "remove it" : "replace with '" + repl + "'";
          fix.edits.push_back(diag::Edit::replace(m.span, repl));
          fix.applicability = safe_fix ? diag::Applicability::kSafe : diag::Applicability::kUnsafe;
          d.fixes.push_back(std::move(fix));
        }
        if (once) return;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_existence(Params& params, CheckCommon common) {
  auto check = std::make_unique<Existence>(std::move(common));
  check->patterns = PatternList(params.patterns("patterns"));
  if (check->patterns.empty()) params.error("patterns", "an existence rule needs 'patterns'");
  check->exceptions = PatternList(params.patterns("exceptions"));
  for (auto& a : params.strings("allow")) check->allow.insert(a);
  check->followed_by = params.pattern("unless_followed_by");
  check->window = params.integer("window", 80);
  check->unless_context = params.strings("unless_context");
  if (params.has("replacement")) check->replacement = params.string("replacement");
  check->safe_fix = !params.boolean("unsafe", false);
  check->once = params.boolean("once", false);
  return check;
}

}  // namespace followup::rules::checks
