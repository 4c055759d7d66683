#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string_view>

#include "diag/report.hpp"

namespace followup::diag {
namespace {

using nlohmann::ordered_json;

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
// `cwd` is the run's folder, empty when unknown.
std::string to_uri(std::string path, const std::filesystem::path& cwd) {
  // A backslash is a character of a POSIX file name, not a separator: it is percent-encoded below.
  bool absolute = !path.empty() && path.front() == '/';
  if (absolute) {
    if (!cwd.empty()) {
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

ordered_json region_of(const core::Source& source, core::Span span) {
  Range r = to_range(source, span);
  // SARIF regions may not be empty on one line in every viewer: widen to one column.
  uint32_t end_column = (r.end_line == r.line && r.end_column <= r.column) ? r.column + 1 : r.end_column;
  return {{"startLine", r.line}, {"startColumn", r.column}, {"endLine", r.end_line}, {"endColumn", end_column}};
}

ordered_json rule_descriptor(const RuleDoc& rule) {
  const std::string& text = rule.explain.empty() ? rule.summary : rule.explain;
  return {{"id", rule.id},
          {"name", rule_display_name(rule.id)},
          {"shortDescription", {{"text", rule.summary}}},
          {"fullDescription", {{"text", text}}},
          {"helpUri", rule_docs_url(rule.id)},
          {"help", {{"text", text}}},
          {"defaultConfiguration", {{"level", level_of_name(rule.severity)}}}};
}

// A rule from a user rule file that the current folder's config does not
// load still gets a descriptor.
ordered_json unlisted_rule_descriptor(const std::string& id, core::Severity severity) {
  return {{"id", id},
          {"name", rule_display_name(id)},
          {"shortDescription", {{"text", id}}},
          {"fullDescription", {{"text", id}}},
          {"help", {{"text", "see followup-lint --explain " + id}}},
          {"defaultConfiguration", {{"level", level_of(severity)}}}};
}

// Every line after the first indented by `spaces` (JSON strings hold no raw newlines).
std::string indent(std::string text, size_t spaces) {
  std::string out(spaces, ' ');
  for (char c : text) {
    out += c;
    if (c == '\n') out.append(spaces, ' ');
  }
  return out;
}

// The document with `results` before `tool`, so the results stream and the
// rule list can name a rule first seen in the last file.
class SarifRenderer : public ReportRenderer {
 public:
  explicit SarifRenderer(std::vector<RuleDoc> rules) : rules_(std::move(rules)) {
    for (size_t i = 0; i < rules_.size(); ++i) index_[rules_[i].id] = i;
    std::error_code ec;
    cwd_ = std::filesystem::current_path(ec);
  }

  std::string head() const override {
    return "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
           "  \"runs\": [\n    {\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [\n";
  }
  std::string separator() const override { return ",\n"; }

  std::string file(const FileReport& file) const override {
    std::string out;
    const std::string uri = to_uri(file.path, cwd_);
    for (const auto& d : file.diagnostics) {
      if (!out.empty()) out += ",\n";
      out += indent(result(file, uri, d).dump(2, ' ', false, nlohmann::json::error_handler_t::replace), 8);
    }
    return out;
  }

  std::string tail(const RunTotals& totals) const override {
    ordered_json rule_list = ordered_json::array();
    for (const auto& rule : rules_) rule_list.push_back(rule_descriptor(rule));
    for (const auto& [id, severity] : totals.rules)
      if (!index_.count(id)) rule_list.push_back(unlisted_rule_descriptor(id, severity));
    ordered_json tool = {{"driver",
                          {{"name", "followup-lint"},
                           {"version", FOLLOWUP_VERSION},
                           {"semanticVersion", FOLLOWUP_VERSION},
                           {"informationUri", "https://github.com/followup-lint/followup-lint"},
                           {"rules", rule_list}}}};
    // executionSuccessful: every input could be read and linted (findings do not count against it).
    ordered_json invocations = ordered_json::array({{{"executionSuccessful", !totals.failed}}});
    return "\n      ],\n      \"invocations\": " +
           indent(invocations.dump(2, ' ', false, nlohmann::json::error_handler_t::replace), 6).substr(6) +
           ",\n      \"tool\": " +
           indent(tool.dump(2, ' ', false, nlohmann::json::error_handler_t::replace), 6).substr(6) +
           "\n    }\n  ]\n}\n";
  }

 private:
  ordered_json result(const FileReport& file, const std::string& uri, const Diagnostic& d) const {
    ordered_json location = {
        {"physicalLocation", {{"artifactLocation", {{"uri", uri}}}, {"region", region_of(*file.source, d.span)}}}};
    ordered_json result = {{"ruleId", d.rule_id}};
    // Rules outside the run's list (a user rule file another folder's config loads) go without an index.
    if (auto it = index_.find(d.rule_id); it != index_.end()) result["ruleIndex"] = it->second;
    result["level"] = level_of(d.severity);
    result["message"] = {{"text", d.help.empty() ? d.message : d.message + " (" + d.help + ")"}};
    result["locations"] = ordered_json::array({location});
    if (!d.fixes.empty()) result["fixes"] = fixes(file, uri, d);
    return result;
  }

  static ordered_json fixes(const FileReport& file, const std::string& uri, const Diagnostic& d) {
    ordered_json fixes = ordered_json::array();
    for (const auto& fix : d.fixes) {
      ordered_json replacements = ordered_json::array();
      for (const auto& e : fix.edits) {
        replacements.push_back(
            {{"deletedRegion", region_of(*file.source, e.span)}, {"insertedContent", {{"text", e.replacement}}}});
        // An insertion deletes nothing: SARIF says so with an empty region.
        if (e.span.empty()) {
          Range r = to_range(*file.source, e.span);
          replacements.back()["deletedRegion"] = {
              {"startLine", r.line}, {"startColumn", r.column}, {"endLine", r.line}, {"endColumn", r.column}};
        }
      }
      fixes.push_back({{"description", {{"text", fix.title}}},
                       {"artifactChanges",
                        ordered_json::array({{{"artifactLocation", {{"uri", uri}}}, {"replacements", replacements}}})}});
    }
    return fixes;
  }

  std::vector<RuleDoc> rules_;
  std::map<std::string, size_t> index_;
  std::filesystem::path cwd_;
};

}  // namespace

std::unique_ptr<ReportRenderer> sarif_renderer(std::vector<RuleDoc> rules) {
  return std::make_unique<SarifRenderer>(std::move(rules));
}

}  // namespace followup::diag
