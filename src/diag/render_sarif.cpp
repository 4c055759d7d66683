#include <nlohmann/json.hpp>

#include <map>

#include "diag/report.hpp"

namespace followup::diag {
namespace {

std::string level_of(core::Severity s) {
  switch (s) {
    case core::Severity::kError: return "error";
    case core::Severity::kWarning: return "warning";
    case core::Severity::kInfo: return "note";
  }
  return "warning";
}

std::string level_of_name(const std::string& severity) {
  if (severity == "error") return "error";
  if (severity == "info") return "note";
  return "warning";
}

// SARIF wants a relative URI: path separators as '/', spaces and '%' escaped.
std::string to_uri(std::string path) {
  if (path.rfind("./", 0) == 0) path.erase(0, 2);
  std::string out;
  for (char c : path) {
    if (c == '\\') {
      out += '/';
    } else if (c == ' ' || c == '%' || c == '#' || c == '?') {
      static const char* hex = "0123456789ABCDEF";
      out += '%';
      out += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
      out += hex[static_cast<unsigned char>(c) & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

nlohmann::ordered_json region_of(const core::Source& source, core::Span span) {
  Range r = to_range(source, span);
  // SARIF regions may not be empty on one line in every viewer: widen to one column.
  uint32_t end_column = (r.end_line == r.line && r.end_column <= r.column) ? r.column + 1 : r.end_column;
  return {{"startLine", r.line}, {"startColumn", r.column}, {"endLine", r.end_line}, {"endColumn", end_column}};
}

}  // namespace

std::string render_sarif(const std::vector<FileReport>& files, const std::vector<RuleDoc>& rules) {
  using nlohmann::ordered_json;
  std::map<std::string, size_t> index;
  ordered_json rule_list = ordered_json::array();
  for (const auto& rule : rules) {
    index[rule.id] = rule_list.size();
    rule_list.push_back({{"id", rule.id},
                         {"name", rule.id},
                         {"shortDescription", {{"text", rule.summary}}},
                         {"fullDescription", {{"text", rule.explain.empty() ? rule.summary : rule.explain}}},
                         {"help", {{"text", rule.explain.empty() ? rule.summary : rule.explain}}},
                         {"defaultConfiguration", {{"level", level_of_name(rule.severity)}}}});
  }
  ordered_json results = ordered_json::array();
  for (const auto& file : files) {
    for (const auto& d : file.diagnostics) {
      ordered_json location = {
          {"physicalLocation",
           {{"artifactLocation", {{"uri", to_uri(file.path)}}}, {"region", region_of(*file.source, d.span)}}}};
      ordered_json result = {{"ruleId", d.rule_id}};
      if (auto it = index.find(d.rule_id); it != index.end()) result["ruleIndex"] = it->second;
      result["level"] = level_of(d.severity);
      result["message"] = {{"text", d.help.empty() ? d.message : d.message + " (" + d.help + ")"}};
      result["locations"] = ordered_json::array({location});
      if (!d.fixes.empty()) {
        ordered_json fixes = ordered_json::array();
        for (const auto& fix : d.fixes) {
          ordered_json replacements = ordered_json::array();
          for (const auto& e : fix.edits) {
            replacements.push_back(
                {{"deletedRegion", region_of(*file.source, e.span)}, {"insertedContent", {{"text", e.replacement}}}});
            // An insertion deletes nothing: SARIF says so with an empty region.
            if (e.span.empty()) {
              Range r = to_range(*file.source, e.span);
              replacements.back()["deletedRegion"] = {{"startLine", r.line}, {"startColumn", r.column},
                                                      {"endLine", r.line}, {"endColumn", r.column}};
            }
          }
          fixes.push_back({{"description", {{"text", fix.title}}},
                           {"artifactChanges", ordered_json::array({{{"artifactLocation", {{"uri", to_uri(file.path)}}},
                                                                     {"replacements", replacements}}})}});
        }
        result["fixes"] = fixes;
      }
      results.push_back(std::move(result));
    }
  }
  ordered_json run = {
      {"tool",
       {{"driver",
         {{"name", "followup-lint"},
          {"version", FOLLOWUP_VERSION},
          {"semanticVersion", FOLLOWUP_VERSION},
          {"informationUri", "https://github.com/followup-lint/followup-lint"},
          {"rules", rule_list}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", results}};
  ordered_json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", ordered_json::array({run})}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace followup::diag
