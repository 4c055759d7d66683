// substitution: a table of pattern -> replacement; each match is flagged with
// a fix that puts the replacement in, keeping a leading capital. An empty
// replacement ("lol" -> "") removes the match with the space before it.
// With `skip_quoted`, matches inside quotation marks are left alone.
#include "rules/params.hpp"
#include "rules/rule.hpp"
#include "rules/checks/quotes.hpp"
#include "rules/sections.hpp"
#include "match/match.hpp"

namespace followup::rules::checks {
namespace {

// What to remove with a word so the sentence around it stays whole: the
// space before it ("office lol." -> "office."), the comma before it when a
// mark follows ("places, lol, and" -> "places, and"), or the space after it
// at the start of a section ("lol I loved it" -> "I loved it").
core::Span word_removal(std::string_view text, core::Span section, core::Span word) {
  core::Span removal = word;
  auto blank = [&](uint32_t i) { return text[i] == ' ' || text[i] == '\t'; };
  while (removal.begin > section.begin && blank(removal.begin - 1)) --removal.begin;
  const bool mark_after = word.end < section.end && std::string_view(",.;:!?").find(text[word.end]) != std::string_view::npos;
  if (mark_after && removal.begin > section.begin && text[removal.begin - 1] == ',') {
    --removal.begin;
  } else if (removal.begin == word.begin) {
    while (removal.end < section.end && blank(removal.end)) ++removal.end;
  }
  return removal;
}

class Substitution : public Check {
 public:
  using Check::Check;
  PatternList patterns;
  std::vector<std::string> replacements;
  bool safe_fix = true;
  bool skip_quoted = false;


  void run(const LintInput& in, Emitter& out) const override {
    std::string_view text = in.draft.source->text();
    const std::vector<core::Span>& sections = in.sections->spans(common_);
    for (core::Span section : sections) {
      QuoteTracker quotes(text, section);
      for (const Match& m : patterns.find_all(text, section, in.scans)) {
        if (skip_quoted && quotes.inside(m.span.begin)) continue;
        std::string_view found = text.substr(m.span.begin, m.span.size());
        std::string repl = match_case(found, replacements[m.pattern]);
        auto& d = out.report(m.span, format({{"match", std::string(found)}, {"replacement", repl}}),
                             help());
        diag::Fix fix;
        if (repl.empty()) {
          core::Span removal = word_removal(text, section, m.span);
          fix.title = "remove '" + std::string(found) + "'";
          fix.edits.push_back(diag::Edit::remove(removal));
          fix.applicability = diag::Applicability::kUnsafe;  // the sentence may need rewording
        } else {
          fix.title = "replace with '" + repl + "'";
          fix.edits.push_back(diag::Edit::replace(m.span, repl));
          fix.applicability = safe_fix ? diag::Applicability::kSafe : diag::Applicability::kUnsafe;
        }
        d.fixes.push_back(std::move(fix));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_substitution(Params& params, CheckCommon common) {
  auto check = std::make_unique<Substitution>(std::move(common));
  std::vector<std::string> sources;
  const core::Value* swap = params.raw("swap");
  if (!swap || !swap->is_array()) {
    params.error("swap",
                 "a substitution rule needs 'swap', an array of [pattern, replacement] pairs");
    return check;
  }
  for (const auto& pair : swap->array()) {
    if (!pair.is_array() || pair.array().size() != 2 || !pair.array()[0].is_string() ||
        !pair.array()[1].is_string()) {
      params.error_at(pair.origin, "each 'swap' entry must be [pattern, replacement], two strings");
      continue;
    }
    if (!params.valid_pattern(pair.array()[0])) continue;
    sources.push_back(pair.array()[0].str());
    check->replacements.push_back(pair.array()[1].str());
  }
  check->patterns = params.pattern_list(std::move(sources), true);
  check->safe_fix = !params.boolean("unsafe", false);
  check->skip_quoted = params.boolean("skip_quoted", false);
  return check;
}

}  // namespace followup::rules::checks
