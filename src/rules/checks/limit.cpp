// limit: caps the number of words (`max_words`, over all the rule's sections)
// or sentences (`max_sentences`, per section span; bulleted lines do not
// count). Either limit may be one number or a table by kind
// (thank-you = 200, ...). The caret starts at the first unit past the limit.
#include "rules/params.hpp"
#include "rules/rule.hpp"
#include "rules/sections.hpp"

namespace followup::rules::checks {
namespace {

class Limit : public Check {
 public:
  using Check::Check;
  bool sentences = false;
  std::map<std::string, int64_t> max;

  std::optional<int64_t> limit_for(const core::Context& context) const {
    auto it = max.find(std::string(core::kind_name(context.effective_kind())));
    if (it != max.end()) return it->second;
    it = max.find("*");
    if (it != max.end()) return it->second;
    return std::nullopt;
  }

  void run(const LintInput& in, Emitter& out) const override {
    auto limit = limit_for(in.context);
    if (!limit) return;
    std::string kind(core::kind_name(in.context.effective_kind()));
    const auto& spans = in.sections->spans(common_);
    if (sentences) {
      // Sentences and spans are both in document order: walk them together.
      const auto& all = in.draft.sentences;
      size_t next = 0;
      for (core::Span s : spans) {
        // Only the count, the first sentence past the limit and the last one matter.
        size_t count = 0;
        core::Span where;
        while (next < all.size() && all[next].span.begin < s.begin) ++next;
        for (size_t i = next; i < all.size() && all[i].span.begin < s.end; ++i) {
          if (!s.contains(all[i].span) || all[i].list_item) continue;
          if (count == static_cast<size_t>(*limit)) where.begin = all[i].span.begin;
          where.end = all[i].span.end;
          ++count;
        }
        if (static_cast<int64_t>(count) <= *limit) continue;
        out.report(where, format({{"count", std::to_string(count)}, {"max", std::to_string(*limit)}, {"kind", kind}}),
                   help());
      }
      return;
    }
    size_t count = 0;
    core::Span where;  // the first word past the limit
    for_each_word_in(in.draft.words, spans, [&](core::Span w) {
      if (count == static_cast<size_t>(*limit)) where = w;
      ++count;
    });
    if (static_cast<int64_t>(count) <= *limit) return;
    out.report(where, format({{"count", std::to_string(count)}, {"max", std::to_string(*limit)}, {"kind", kind}}),
               help());
  }
};

}  // namespace

std::unique_ptr<Check> make_limit(Params& params, CheckCommon common) {
  auto check = std::make_unique<Limit>(std::move(common));
  bool words = params.has("max_words");
  check->sentences = params.has("max_sentences");
  if (words == check->sentences) {
    params.error("max_words", "a limit rule needs exactly one of 'max_words' or 'max_sentences'");
    return check;
  }
  check->max = params.int_map(words ? "max_words" : "max_sentences");
  for (const auto& [kind, value] : check->max) {
    if (kind != "*" && !core::parse_kind(kind)) params.error(words ? "max_words" : "max_sentences", "unknown kind '" + kind + "'");
    if (value < 0) params.error(words ? "max_words" : "max_sentences", "limits must not be negative");
  }
  return check;
}

}  // namespace followup::rules::checks
