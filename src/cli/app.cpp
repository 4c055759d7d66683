#include "cli/app.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <thread>

#include "cli/atomic_write.hpp"
#include "cli/inputs.hpp"
#include "cli/options.hpp"
#include "config/config.hpp"
#include "core/source.hpp"
#include "diag/fixes.hpp"
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

struct Outcome {
  std::string path;
  std::shared_ptr<const core::Source> source;
  lint::LintResult result;
  std::string error;  // I/O or config error: this file was not linted
  bool config_error = false;
  std::string diff;   // --fix --dry-run
  size_t fixes_applied = 0;
};

std::vector<diag::RuleDoc> rule_docs(const rules::RuleSet& set) {
  std::vector<diag::RuleDoc> docs;
  for (const auto& r : set.rules())
    docs.push_back(rules::rule_doc(*r));
  return docs;
}

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

// Lints one input; with --fix, applies fixes until nothing changes (at most 10 passes).
Outcome lint_one(const Input& input, const Options& o, lint::Workspace& workspace) {
  Outcome outcome;
  outcome.path = input.path == "-" ? "<stdin>" : input.path;
  if (!input.error.empty()) {
    outcome.error = input.error;
    return outcome;
  }
  std::string text;
  {
    std::string error;
    auto read = input.path == "-" ? read_stdin(error) : read_file(input.path, error);
    if (!read) {
      outcome.error = error;
      return outcome;
    }
    text = std::move(*read);
  }
  fs::path locate = input.path == "-" ? fs::current_path() / "stdin.txt" : fs::path(input.path);
  auto resolved = workspace.resolve(locate);
  if (!resolved.settings) {
    outcome.error = "the configuration has errors (see above)";
    outcome.config_error = true;
    return outcome;
  }
  const bool fixing = o.fix && input.path != "-";
  const std::string original = fixing ? text : std::string();  // what --fix compares with and falls back to
  auto lint_bytes = [&](std::string bytes) {
    auto linted = lint::lint_document(outcome.path, std::move(bytes), *resolved.settings);
    outcome.source = std::move(linted.file);
    outcome.result = std::move(linted.result);
  };
  lint_bytes(std::move(text));
  if (!fixing) return outcome;
  if (!outcome.result.readable) return outcome;  // never rewrite a file we cannot read as text
  for (int pass = 0; pass < 10; ++pass) {
    auto applied = diag::apply_fixes(outcome.source->text(), outcome.result.diagnostics, o.unsafe_fixes);
    if (applied.fixes == 0 || applied.text == outcome.source->text()) break;
    outcome.fixes_applied += applied.fixes;
    lint_bytes(std::move(applied.text));
  }
  if (outcome.source->text() != original) {
    if (o.dry_run) {
      outcome.diff = diag::unified_diff(outcome.path, original, outcome.source->text());
    } else {
      std::string error;
      if (!write_atomically(input.path, std::string(outcome.source->text()), original, error)) {
        // Nothing was written: report the draft as it was read, not the fixed text.
        outcome.error = error;
        outcome.fixes_applied = 0;
        lint_bytes(original);
      }
    }
  }
  return outcome;
}

int lint_paths(const Options& o, lint::Workspace& workspace) {
  auto inputs = collect_inputs(o.paths, [&](const fs::path& p) { return workspace.excluded(p); });
  std::vector<Outcome> outcomes(inputs.size());
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<size_t>(1, inputs.size())));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < inputs.size(); i = next++) outcomes[i] = lint_one(inputs[i], o, workspace);
  };
  if (jobs <= 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
  }

  // Config errors once per config, then per-file errors, in input order.
  bool failed = false;
  std::set<std::string> printed;
  for (const auto& outcome : outcomes) {
    if (!outcome.config_error) continue;
    failed = true;
    auto resolved = workspace.resolve(outcome.path == "<stdin>" ? fs::current_path() / "stdin.txt" : fs::path(outcome.path));
    for (const auto& e : resolved.errors) {
      std::string line = config::format_error(e);
      if (printed.insert(line).second) err(line + "\n");
    }
  }
  std::vector<diag::FileReport> reports;
  diag::Counts counts;
  size_t fixed = 0;
  for (auto& outcome : outcomes) {
    if (!outcome.error.empty() && !outcome.config_error) {
      err(fmt::format("{}: error: {}\n", outcome.path, outcome.error));
      failed = true;
    }
    if (!outcome.source) continue;
    diag::FileReport report;
    report.source = outcome.source.get();
    report.path = outcome.path;
    report.kind = std::string(core::kind_name(outcome.result.context.effective_kind()));
    report.diagnostics = std::move(outcome.result.diagnostics);
    for (const auto& d : report.diagnostics) counts.add(d);
    fixed += outcome.fixes_applied;
    reports.push_back(std::move(report));
    // The diff goes beside the report: stdout holds one document in the machine formats.
    if (!outcome.diff.empty()) (o.format == Format::kText ? out : err)(outcome.diff);
  }

  // Config suppressions that silenced nothing anywhere in this run.
  std::set<const config::Suppression*> used;
  for (const auto& outcome : outcomes)
    for (const auto* s : outcome.result.used_suppressions) used.insert(s);
  for (const auto& config : workspace.configs()) {
    for (const auto& s : config->suppressions) {
      if (used.count(&s)) continue;
      err(fmt::format("{}:{}:{}: warning: this [[suppress]] for '{}' matched nothing; remove it if it is stale\n",
                      s.origin.file, s.origin.line, s.origin.column, s.rule));
    }
  }

  if (o.format == Format::kJson) {
    out(diag::render_json(reports));
  } else if (o.format == Format::kSarif) {
    auto resolved = workspace.resolve(fs::current_path() / "stdin.txt");
    std::vector<diag::RuleDoc> docs;
    if (resolved.settings) docs = rule_docs(*resolved.settings->rules);
    out(diag::render_sarif(reports, docs));
  } else if (o.format == Format::kGithub) {
    out(diag::render_github(reports));
  } else {
    // NO_COLOR counts when set and not empty (no-color.org); an explicit --color always wins over it.
    const char* no_color = std::getenv("NO_COLOR");
    bool color = o.color == ColorMode::kAlways ||
                 (o.color == ColorMode::kAuto && ::isatty(STDOUT_FILENO) && !(no_color && *no_color));
    out(diag::render_text(reports, {color}, !o.quiet && !reports.empty()));
    if (o.fix && !o.dry_run && fixed && !o.quiet) err(fmt::format("applied {} fix{}\n", fixed, fixed == 1 ? "" : "es"));
  }
  std::fflush(stdout);
  if (failed) return 2;
  for (const auto& r : reports)
    for (const auto& d : r.diagnostics)
      if (d.severity >= o.fail_on) return 1;
  return 0;
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
