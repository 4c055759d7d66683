// existence: flags each match of any pattern inside the rule's sections.
// Options: `exceptions` (patterns; a match that also matches one is skipped),
// `allow` (exact texts to skip, e.g. acronyms), `unless_followed_by` (pattern
// tried right after the match, within `window` bytes of the same section),
// `unless_context` (context keys; any of them set and non-empty silences the
// rule), `replacement` (a fix replacing the match), `once` (first match only),
// `merge_adjacent` (matches separated only by spaces or tabs are reported as
// one finding: "THANK YOU SO MUCH" once, not four times), `skip_quoted`
// (matches inside quotation marks are mentions, not uses, and are skipped),
// `allow_context` (context keys whose words are allowed too: with
// company = "ACME Logistics", "ACME" is not shouting).
#include <algorithm>
#include <cctype>
#include <set>

#include "rules/params.hpp"
#include "rules/rule.hpp"
#include "rules/checks/quotes.hpp"
#include "rules/sections.hpp"
#include "match/match.hpp"

namespace followup::rules::checks {
namespace {

class Existence : public Check {
 public:
  using Check::Check;
  PatternList patterns;
  PatternList exceptions;
  std::set<std::string> allow;
  PatternList followed_by;  // at most one pattern
  int64_t window = 80;
  std::vector<std::string> unless_context;
  std::optional<std::string> replacement;
  bool safe_fix = true;
  bool once = false;
  bool merge_adjacent = false;
  bool skip_quoted = false;
  std::vector<std::string> allow_context;

  // Words (letters, digits, apostrophes) of the allow_context values.
  std::set<std::string> context_words(const core::Context& context) const {
    std::set<std::string> out;
    for (const auto& key : allow_context) {
      std::vector<std::string> values;
      if (key == "interviewers") {
        if (context.interviewers) values = *context.interviewers;
      } else if (auto v = context.get(key)) {
        values.push_back(*v);
      }
      for (const auto& value : values) {
        std::string word;
        for (char c : value + " ") {
          if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) || c == '\'') {
            word += c;
          } else if (!word.empty()) {
            out.insert(word);
            for (char& ch : word)
              ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            out.insert(word);  // "Acme" in the context allows "ACME" in the text
            word.clear();
          }
        }
      }
    }
    return out;
  }


  bool unless_phone_number_follows = false;

  // Whether a phone number starts right after `end` (spaces and a colon between).
  static bool phone_number_follows(const LintInput& in, uint32_t end) {
    std::string_view text = in.draft.source->text();
    for (core::Span p : in.draft.phone_numbers()) {
      if (p.begin < end) continue;
      std::string_view gap = text.substr(end, p.begin - end);
      return gap.find_first_not_of(" \t:") == std::string_view::npos;
    }
    return false;
  }

  void run(const LintInput& in, Emitter& out) const override {
    for (const auto& key : unless_context) {
      auto value = in.context.get(key);
      if (value && !value->empty() && *value != "[]" && *value != "false") return;
    }
    std::string_view text = in.draft.source->text();
    const std::vector<core::Span>& sections = in.sections->spans(common_);
    std::optional<std::set<std::string>> from_context;  // built at the first match
    for (core::Span section : sections) {
      std::vector<core::Span> kept;
      QuoteTracker quotes(text, section);
      for (const Match& m : patterns.find_all(text, section, in.scans)) {
        std::string_view found = text.substr(m.span.begin, m.span.size());
        if (!allow_context.empty() && !from_context) from_context = context_words(in.context);
        if (allow.count(std::string(found)) || (from_context && from_context->count(std::string(found)))) continue;
        if (!exceptions.empty() && exceptions.any(text, m.whole, in.scans)) continue;
        if (skip_quoted && quotes.inside(m.span.begin)) continue;
        if (!followed_by.empty()) {
          uint32_t end =
              std::min<uint32_t>(section.end, m.whole.end + static_cast<uint32_t>(window));
          if (followed_by.matches_in(text.substr(m.whole.end, end - m.whole.end), 0)) continue;
        }
        // Last: finding the draft's phone numbers costs more than every check above.
        if (unless_phone_number_follows && phone_number_follows(in, m.whole.end)) continue;
        if (merge_adjacent && !kept.empty() && kept.back().end <= m.span.begin) {
          std::string_view gap = text.substr(kept.back().end, m.span.begin - kept.back().end);
          if (!gap.empty() && gap.find_first_not_of(" \t") == std::string_view::npos) {
            kept.back().end = m.span.end;
            continue;
          }
        }
        kept.push_back(m.span);
        if (once) break;
      }
      for (core::Span span : kept) {
        std::string_view found = text.substr(span.begin, span.size());
        auto& d = out.report(span, format({{"match", std::string(found)}}), help());
        if (replacement) {
          std::string repl = match_case(found, *replacement);
          diag::Fix fix;
          fix.title = repl.empty() ? "remove it" : "replace with '" + repl + "'";
          fix.edits.push_back(diag::Edit::replace(span, repl));
          fix.applicability = safe_fix ? diag::Applicability::kSafe : diag::Applicability::kUnsafe;
          d.fixes.push_back(std::move(fix));
        }
      }
      if (once && !kept.empty()) return;
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_existence(Params& params, CheckCommon common) {
  auto check = std::make_unique<Existence>(std::move(common));
  check->patterns = params.section_patterns("patterns");
  if (check->patterns.empty()) params.error("patterns", "an existence rule needs 'patterns'");
  check->exceptions = params.patterns("exceptions");
  for (auto& a : params.strings("allow")) check->allow.insert(a);
  check->followed_by = params.patterns("unless_followed_by");
  if (check->followed_by.size() > 1) params.error("unless_followed_by", "'unless_followed_by' takes one pattern");
  check->window = params.integer("window", 80);
  check->unless_phone_number_follows = params.boolean("unless_phone_number_follows", false);
  check->unless_context = params.strings("unless_context");
  if (params.has("replacement")) check->replacement = params.string("replacement");
  check->safe_fix = !params.boolean("unsafe", false);
  check->once = params.boolean("once", false);
  check->merge_adjacent = params.boolean("merge_adjacent", false);
  check->skip_quoted = params.boolean("skip_quoted", false);
  check->allow_context = params.strings("allow_context");
  for (const auto& key : check->allow_context)
    if (std::find(core::context_keys().begin(), core::context_keys().end(), key) ==
        core::context_keys().end())
      params.error("allow_context", "unknown context key '" + key + "'");
  return check;
}

}  // namespace followup::rules::checks
