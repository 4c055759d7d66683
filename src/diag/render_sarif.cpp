#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string_view>

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

// SARIF wants a URI reference. GitHub code scanning matches it against paths
// relative to the repository root, so a path under the current folder is
// written relative to it; any other absolute path becomes a file:// URI.
// Bytes outside RFC 3986's unreserved set (and a few safe delimiters) are
// percent-encoded: spaces, '%', '#', '?', ':' (a colon in a first segment
// would read as a scheme) and every non-ASCII byte.
std::string to_uri(std::string path) {
  for (char& c : path)
    if (c == '\\') c = '/';
  bool absolute = !path.empty() && path.front() == '/';
  if (absolute) {
    std::error_code ec;
    std::filesystem::path cwd = std::filesystem::current_path(ec);
    if (!ec) {
      std::filesystem::path rel = std::filesystem::path(path).lexically_relative(cwd);
      if (!rel.empty() && *rel.begin() != ".." && rel != ".") {
        path = rel.generic_string();
        absolute = false;
      }
    }
  }
  while (path.rfind("./", 0) == 0) path.erase(0, 2);
  static const char* hex = "0123456789ABCDEF";
  std::string out = absolute ? "file://" : "";
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    bool keep = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                std::string_view("-._~/!$&'()*+,;=@").find(c) != std::string_view::npos;
    if (keep) {
      out += c;
    } else {
      out += '%';
      out += hex[(u >> 4) & 0xF];
      out += hex[u & 0xF];
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
  // A rule from a user rule file that the current folder's config does not
  // load still gets a descriptor, so that every result has a ruleIndex.
  for (const auto& file : files) {
    for (const auto& d : file.diagnostics) {
      if (index.count(d.rule_id)) continue;
      index[d.rule_id] = rule_list.size();
      rule_list.push_back({{"id", d.rule_id},
                           {"name", d.rule_id},
                           {"shortDescription", {{"text", d.rule_id}}},
                           {"fullDescription", {{"text", d.rule_id}}},
                           {"help", {{"text", "see followup-lint --explain " + d.rule_id}}},
                           {"defaultConfiguration", {{"level", level_of(d.severity)}}}});
    }
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
