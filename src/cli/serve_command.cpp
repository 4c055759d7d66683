#include "cli/serve_command.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "diag/report.hpp"
#include "lint/document.hpp"
#include "platform/module.hpp"
#include "serve/service.hpp"

namespace followup::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

serve::LintReply error_reply(int status, const std::string& message) {
  return {status, json{{"error", message}}.dump()};
}

// The page's context form, as the command line's --context KEY=VALUE would
// give it: strings as they are, lists, dates and booleans as TOML values.
std::variant<core::Table, std::string> context_from_json(const std::string& text) {
  json object = json::parse(text, nullptr, false);
  if (object.is_discarded() || !object.is_object()) return std::string("'context' must be a JSON object");
  core::Table table;
  for (const auto& [key, value] : object.items()) {
    if (value.is_null() || (value.is_string() && value.get<std::string>().empty())) continue;
    std::string flag = key + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
    auto parsed = config::parse_context_flag(flag);
    if (auto* why = std::get_if<std::string>(&parsed)) return *why;
    auto& [k, v] = std::get<std::pair<std::string, core::Value>>(parsed);
    table[k] = v;
  }
  core::Context check;
  std::vector<config::LoadError> errors;
  config::apply_context(check, table, "page", errors);
  if (!errors.empty()) return errors.front().message;
  return table;
}

serve::LintReply lint_request(const serve::LintRequest& request, lint::Workspace& workspace) {
  auto resolved = workspace.resolve(fs::current_path() / "page.txt");
  if (!resolved.settings) return error_reply(500, "the configuration in this folder has errors");
  auto context = context_from_json(request.context_json);
  if (auto* why = std::get_if<std::string>(&context)) return error_reply(400, "context: " + *why);
  lint::LintSettings settings = *resolved.settings;
  for (auto& [key, value] : std::get<core::Table>(context)) settings.command_line_context[key] = value;
  const std::string name = request.filename.empty() ? "draft.txt" : request.filename;
  auto linted = lint::lint_document(name, request.text, settings);
  diag::FileReport report{linted.file.get(), name, std::string(core::kind_name(linted.result.context.effective_kind())),
                          std::move(linted.result.diagnostics)};
  return {200, diag::render_json({report})};
}

std::string rules_json(lint::Workspace& workspace) {
  auto resolved = workspace.resolve(fs::current_path() / "page.txt");
  json rules = json::array();
  if (resolved.settings) {
    for (const auto& rule : resolved.settings->rules->rules()) {
      diag::RuleDoc doc = rules::rule_doc(*rule);
      json kinds = json::array();
      for (auto k : rule->kinds) kinds.push_back(std::string(core::kind_name(k)));
      rules.push_back({{"id", doc.id}, {"severity", doc.severity}, {"kinds", kinds}, {"summary", doc.summary},
                       {"explain", doc.explain}});
    }
  }
  return json{{"rules", rules}}.dump();
}

}  // namespace

int serve_page(const Options& options, lint::Workspace& workspace) {
  serve::Service service;
  service.lint = [&workspace](const serve::LintRequest& request) { return lint_request(request, workspace); };
  const std::string rules = rules_json(workspace);
  service.rules_json = [rules] { return rules; };
  serve::ServeOptions serve_options;
  serve_options.port = options.port;
  serve_options.open_browser = options.open_browser;
  auto entry = platform::module_symbol("followup-lint-serve.so", "followup_serve_run");
  if (auto* why = std::get_if<std::string>(&entry)) {
    std::cerr << "followup-lint serve: error: " << *why << "\n";
    return 2;
  }
  using Run = int (*)(const serve::Service*, const serve::ServeOptions*, std::ostream*);
  return reinterpret_cast<Run>(std::get<void*>(entry))(&service, &serve_options, &std::cout);
}

}  // namespace followup::cli
