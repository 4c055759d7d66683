// repetition: the same word twice in a row ("the the"), separated only by
// spaces or a line break. Case is ignored; words in `allow` ("had had",
// "that that") are left alone. A pair whose second word is capitalized
// ("Walla Walla", "Bora Bora") is read as a name and skipped unless
// `skip_capitalized` is false. The fix deletes the second word.
#include <algorithm>
#include <cctype>
#include <set>

#include "text/compare.hpp"
#include "rules/params.hpp"
#include "rules/rule.hpp"
#include "rules/sections.hpp"

namespace followup::rules::checks {
namespace {

// A quotation the writer marked "[sic]" keeps its mistakes on purpose.
bool marked_sic(std::string_view text, uint32_t from, uint32_t section_end) {
  std::string_view rest = text.substr(from, std::min<uint32_t>(section_end - from, 160));
  size_t sic = rest.find("[sic]");
  return sic != std::string_view::npos && rest.substr(0, sic).find_first_of("\r\n") == std::string_view::npos;
}

class Repetition : public Check {
 public:
  using Check::Check;
  std::set<std::string> allow;
  bool skip_capitalized = true;

  void run(const LintInput& in, Emitter& out) const override {
    std::string_view text = in.draft.source->text();
    const auto& spans = in.sections->spans(common_);
    const auto& words = in.draft.words;
    for (size_t i = 1; i < words.size(); ++i) {
      core::Span a = words[i - 1], b = words[i];
      if (a.size() != b.size()) continue;
      // Cheapest test first: most neighbours of equal length differ.
      std::string_view wa = text.substr(a.begin, a.size()), wb = text.substr(b.begin, b.size());
      bool same = true;
      for (size_t k = 0; k < wa.size() && same; ++k)
        same = std::tolower(static_cast<unsigned char>(wa[k])) ==
               std::tolower(static_cast<unsigned char>(wb[k]));
      if (!same || std::isdigit(static_cast<unsigned char>(wa[0]))) continue;
      // The first span that ends at or after b is the only one that can hold both.
      auto it = std::lower_bound(spans.begin(), spans.end(), b.end,
                                 [](core::Span s, uint32_t end) { return s.end < end; });
      if (it == spans.end() || !(it->contains(a) && it->contains(b))) continue;
      std::string_view between = text.substr(a.end, b.begin - a.end);
      if (between.empty() || between.find_first_not_of(" \t\r\n") != std::string_view::npos)
        continue;
      if (skip_capitalized && std::isupper(static_cast<unsigned char>(wb[0]))) continue;
      if (marked_sic(text, b.end, it->end)) continue;
      std::string lower = text::comparison_key(wa);
      if (allow.count(lower)) continue;
      core::Span whole{a.begin, b.end};
      auto& d = out.report(whole, format({{"match", std::string(wb)}}), help());
      d.fixes.push_back({"remove the second '" + std::string(wb) + "'",
                         {diag::Edit::remove({a.end, b.end})},
                         diag::Applicability::kSafe});
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_repetition(Params& params, CheckCommon common) {
  auto check = std::make_unique<Repetition>(std::move(common));
  for (const auto& word : params.strings("allow")) check->allow.insert(text::comparison_key(word));
  check->skip_capitalized = params.boolean("skip_capitalized", true);
  return check;
}

}  // namespace followup::rules::checks
