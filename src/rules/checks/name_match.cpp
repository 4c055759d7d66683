// name-match: compares names in the draft with the names the context gives.
//   target = "salutation": the name after the greeting against `interviewers`
//   target = "signature":  the signature's name line against `candidate`
//   target = "company":    near-miss spellings of `company` anywhere in the text
// Comparison ignores case and accents (parse::comparison_key). A near miss
// (edit distance within `max_distance`, 1 for short names) gets `near_message`
// and a fix that puts the configured spelling in.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "parse/segment.hpp"
#include "rules/checks/checks.hpp"
#include "rules/text_util.hpp"

namespace followup::rules::checks {
namespace {

struct Token {
  core::Span span;
  std::string key;
};

bool is_honorific(const std::string& key) {
  static const std::vector<std::string> titles = {"mr", "ms", "mrs", "miss", "mx", "dr", "prof", "professor", "sir", "madam"};
  std::string k = key;
  if (!k.empty() && k.back() == '.') k.pop_back();
  return std::find(titles.begin(), titles.end(), k) != titles.end();
}

bool is_greeting(const std::string& key) {
  static const std::vector<std::string> words = {"dear", "hello", "hi", "hey", "good", "morning", "afternoon",
                                                 "evening", "day", "greetings", "dearest", "and", "hiya"};
  return std::find(words.begin(), words.end(), key) != words.end();
}

std::vector<Token> tokens_of(std::string_view text, core::Span span) {
  std::vector<Token> out;
  for (core::Span w : parse::split_words(text.substr(span.begin, span.size()))) {
    core::Span abs{span.begin + w.begin, span.begin + w.end};
    out.push_back({abs, parse::comparison_key(text.substr(abs.begin, abs.size()))});
  }
  return out;
}

std::vector<std::string> name_keys(std::string_view name) {
  std::vector<std::string> keys;
  for (const auto& t : tokens_of(name, {0, static_cast<uint32_t>(name.size())}))
    if (!is_honorific(t.key)) keys.push_back(t.key);
  return keys;
}

uint32_t allowed_distance(std::string_view key, int64_t max_distance) {
  return static_cast<uint32_t>(key.size() < 6 ? std::min<int64_t>(1, max_distance) : max_distance);
}

// The name with a possessive "'s" removed: "Conner's" -> "Conner".
core::Span strip_possessive(std::string_view text, core::Span span) {
  std::string_view s = text.substr(span.begin, span.size());
  if (s.size() > 2 && (s.substr(s.size() - 2) == "'s")) return {span.begin, span.end - 2};
  if (s.size() > 4 && (s.substr(s.size() - 4) == "\xE2\x80\x99s")) return {span.begin, span.end - 4};
  return span;
}

class NameMatch : public Check {
 public:
  using Check::Check;
  std::string target;
  Message near_message;
  int64_t max_distance = 2;

  void report(Emitter& out, core::Span span, std::string_view found, const std::string& expected, bool near,
              bool with_fix) const {
    std::vector<std::pair<std::string, std::string>> args = {{"found", std::string(found)}, {"expected", expected}};
    auto& d = out.report(span, near ? near_message.format(args) : format(args), help());
    if (with_fix) {
      d.fixes.push_back({"replace with '" + expected + "'", {diag::Edit::replace(span, expected)},
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
    if (!in.context.interviewers || in.context.interviewers->empty() || !in.draft.salutation) return;
    std::vector<Token> names;
    for (auto& t : tokens_of(text, *in.draft.salutation)) {
      if (is_greeting(t.key) || is_honorific(t.key)) continue;
      if (text.substr(t.span.begin, 2) == "{{" || t.key == "all" || t.key == "team") return;
      names.push_back(t);
    }
    if (names.empty()) return;
    // Interviewer names, original spelling kept for the fix.
    std::vector<std::pair<std::string, std::string>> known;  // key, spelling
    for (const auto& person : *in.context.interviewers) {
      for (const auto& t : tokens_of(person, {0, static_cast<uint32_t>(person.size())})) {
        if (!is_honorific(t.key)) known.emplace_back(t.key, person.substr(t.span.begin, t.span.size()));
      }
    }
    for (const auto& name : names) {
      bool exact = std::any_of(known.begin(), known.end(), [&](const auto& k) { return k.first == name.key; });
      if (exact) continue;
      const std::pair<std::string, std::string>* best = nullptr;
      uint32_t best_distance = 0;
      for (const auto& k : known) {
        uint32_t d = parse::edit_distance(name.key, k.first);
        if (d <= allowed_distance(k.first, max_distance) && (!best || d < best_distance)) best = &k, best_distance = d;
      }
      std::string_view found = text.substr(name.span.begin, name.span.size());
      if (best) {
        report(out, name.span, found, best->second, true, true);
      } else {
        std::string expected;
        for (const auto& person : *in.context.interviewers) expected += (expected.empty() ? "" : ", ") + person;
        report(out, name.span, found, expected, false, false);
      }
      return;  // one finding per salutation is enough
    }
  }

  void run_signature(const LintInput& in, Emitter& out, std::string_view text) const {
    if (!in.context.candidate || in.draft.signature_lines.empty()) return;
    core::Span line = in.draft.signature_lines.front();
    std::string_view s = text.substr(line.begin, line.size());
    if (s.find("{{") != std::string_view::npos) return;
    // "John Doe, PMP": credentials after a comma are not part of the name.
    auto comma = s.find(',');
    if (comma != std::string_view::npos) line.end = line.begin + static_cast<uint32_t>(comma);
    std::string_view written = text.substr(line.begin, line.size());
    auto want = name_keys(*in.context.candidate);
    auto have = name_keys(written);
    if (want == have) return;
    std::string joined_want, joined_have;
    for (const auto& k : want) joined_want += k + " ";
    for (const auto& k : have) joined_have += k + " ";
    uint32_t d = parse::edit_distance(joined_have, joined_want);
    bool near = d <= allowed_distance(joined_want, max_distance);
    report(out, line, written, *in.context.candidate, near, true);
  }

  void run_company(const LintInput& in, Emitter& out, std::string_view text) const {
    if (!in.context.company || in.context.company->empty()) return;
    const std::string& company = *in.context.company;
    auto want = name_keys(company);
    if (want.empty()) return;
    std::string want_joined;
    for (const auto& k : want) want_joined += (want_joined.empty() ? "" : " ") + k;
    std::vector<core::Span> words;
    if (const auto* subject = in.draft.header("subject"))
      for (const auto& t : tokens_of(text, subject->value)) words.push_back(t.span);
    words.insert(words.end(), in.draft.words.begin(), in.draft.words.end());
    const size_t k = want.size();
    for (size_t i = 0; i + k <= words.size(); ++i) {
      unsigned char first = static_cast<unsigned char>(text[words[i].begin]);
      if (first < 0x80 && !std::isupper(first)) continue;  // names are capitalized
      bool contiguous = true;
      for (size_t j = i + 1; j < i + k && contiguous; ++j) {
        std::string_view gap = text.substr(words[j - 1].end, words[j].begin - words[j - 1].end);
        contiguous = !gap.empty() && gap.size() <= 3 && gap.find_first_not_of(" -&") == std::string_view::npos;
      }
      if (!contiguous) continue;
      core::Span span{words[i].begin, strip_possessive(text, words[i + k - 1]).end};
      std::string key = parse::comparison_key(text.substr(span.begin, span.size()));
      for (char& c : key)
        if (c == '-' || c == '&') c = ' ';
      std::string squeezed;
      for (char c : key)
        if (!(c == ' ' && !squeezed.empty() && squeezed.back() == ' ')) squeezed += c;
      if (squeezed == want_joined || squeezed.empty() || squeezed[0] != want_joined[0]) continue;
      uint32_t d = parse::edit_distance(squeezed, want_joined);
      if (d == 0 || d > allowed_distance(want_joined, max_distance)) continue;
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
  if (auto problem = check->near_message.validate({"found", "expected"})) params.error("near_message", *problem);
  check->max_distance = params.integer("max_distance", 2);
  return check;
}

}  // namespace followup::rules::checks
