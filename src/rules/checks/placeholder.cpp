// placeholder: in template mode, every {{name}} must be one of the context's
// `placeholders`; an unknown one is reported, with "did you mean" when it is
// a near miss of a listed name. Outside template mode it is silent
// (placeholder.unfilled reports leftover template text there).
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "text/compare.hpp"
#include "rules/params.hpp"
#include "rules/rule.hpp"
#include "rules/sections.hpp"

namespace followup::rules::checks {
namespace {

class Placeholder : public Check {
 public:
  using Check::Check;
  Message near_message;
  PatternList pattern{std::vector<std::string>{R"(\{\{\s*([A-Za-z0-9_.-]*)\s*\}\})"}};

  // The allowed name within two edits of `name`, the nearest first.
  static const std::string* closest(const std::string& name, const std::vector<std::string>& allowed) {
    const std::string* best = nullptr;
    uint32_t best_distance = 3;
    for (const auto& a : allowed) {
      uint32_t d = text::edit_distance(name, a, best_distance - 1);
      if (d < best_distance) best = &a, best_distance = d;
    }
    return best;
  }

  // The allowed names as a message lists them: the first few and how many more.
  static std::string listed(const std::vector<std::string>& allowed) {
    constexpr size_t kShown = 10;
    std::string out;
    for (size_t i = 0; i < allowed.size() && i < kShown; ++i) out += (i ? ", " : "") + allowed[i];
    if (allowed.size() > kShown) out += " and " + std::to_string(allowed.size() - kShown) + " more";
    return out.empty() ? "none" : out;
  }

  // The cost stays linear in the draft: names are looked up in a set, a
  // suggestion is searched once per distinct unknown name and for at most
  // kSuggested of them (each search reads every allowed name).
  static constexpr size_t kSuggested = 100;

  void run(const LintInput& in, Emitter& out) const override {
    if (!in.context.template_mode) return;
    std::string_view text = in.draft.source->text();
    std::vector<core::Span> spans = section_spans(in.draft, std::vector<std::string>{"header", "body"});
    const auto& allowed = in.context.placeholders;
    const std::unordered_set<std::string> allowed_set(allowed.begin(), allowed.end());
    std::unordered_map<std::string, const std::string*> suggestions;
    std::string expected;
    for (core::Span s : spans) {
      for (const Match& m : pattern.find_all(text, s)) {
        core::Span whole = m.whole;
        core::Span name_span = m.span;
        std::string name(text.substr(name_span.begin, name_span.size()));
        if (allowed_set.count(name)) continue;
        // A template repeats its placeholders: look each name up once.
        auto [known, fresh] = suggestions.try_emplace(name, nullptr);
        if (fresh && suggestions.size() <= kSuggested) known->second = closest(name, allowed);
        const std::string* best = known->second;
        if (expected.empty()) expected = listed(allowed);
        std::vector<std::pair<std::string, std::string>> args = {
            {"match", std::string(text.substr(whole.begin, whole.size()))},
            {"name", name},
            {"expected", best ? *best : expected}};
        auto& d = out.report(whole, best ? near_message.format(args) : format(args), help());
        if (best) {
          d.fixes.push_back({"replace with '" + *best + "'", {diag::Edit::replace(name_span, *best)},
                             diag::Applicability::kSafe});
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_placeholder(Params& params, CheckCommon common) {
  auto check = std::make_unique<Placeholder>(std::move(common));
  check->near_message = Message(params.string("near_message", check->common().message.text()));
  if (auto problem = check->near_message.validate({"match", "name", "expected"}))
    params.error("near_message", *problem);
  return check;
}

}  // namespace followup::rules::checks
