#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "diag/report.hpp"

namespace followup::diag {
namespace {

using nlohmann::ordered_json;

ordered_json diagnostic_json(const core::Source& source, const Diagnostic& d) {
  Range r = to_range(source, d.span);
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
    Range fr = to_range(source, e.span);
    j["fix"] = {{"line", fr.line},         {"column", fr.column},
                {"end_line", fr.end_line}, {"end_column", fr.end_column},
                {"replacement", e.replacement},
                {"safe", d.fixes.front().applicability == Applicability::kSafe}};
  } else {
    j["fix"] = nullptr;
  }
  if (!d.help.empty()) j["help"] = d.help;
  return j;
}

// {"version":1,"files":[{...},{...}],"summary":{...}}, one file object per piece.
class JsonRenderer : public ReportRenderer {
 public:
  std::string head() const override { return R"({"version":1,"files":[)"; }
  std::string separator() const override { return ","; }

  std::string file(const FileReport& file) const override {
    ordered_json f;
    f["path"] = file.path;
    f["kind"] = file.kind;
    ordered_json diags = ordered_json::array();
    for (const auto& d : file.diagnostics) diags.push_back(diagnostic_json(*file.source, d));
    f["diagnostics"] = std::move(diags);
    return f.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  std::string tail(const RunTotals& totals) const override {
    return fmt::format(R"(],"summary":{{"files":{},"errors":{},"warnings":{},"infos":{}}}}})"
                       "\n",
                       totals.files, totals.counts.errors, totals.counts.warnings, totals.counts.infos);
  }
};

}  // namespace

std::unique_ptr<ReportRenderer> json_renderer() { return std::make_unique<JsonRenderer>(); }

}  // namespace followup::diag
