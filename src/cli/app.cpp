#include "cli/app.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>

#include "cli/inputs.hpp"
#include "cli/lint_run.hpp"
#include "cli/options.hpp"
#include "config/config.hpp"
#include "core/source.hpp"
#include "diag/report.hpp"
#include "lsp/server.hpp"
#include "parse/draft_parser.hpp"
#include "input/read.hpp"
#include "cli/serve_command.hpp"
#include "lint/document.hpp"
#include "lint/workspace.hpp"

namespace followup::cli {
namespace fs = std::filesystem;

namespace {

void out(std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); }
void err(std::string_view s) { std::fwrite(s.data(), 1, s.size(), stderr); }

core::Table command_line_context(const Options& o, std::string& error) {
  core::Table table;
  for (const auto& flag : o.context) {
    auto parsed = config::parse_context_flag(flag);
    if (auto* message = std::get_if<std::string>(&parsed)) {
      error = fmt::format("--context {}: {}", flag, *message);
      return table;
    }
    auto [key, value] = std::get<std::pair<std::string, core::Value>>(parsed);
    table[key] = value;
  }
  if (o.kind) {
    core::Value v;
    v.data = *o.kind;
    v.origin = {"--kind", 0, 0};
    table["kind"] = v;
  }
  if (o.template_mode) {
    core::Value v;
    v.data = true;
    v.origin = {"--template", 0, 0};
    table["template"] = v;
  }
  return table;
}

void print_errors(const std::vector<config::LoadError>& errors) {
  for (const auto& e : errors) err(config::format_error(e) + "\n");
}

int explain(const Options& o, lint::Workspace& workspace) {
  auto resolved = workspace.resolve(fs::current_path() / "stdin.txt");
  if (!resolved.settings) {
    print_errors(resolved.errors);
    return 2;
  }
  const rules::Rule* rule = resolved.settings->rules->find(o.explain_rule);
  if (!rule) {
    err(fmt::format("error: unknown rule '{}' (see --list-rules)\n", o.explain_rule));
    return 2;
  }
  std::string text = diag::rule_docs_text(rules::rule_doc(*rule));
  out(text);
  return 0;
}

int list_rules(lint::Workspace& workspace) {
  auto resolved = workspace.resolve(fs::current_path() / "stdin.txt");
  if (!resolved.settings) {
    print_errors(resolved.errors);
    return 2;
  }
  std::string text;
  for (const auto& rule : resolved.settings->rules->rules()) {
    std::string severity = rule->severity ? std::string(core::severity_name(*rule->severity)) : "off";
    diag::RuleDoc doc = rules::rule_doc(*rule);
    std::string kinds = doc.media.empty() ? doc.kinds : doc.kinds + " (" + doc.media + ")";
    text += fmt::format("{:<28} {:<8} {:<40} {}\n", rule->id, severity, kinds, rule->summary);
  }
  out(text);
  return 0;
}

int show_config(const Options& o, lint::Workspace& workspace) {
  const std::string& path = o.paths.front();
  std::string error;
  auto text = path == "-" ? read_stdin(error) : read_file(path, error);
  if (!text) {
    err(fmt::format("{}: error: {}\n", path, error));
    return 2;
  }
  fs::path locate = path == "-" ? fs::current_path() / "stdin.txt" : fs::path(path);
  auto resolved = workspace.resolve(locate);
  if (!resolved.settings) {
    print_errors(resolved.errors);
    return 2;
  }
  core::Source source(path, std::move(*text));
  auto result = lint::lint(source, *resolved.settings);
  std::string s = fmt::format("file: {}\nconfig: {}\n\n[context]\n", path,
                              resolved.config ? resolved.config->path.string() : "(none: built-in defaults)");
  for (const auto& key : core::context_keys()) {
    auto value = result.context.get(key);
    auto origin = result.context.origins.find(key);
    std::string from = origin != result.context.origins.end() ? origin->second : "default";
    s += fmt::format("{:<18} = {:<40} # {}\n", key, value ? *value : "(unset)", value ? from : "default");
  }
  s += "\n[rules]\n";
  for (const auto& rule : resolved.settings->rules->rules()) {
    std::string severity = rule->severity ? std::string(core::severity_name(*rule->severity)) : "off";
    bool changed = !rule->severity || *rule->severity != rule->default_severity;
    s += changed ? fmt::format("{:<28} {:<8} # default {}, set in the config\n", rule->id, severity,
                               core::severity_name(rule->default_severity))
                 : fmt::format("{:<28} {}\n", rule->id, severity);
  }
  out(s);
  return 0;
}

int dump_sections(const Options& o) {
  const std::string& path = o.paths.front();
  std::string error;
  auto text = path == "-" ? read_stdin(error) : read_file(path, error);
  if (!text) {
    err(fmt::format("{}: error: {}\n", path, error));
    return 2;
  }
  // Decoded as the linter reads it; each part shown where it sits in the file.
  input::Decoded decoded = input::read(*text, input::format_for(path));
  const core::Source file(path, std::string(decoded.file()));
  core::Source source(path, std::move(decoded.text));
  if (!source.valid_utf8()) {
    err(fmt::format("{}: error: not valid UTF-8\n", path));
    return 2;
  }
  core::Draft draft = parse::parse_draft(source);
  std::string s;
  if (!decoded.map.is_identity()) s += fmt::format("format           {} (positions are in the file as written)\n", input::format_name(decoded.format));
  auto show = [&](std::string_view name, core::Span span) {
    core::Span at = decoded.map.to_file(span);
    core::Position b = file.position(at.begin), e = file.position(at.end);
    std::string body(source.slice(span));
    for (auto& c : body)
      if (c == '\n') c = ' ';
    s += fmt::format("{:<16} {}:{}-{}:{}  {}\n", name, b.line, b.column, e.line, e.column, body);
  };
  if (draft.front_matter) show("front_matter", *draft.front_matter);
  if (draft.front_matter_unclosed) s += "front_matter     (unclosed)\n";
  for (const auto& h : draft.headers)
    if (!h.in_letter_head) show("header:" + h.name, h.value);
  for (auto l : draft.letter_head_lines) show("letter_head", l);
  for (const auto& h : draft.headers)
    if (h.in_letter_head) show("  subject", h.value);
  if (draft.salutation) show("salutation", *draft.salutation);
  for (auto p : draft.paragraphs) {
    show("paragraph", p);
    for (const auto& sentence : draft.sentences)
      if (p.contains(sentence.span)) show(sentence.list_item ? "  item" : "  sentence", sentence.span);
  }
  if (draft.closing) show("closing", *draft.closing);
  for (auto l : draft.signature_lines) show("signature", l);
  if (draft.postscript) show("postscript", *draft.postscript);
  s += fmt::format("words            {}\n", draft.words.size());
  out(s);
  return 0;
}

}  // namespace

int run(const std::vector<std::string>& args) {
  auto parsed = parse_options(args);
  if (auto* message = std::get_if<std::string>(&parsed)) {
    err(fmt::format("followup-lint: error: {}\n", *message));
    return 2;
  }
  Options o = std::get<Options>(parsed);
  if (o.action == Action::kHelp) {
    out(usage_text());
    return 0;
  }
  if (o.action == Action::kVersion) {
    out(fmt::format("followup-lint {}\n", FOLLOWUP_VERSION));
    return 0;
  }
  std::string error;
  lint::WorkspaceOptions wo;
  if (o.config) {
    std::string why;
    wo.config_text = read_file(*o.config, why);
    if (!wo.config_text) {
      err(fmt::format("{}: error: cannot read the config file: {}\n", *o.config, why));
      return 2;
    }
    wo.config_path = fs::path(*o.config);
  }
  wo.command_line_context = command_line_context(o, error);
  if (!error.empty()) {
    err(fmt::format("followup-lint: error: {}\n", error));
    return 2;
  }
  lint::Workspace workspace(std::move(wo));
  switch (o.action) {
    case Action::kExplain: return explain(o, workspace);
    case Action::kListRules: return list_rules(workspace);
    case Action::kShowConfig: return show_config(o, workspace);
    case Action::kDumpSections: return dump_sections(o);
    case Action::kLsp: return lsp::serve(workspace);
    case Action::kServe: return serve_page(o, workspace);
    default: return lint_paths(o, workspace);
  }
}

}  // namespace followup::cli
