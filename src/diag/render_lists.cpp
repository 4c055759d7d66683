// The command line's tables about rules rather than drafts: --statistics and
// --list-rules, as text for people and JSON for scripts.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "diag/report.hpp"

namespace followup::diag {

namespace {
void sort_by_count(std::vector<RuleCount>& counts) {
  std::sort(counts.begin(), counts.end(), [](const RuleCount& a, const RuleCount& b) {
    return a.count != b.count ? a.count > b.count : a.rule < b.rule;
  });
}
}  // namespace

std::string render_statistics_text(std::vector<RuleCount> counts) {
  sort_by_count(counts);
  if (counts.empty()) return "no findings\n";
  size_t id_width = 4;
  for (const auto& c : counts) id_width = std::max(id_width, c.rule.size());
  std::string out;
  for (const auto& c : counts) {
    std::string fixable = c.fixable ? fmt::format("{} fixable", c.fixable) : "";
    out += fmt::format("{:>6}  {:<{}}  {:<8} {:<11} {}\n", c.count, c.rule, id_width, c.severity == "info" ? "note" : c.severity,
                       fixable, c.summary);
  }
  return out;
}

std::string render_statistics_json(std::vector<RuleCount> counts, const RunTotals& totals) {
  sort_by_count(counts);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& c : counts)
    rows.push_back({{"rule", c.rule}, {"severity", c.severity}, {"count", c.count}, {"fixable", c.fixable},
                    {"summary", c.summary}});
  nlohmann::json doc = {{"version", 1},
                        {"statistics", rows},
                        {"summary",
                         {{"files", totals.files},
                          {"errors", totals.counts.errors},
                          {"warnings", totals.counts.warnings},
                          {"infos", totals.counts.infos}}}};
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_rule_list_text(const std::vector<ListedRule>& rules) {
  std::string out;
  for (const auto& r : rules) {
    std::string kinds = r.doc.media.empty() ? r.doc.kinds : r.doc.kinds + " (" + r.doc.media + ")";
    out += fmt::format("{:<28} {:<8} {:<40} {}\n", r.doc.id, r.severity == "info" ? "note" : r.severity, kinds, r.doc.summary);
  }
  return out;
}

std::string render_rule_list_json(const std::vector<ListedRule>& rules) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : rules) {
    nlohmann::json kinds = nlohmann::json::array();
    if (r.doc.kinds != "all") {
      size_t start = 0;
      while (start <= r.doc.kinds.size()) {
        size_t comma = r.doc.kinds.find(',', start);
        kinds.push_back(r.doc.kinds.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
    list.push_back({{"id", r.doc.id},
                    {"group", r.doc.id.substr(0, r.doc.id.find('.'))},
                    {"severity", r.severity},
                    {"default_severity", r.doc.severity},
                    {"kinds", kinds},
                    {"media", r.doc.media.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.doc.media)},
                    {"summary", r.doc.summary}});
  }
  return nlohmann::json{{"version", 1}, {"rules", list}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace followup::diag
