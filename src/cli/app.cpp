#include "cli/app.hpp"

#include "build_info.hpp"

#include <fmt/format.h>

#include <algorithm>
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
#include "text/compare.hpp"

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
    std::string near = text::closest_word(o.explain_rule, workspace.rule_names(fs::current_path() / "stdin.txt"));
    err(near.empty() ? fmt::format("followup-lint: error: unknown rule '{}' (see --list-rules)\n", o.explain_rule)
                     : fmt::format("followup-lint: error: unknown rule '{}'; did you mean '{}'?\n", o.explain_rule, near));
    return 2;
  }
  std::string text = diag::rule_docs_text(rules::rule_doc(*rule));
  out(text);
  return 0;
}

int list_rules(const Options& o, lint::Workspace& workspace) {
  auto resolved = workspace.resolve(fs::current_path() / "stdin.txt");
  if (!resolved.settings) {
    print_errors(resolved.errors);
    return 2;
  }
  std::vector<diag::ListedRule> listed;
  for (const auto& rule : resolved.settings->rules->rules())
    listed.push_back({rules::rule_doc(*rule), rule->severity ? std::string(core::severity_name(*rule->severity)) : "off"});
  out(o.format == Format::kJson ? diag::render_rule_list_json(listed) : diag::render_rule_list_text(listed));
  return 0;
}

// A parameter as a config would write it; long lists are counted, not shown.
std::string show_value(const core::Value& v) {
  std::string text;
  if (v.is_bool()) text = v.boolean() ? "true" : "false";
  else if (v.is_int()) text = std::to_string(v.integer());
  else if (v.is_number()) text = fmt::format("{}", v.number());
  else if (v.is_string()) text = fmt::format("\"{}\"", v.str());
  else if (v.is_array() && v.array().size() > 3) text = fmt::format("[... {} items]", v.array().size());
  else if (v.is_array()) {
    for (const auto& item : v.array()) text += (text.empty() ? "" : ", ") + show_value(item);
    text = "[" + text + "]";
  } else if (v.is_table()) {
    for (const auto& [k, item] : v.table()) text += fmt::format("{}{} = {}", text.empty() ? "" : ", ", k, show_value(item));
    text = "{" + text + "}";
  }
  if (text.size() <= 70) return text;
  size_t cut = 67;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return text.substr(0, cut) + "...";
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
    s += changed ? fmt::format("{:<28} {:<8} # default {}, set in the config{}\n", rule->id, severity,
                               core::severity_name(rule->default_severity),
                               o.select.empty() && o.ignore.empty() ? "" : " or by --select/--ignore")
                 : fmt::format("{:<28} {}\n", rule->id, severity);
    for (const auto& [key, value] : rule->parameters) {
      bool from_config = resolved.config && value.origin.file == resolved.config->path.string();
      s += fmt::format("    {:<24} = {}{}\n", key, show_value(value), from_config ? "  # set in the config" : "");
    }
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

// The user's own config, for drafts with no .followup-lint.toml above them:
// $XDG_CONFIG_HOME/followup-lint/config.toml, or ~/.config/followup-lint/config.toml.
std::optional<fs::path> user_config() {
  fs::path base;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg && fs::path(xdg).is_absolute()) base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home) base = fs::path(home) / ".config";
  else return std::nullopt;
  fs::path file = base / "followup-lint" / "config.toml";
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  return file;
}

// --select and --ignore name rules or groups that exist (a typo would
// otherwise select nothing and pass every draft).
bool check_rule_names(const Options& o, lint::Workspace& workspace) {
  if (o.select.empty() && o.ignore.empty()) return true;
  auto names = workspace.rule_names(fs::current_path() / "stdin.txt");
  bool ok = true;
  for (const auto* list : {&o.select, &o.ignore}) {
    for (const auto& name : *list) {
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;
      std::string near = text::closest_word(name, names);
      err(near.empty() ? fmt::format("followup-lint: error: unknown rule or group '{}' (see --list-rules)\n", name)
                       : fmt::format("followup-lint: error: unknown rule or group '{}'; did you mean '{}'?\n", name, near));
      ok = false;
    }
  }
  return ok;
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
    out(fmt::format("followup-lint {} ({})\n", FOLLOWUP_VERSION, FOLLOWUP_COMMIT));
    return 0;
  }
  std::string error;
  lint::WorkspaceOptions wo;
  // $FOLLOWUP_LINT_CONFIG stands in for --config; --config wins over it.
  if (const char* env = std::getenv("FOLLOWUP_LINT_CONFIG"); !o.config && env && *env) o.config = env;
  wo.fallback_config = user_config();
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
  wo.selection = {o.select, o.ignore};
  lint::Workspace workspace(std::move(wo));
  if (!check_rule_names(o, workspace)) return 2;
  if (o.statistics && o.format != Format::kText && o.format != Format::kJson) {
    err("followup-lint: error: --statistics prints text or JSON (--format text or --format json)\n");
    return 2;
  }
  switch (o.action) {
    case Action::kExplain: return explain(o, workspace);
    case Action::kListRules: return list_rules(o, workspace);
    case Action::kShowConfig: return show_config(o, workspace);
    case Action::kDumpSections: return dump_sections(o);
    case Action::kLsp: return lsp::serve(workspace);
    case Action::kServe: return serve_page(o, workspace);
    default: return lint_paths(o, workspace);
  }
}

}  // namespace followup::cli
