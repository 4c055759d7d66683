// name-match: compares names in the draft with the names the context gives.
//   target = "salutation": the name after the greeting against `interviewers`
//   target = "signature":  the signature's name line against `candidate`
//   target = "company":    near-miss spellings of `company` in the subject
//                          and the paragraphs
// Comparison ignores case, accents and the kind of apostrophe
// (text::comparison_key; ’ reads as '). A near miss (edit distance within
// `max_distance`, 1 for names under 6 letters; swapping two neighbouring
// letters counts as one edit, "Jonse" for "Jones") gets `near_message` and a
// fix that puts the configured spelling in.
//
// To keep real notes quiet: a salutation passes when any of its names is an
// interviewer's (first name + surname, "Dear Sam Jones"); initials, generic
// words ("Hiring Manager", "team") and template text ("[Name]", "{{name}}")
// are left to other rules (the word lists are rule data, rules/data/words.toml,
// which a config extends under [words]). A signature passes when its names are a subset of
// the candidate's (a first name alone is signature.full-name's business), and
// middle initials and credentials ("PMP", "Jr.") are ignored. A company name
// of 4 letters or fewer is only matched exactly (too many words are one edit
// away), a one-word name allows one edit, and a word that is an
// interviewer's or the candidate's name is never read as the company.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/utf8.hpp"
#include "text/compare.hpp"
#include "text/words.hpp"
#include "rules/params.hpp"
#include "rules/rule.hpp"
#include "rules/sections.hpp"
#include "match/match.hpp"

namespace followup::rules::checks {
namespace {

struct Token {
  core::Span span;
  std::string key;
};

uint32_t code_points(std::string_view s) {
  uint32_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

bool one_of(const std::string& key, const std::vector<std::string>& words) {
  return std::find(words.begin(), words.end(), key) != words.end();
}

// The shared word lists (rules/data/words.toml, extended by a config's [words]).
struct NameWords {
  std::vector<std::string> honorifics;   // "mr", "dr": never part of a name
  std::vector<std::string> greetings;    // "dear", "good", "morning"
  std::vector<std::string> generic;      // "hiring", "team": a role, not a person
  std::vector<std::string> credentials;  // "jr", "pmp": after a name, not part of it

  bool is_honorific(std::string key) const {
    if (!key.empty() && key.back() == '.') key.pop_back();
    return one_of(key, honorifics);
  }
};

std::string name_key(std::string_view word) {
  std::string key = text::comparison_key(word);
  std::string out;
  out.reserve(key.size());
  for (size_t i = 0; i < key.size(); ++i) {
    if (key.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else {
      out += key[i];
    }
  }
  return out;
}

std::vector<Token> tokens_of(std::string_view text, core::Span span) {
  std::vector<Token> out;
  for (core::Span w : text::split_words(text.substr(span.begin, span.size()))) {
    core::Span abs{span.begin + w.begin, span.begin + w.end};
    out.push_back({abs, name_key(text.substr(abs.begin, abs.size()))});
  }
  return out;
}

std::vector<std::string> name_keys(std::string_view name, const NameWords& words) {
  std::vector<std::string> keys;
  for (const auto& t : tokens_of(name, {0, static_cast<uint32_t>(name.size())}))
    if (!words.is_honorific(t.key)) keys.push_back(t.key);
  return keys;
}

// Longest company name (bytes of its comparison key) checked for misspellings.
constexpr size_t kMaxCompanyBytes = 120;

uint32_t allowed_distance(std::string_view key, int64_t max_distance) {
  return static_cast<uint32_t>(key.size() < 6 ? std::min<int64_t>(1, max_distance) : max_distance);
}

// The name with a possessive "'s" removed: "Conner's" -> "Conner".
core::Span strip_possessive(std::string_view text, core::Span span) {
  std::string_view s = text.substr(span.begin, span.size());
  if (s.size() > 2 && (s.substr(s.size() - 2) == "'s")) return {span.begin, span.end - 2};
  if (s.size() > 4 && (s.substr(s.size() - 4) == "\xE2\x80\x99s"))
    return {span.begin, span.end - 4};
  return span;
}

bool has_template_text(std::string_view s) {
  return s.find("{{") != std::string_view::npos || s.find('[') != std::string_view::npos ||
         s.find('<') != std::string_view::npos;
}

bool looks_like_contact(std::string_view s) {
  if (s.find('@') != std::string_view::npos) return true;
  int digits = 0;
  for (char c : s) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
  return digits >= 5;
}

class NameMatch : public Check {
 public:
  using Check::Check;
  std::string target;
  Message near_message;
  int64_t max_distance = 2;
  NameWords words;

  void report(Emitter& out, core::Span span, std::string_view found, const std::string& expected,
              bool near, bool with_fix) const {
    std::vector<std::pair<std::string, std::string>> args = {{"found", std::string(found)},
                                                             {"expected", expected}};
    auto& d = out.report(span, near ? near_message.format(args) : format(args), help());
    if (with_fix) {
      d.fixes.push_back({"replace with '" + expected + "'",
                         {diag::Edit::replace(span, expected)},
                         near ? diag::Applicability::kSafe : diag::Applicability::kUnsafe});
    }
  }

  void run(const LintInput& in, Emitter& out) const override {
    std::string_view text = in.draft.source->text();
    if (target == "salutation") return run_salutation(in, out, text);
    if (target == "signature") return run_signature(in, out, text);
    run_company(in, out, text);
  }

  void run_salutation(const LintInput& in, Emitter& out, std::string_view text) const {
    if (!in.context.interviewers || in.context.interviewers->empty() || !in.draft.salutation)
      return;
    if (has_template_text(text.substr(in.draft.salutation->begin, in.draft.salutation->size())))
      return;
    std::vector<Token> names;
    for (auto& t : tokens_of(text, *in.draft.salutation)) {
      if (one_of(t.key, words.greetings) || words.is_honorific(t.key) || code_points(t.key) <= 1) continue;
      if (one_of(t.key, words.generic)) return;  // salutation.generic's business
      names.push_back(t);
    }
    if (names.empty()) return;
    // Interviewer names, original spelling kept for the fix.
    std::vector<std::pair<std::string, std::string>> known;  // key, spelling
    for (const auto& person : *in.context.interviewers) {
      for (const auto& t : tokens_of(person, {0, static_cast<uint32_t>(person.size())})) {
        if (!words.is_honorific(t.key))
          known.emplace_back(t.key, person.substr(t.span.begin, t.span.size()));
      }
    }
    for (const auto& name : names)
      for (const auto& k : known)
        if (k.first == name.key) return;  // one name that matches is enough ("Dear Sam Jones")
    const Token* best_token = nullptr;
    const std::pair<std::string, std::string>* best = nullptr;
    uint32_t best_distance = 0;
    for (const auto& name : names) {
      for (const auto& k : known) {
        uint32_t limit = allowed_distance(k.first, max_distance);
        uint32_t d = text::edit_distance(name.key, k.first, limit);
        if (d <= limit && (!best || d < best_distance)) {
          best = &k, best_distance = d, best_token = &name;
        }
      }
    }
    if (best) {
      report(out, best_token->span, text.substr(best_token->span.begin, best_token->span.size()),
             best->second, true, true);
      return;
    }
    core::Span all{names.front().span.begin, names.back().span.end};
    std::string expected;
    for (const auto& person : *in.context.interviewers)
      expected += (expected.empty() ? "" : ", ") + person;
    report(out, all, text.substr(all.begin, all.size()), expected, false, false);
  }

  void run_signature(const LintInput& in, Emitter& out, std::string_view text) const {
    if (!in.context.candidate || in.draft.signature_lines.empty()) return;
    core::Span line = in.draft.signature_lines.front();
    std::string_view s = text.substr(line.begin, line.size());
    if (has_template_text(s) || looks_like_contact(s)) return;
    // "John Doe, PMP": credentials after a comma are not part of the name.
    auto comma = s.find(',');
    if (comma != std::string_view::npos) line.end = line.begin + static_cast<uint32_t>(comma);
    while (line.end > line.begin && (text[line.end - 1] == ' ' || text[line.end - 1] == '\t'))
      --line.end;
    std::string_view written = text.substr(line.begin, line.size());
    auto significant = [this](std::vector<std::string> keys) {
      std::vector<std::string> out;
      for (auto& k : keys) {
        while (!k.empty() && k.back() == '.') k.pop_back();
        if (code_points(k) > 1 && !one_of(k, words.credentials)) out.push_back(k);
      }
      return out;
    };
    auto want = significant(name_keys(*in.context.candidate, words));
    auto have = significant(name_keys(written, words));
    if (want.empty() || have.empty() || want == have) return;
    bool subset = std::all_of(have.begin(), have.end(),
                              [&](const std::string& k) { return one_of(k, want); });
    if (subset) return;  // "Ana" for "Ana Cruz": signature.full-name reports a lone first name
    std::string joined_want, joined_have;
    for (const auto& k : want) joined_want += k + " ";
    for (const auto& k : have) joined_have += k + " ";
    uint32_t limit = allowed_distance(joined_want, max_distance);
    bool near = text::edit_distance(joined_have, joined_want, limit) <= limit;
    report(out, line, written, *in.context.candidate, near, true);
  }

  void run_company(const LintInput& in, Emitter& out, std::string_view text) const {
    if (!in.context.company || in.context.company->empty()) return;
    const std::string& company = *in.context.company;
    auto want = name_keys(company, words);
    if (want.empty()) return;
    std::string want_joined;
    for (const auto& k : want) want_joined += (want_joined.empty() ? "" : " ") + k;
    // One-word names get one edit at most: two edits from a single word reach
    // ordinary words ("Amazing" for "Amazon").
    uint32_t allowed = want_joined.size() <= 4 ? 0
                       : want.size() == 1
                           ? std::min<uint32_t>(1, allowed_distance(want_joined, max_distance))
                           : allowed_distance(want_joined, max_distance);
    // Names are short; a longer one (a paste into the config) is only ever
    // matched exactly, which keeps the scan linear in the draft.
    if (allowed == 0 || want_joined.size() > kMaxCompanyBytes) return;
    // People's names are never the company, however close the spelling.
    std::vector<std::string> people;
    if (in.context.interviewers)
      for (const auto& p : *in.context.interviewers)
        for (auto& k : name_keys(p, words)) people.push_back(k);
    if (in.context.candidate)
      for (auto& k : name_keys(*in.context.candidate, words)) people.push_back(k);
    std::vector<core::Span> words;
    if (const auto* subject = in.draft.header("subject"))
      for (const auto& t : tokens_of(text, subject->value)) words.push_back(t.span);
    for_each_word_in(in.draft.words, in.draft.paragraphs, [&](core::Span w) { words.push_back(w); });
    // run[i]: how many words from i on are joined by " ", "-" or "&" alone
    // ("Acme Data-Works"), so each start is checked in constant time.
    std::vector<uint32_t> run(words.size(), 1);
    for (size_t j = words.size(); j-- > 1;) {
      const core::Span before = words[j - 1], after = words[j];
      if (after.begin <= before.end || after.begin - before.end > 3) continue;
      std::string_view gap = text.substr(before.end, after.begin - before.end);
      if (gap.find_first_not_of(" -&") == std::string_view::npos) run[j - 1] = run[j] + 1;
    }
    const size_t k = want.size();
    for (size_t i = 0; i + k <= words.size(); ++i) {
      unsigned char first = static_cast<unsigned char>(text[words[i].begin]);
      if (first < 0x80 && !std::isupper(first)) continue;  // names are capitalized
      if (run[i] < k) continue;
      core::Span span{words[i].begin, strip_possessive(text, words[i + k - 1]).end};
      std::string key = name_key(text.substr(span.begin, span.size()));
      for (char& c : key)
        if (c == '-' || c == '&') c = ' ';
      std::string squeezed;
      for (char c : key)
        if (!(c == ' ' && !squeezed.empty() && squeezed.back() == ' ')) squeezed += c;
      if (squeezed == want_joined || squeezed.empty() || squeezed[0] != want_joined[0]) continue;
      if (one_of(squeezed, people)) continue;
      uint32_t d = text::edit_distance(squeezed, want_joined, allowed);
      if (d == 0 || d > allowed) continue;
      report(out, span, text.substr(span.begin, span.size()), company, true, true);
      i += k - 1;
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_name_match(Params& params, CheckCommon common) {
  auto check = std::make_unique<NameMatch>(std::move(common));
  check->target = params.string("target");
  if (check->target != "salutation" && check->target != "signature" && check->target != "company")
    params.error("target", "'target' must be 'salutation', 'signature' or 'company'");
  check->near_message = Message(params.string("near_message", check->common().message.text()));
  if (auto problem = check->near_message.validate({"found", "expected"}))
    params.error("near_message", *problem);
  check->max_distance = params.integer("max_distance", 2);
  check->words = {params.word_list("honorifics"), params.word_list("greetings"), params.word_list("generic"),
                  params.word_list("credentials")};
  if (check->max_distance < 0 || check->max_distance > 5)
    params.error("max_distance", "'max_distance' must be between 0 and 5 edits");
  return check;
}

}  // namespace followup::rules::checks
