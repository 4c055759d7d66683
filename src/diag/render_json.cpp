#include <nlohmann/json.hpp>

#include "diag/report.hpp"

namespace followup::diag {

std::string render_json(const std::vector<FileReport>& files) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["version"] = 1;
  ordered_json list = ordered_json::array();
  Counts total;
  for (const auto& file : files) {
    ordered_json f;
    f["path"] = file.path;
    f["kind"] = file.kind;
    ordered_json diags = ordered_json::array();
    for (const auto& d : file.diagnostics) {
      total.add(d);
      Range r = to_range(*file.source, d.span);
      ordered_json j;
      j["rule"] = d.rule_id;
      j["severity"] = std::string(core::severity_name(d.severity));
      j["message"] = d.message;
      j["line"] = r.line;
      j["column"] = r.column;
      j["end_line"] = r.end_line;
      j["end_column"] = r.end_column;
      if (!d.fixes.empty() && !d.fixes.front().edits.empty()) {
        const Edit& e = d.fixes.front().edits.front();
        Range fr = to_range(*file.source, e.span);
        j["fix"] = {{"line", fr.line},         {"column", fr.column},
                    {"end_line", fr.end_line}, {"end_column", fr.end_column},
                    {"replacement", e.replacement},
                    {"safe", d.fixes.front().applicability == Applicability::kSafe}};
      } else {
        j["fix"] = nullptr;
      }
      if (!d.help.empty()) j["help"] = d.help;
      diags.push_back(std::move(j));
    }
    f["diagnostics"] = std::move(diags);
    list.push_back(std::move(f));
  }
  doc["files"] = std::move(list);
  doc["summary"] = {{"files", files.size()}, {"errors", total.errors}, {"warnings", total.warnings}, {"infos", total.infos}};
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace followup::diag
