#include "cli/options.hpp"

#include <fmt/format.h>

#include <charconv>
#include <functional>

#include "text/compare.hpp"

namespace followup::cli {

namespace {

using Error = std::optional<std::string>;

// One flag: its spellings, the value it takes (empty for a switch), its line
// in --help, and what it does to the options. --help and the did-you-mean
// list are made from this table, so a flag cannot be missing from either.
struct Flag {
  const char* name;
  const char* short_name;  // "" when none
  const char* value;       // "" for a switch
  const char* help;
  std::function<Error(Options&, const std::string&)> apply;
  bool serve_only = false;
};

// "unknown format 'yaml' (expected text, json, sarif or github)"
Error one_of(const std::string& v, std::vector<std::string> allowed, const char* what) {
  for (const auto& a : allowed)
    if (v == a) return std::nullopt;
  std::string list;
  for (size_t i = 0; i < allowed.size(); ++i)
    list += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
  std::string near = text::closest_word(v, allowed);
  return near.empty() ? fmt::format("unknown {} '{}' (expected {})", what, v, list)
                      : fmt::format("unknown {} '{}'; did you mean '{}'? (expected {})", what, v, near, list);
}

// "a,b" and repeated flags both add to the list.
void add_list(std::vector<std::string>& to, const std::string& value) {
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    std::string item = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) to.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
}

Error set_format(Options& o, const std::string& v) {
  if (auto e = one_of(v, {"text", "json", "sarif", "github"}, "format")) return e;
  o.format = v == "json" ? Format::kJson : v == "sarif" ? Format::kSarif : v == "github" ? Format::kGithub : Format::kText;
  return std::nullopt;
}

Error set_color(Options& o, const std::string& v) {
  if (auto e = one_of(v, {"auto", "always", "never"}, "color mode")) return e;
  o.color = v == "always" ? ColorMode::kAlways : v == "never" ? ColorMode::kNever : ColorMode::kAuto;
  o.color_given = true;
  return std::nullopt;
}

Error set_jobs(Options& o, const std::string& v) {
  unsigned n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < 1 || n > 1024)
    return std::string("--jobs needs a number from 1 to 1024");
  o.jobs = n;
  return std::nullopt;
}

Error set_port(Options& o, const std::string& v) {
  char* end = nullptr;
  long port = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || port < 0 || port > 65535)
    return std::string("--port needs a port number from 0 to 65535 (0 picks a free one)");
  o.port = static_cast<int>(port);
  return std::nullopt;
}

const std::vector<Flag>& flags() {
  static const std::vector<Flag> table = {
      {"--format", "-f", "FORMAT", "text, json, sarif or github (default: text)", set_format},
      {"--config", "-c", "FILE", "use this config instead of the nearest .followup-lint.toml",
       [](Options& o, const std::string& v) -> Error { o.config = v; return std::nullopt; }},
      {"--kind", "", "KIND", "thank-you, status-inquiry or rejection-reply (default: inferred)",
       [](Options& o, const std::string& v) -> Error {
         if (auto e = one_of(v, {"thank-you", "status-inquiry", "rejection-reply"}, "kind of note")) return e;
         o.kind = v;
         return std::nullopt;
       }},
      {"--context", "", "KEY=VALUE", "set a context key (VALUE is read as TOML when it parses)",
       [](Options& o, const std::string& v) -> Error {
         if (v.find('=') == std::string::npos) return std::string("--context needs KEY=VALUE");
         o.context.push_back(v);
         return std::nullopt;
       }},
      {"--template", "", "", "template mode: {{placeholders}} are expected",
       [](Options& o, const std::string&) -> Error { o.template_mode = true; return std::nullopt; }},
      {"--select", "", "RULES", "run only these rules: IDs or groups, comma-separated (--select style,subject.vague)",
       [](Options& o, const std::string& v) -> Error { add_list(o.select, v); return std::nullopt; }},
      {"--ignore", "", "RULES", "leave these rules out: IDs or groups, comma-separated",
       [](Options& o, const std::string& v) -> Error { add_list(o.ignore, v); return std::nullopt; }},
      {"--fix", "", "", "apply safe fixes in place (through a temporary file and a rename)",
       [](Options& o, const std::string&) -> Error { o.fix = true; return std::nullopt; }},
      {"--unsafe-fixes", "", "", "with --fix or --diff, apply unsafe fixes too",
       [](Options& o, const std::string&) -> Error { o.unsafe_fixes = true; return std::nullopt; }},
      {"--diff", "", "", "print only the safe fixes as a unified diff; write nothing (exit 1 when there is one)",
       [](Options& o, const std::string&) -> Error { o.fix = o.dry_run = o.diff_only = true; return std::nullopt; }},
      {"--dry-run", "", "", "with --fix: print the diff and the findings left after it; write nothing",
       [](Options& o, const std::string&) -> Error { o.dry_run = true; return std::nullopt; }},
      {"--statistics", "", "", "print how often each rule fired instead of each finding",
       [](Options& o, const std::string&) -> Error { o.statistics = true; return std::nullopt; }},
      {"--stdin-filename", "", "NAME", "lint standard input as if it were the file NAME (format, config, overrides)",
       [](Options& o, const std::string& v) -> Error { o.stdin_filename = v; return std::nullopt; }},
      {"--output-file", "-o", "FILE", "write the report to FILE instead of standard output",
       [](Options& o, const std::string& v) -> Error { o.output_file = v; return std::nullopt; }},
      {"--exit-zero", "", "", "exit 0 even when there are findings (2 still means an error)",
       [](Options& o, const std::string&) -> Error { o.exit_zero = true; return std::nullopt; }},
      {"--force-exclude", "", "", "apply the config's exclude to files named on the command line too",
       [](Options& o, const std::string&) -> Error { o.force_exclude = true; return std::nullopt; }},
      {"--follow-links", "", "", "folder walks also take symlinked drafts (a file named on the command line always is)",
       [](Options& o, const std::string&) -> Error { o.follow_links = true; return std::nullopt; }},
      {"--color", "", "WHEN", "auto, always or never (default: auto; NO_COLOR and FORCE_COLOR are honoured)",
       set_color},
      {"--fail-on", "", "SEVERITY", "lowest severity that makes the exit code 1: error, warning or note (default: warning)",
       [](Options& o, const std::string& v) -> Error {
         auto s = core::parse_severity(v);
         if (!s) return std::string("--fail-on needs error, warning or note");
         o.fail_on = *s;
         return std::nullopt;
       }},
      {"--jobs", "-j", "N", "files linted in parallel (default: one per core)", set_jobs},
      {"--quiet", "-q", "", "print findings only, no summary",
       [](Options& o, const std::string&) -> Error { o.quiet = true; return std::nullopt; }},
      {"--explain", "", "RULE", "explain a rule, with examples",
       [](Options& o, const std::string& v) -> Error {
         o.action = Action::kExplain;
         o.explain_rule = v;
         return std::nullopt;
       }},
      {"--list-rules", "", "", "list every rule (with --format json: as JSON)",
       [](Options& o, const std::string&) -> Error { o.action = Action::kListRules; return std::nullopt; }},
      {"--show-config", "", "FILE", "show the context and rule settings (with parameters) that apply to FILE",
       [](Options& o, const std::string& v) -> Error {
         o.action = Action::kShowConfig;
         o.paths.push_back(v);
         return std::nullopt;
       }},
      {"--dump-sections", "", "FILE", "print how a draft was split into its parts",
       [](Options& o, const std::string& v) -> Error {
         o.action = Action::kDumpSections;
         o.paths.push_back(v);
         return std::nullopt;
       }},
      {"--lsp", "", "", "run the language server on standard input and output",
       [](Options& o, const std::string&) -> Error { o.action = Action::kLsp; return std::nullopt; }},
      {"--port", "", "N", "serve: the port (default 8480; 0 picks a free one)", set_port, true},
      {"--open", "", "", "serve: open the page in a browser",
       [](Options& o, const std::string&) -> Error { o.open_browser = true; return std::nullopt; }, true},
      {"--version", "-V", "", "print the version",
       [](Options& o, const std::string&) -> Error { o.action = Action::kVersion; return std::nullopt; }},
      {"--help", "-h", "", "print this help",
       [](Options& o, const std::string&) -> Error { o.action = Action::kHelp; return std::nullopt; }},
  };
  return table;
}

const Flag* find_flag(const std::string& name, bool serving) {
  for (const auto& f : flags())
    if ((name == f.name || (*f.short_name && name == f.short_name)) && (serving || !f.serve_only)) return &f;
  if (name == "--colour") return find_flag("--color", serving);
  return nullptr;
}

std::string unknown_flag(const std::string& name) {
  std::vector<std::string> names;
  for (const auto& f : flags()) names.push_back(f.name);
  std::string near = text::closest_word(name, names);
  if (!near.empty()) return fmt::format("unknown option '{}'; did you mean '{}'? (see --help)", name, near);
  return fmt::format("unknown option '{}' (see --help)", name);
}

std::string missing_value(const Flag& f) {
  return fmt::format("{} needs a value: {} {}", f.name, f.name, f.value);
}

}  // namespace

std::string usage_text() {
  std::string s = R"(usage: followup-lint [OPTIONS] PATH...      lint drafts (files, folders or globs; '-' reads stdin)
       followup-lint --explain RULE            explain a rule, with examples
       followup-lint --list-rules              list every rule with its severity and kinds
       followup-lint --show-config FILE        show the context and rule settings for FILE
       followup-lint --lsp                     run the language server on stdin/stdout
       followup-lint serve [--port N] [--open] the local web page at http://127.0.0.1:8480/

Options:
)";
  for (const auto& f : flags()) {
    std::string spelled = *f.short_name ? fmt::format("{}, {}", f.short_name, f.name) : fmt::format("    {}", f.name);
    if (*f.value) spelled += fmt::format(" {}", f.value);
    s += fmt::format("  {:<30} {}\n", spelled, f.help);
  }
  s += R"(
Configuration: --config FILE, else $FOLLOWUP_LINT_CONFIG, else the nearest
.followup-lint.toml above each draft, else your own
$XDG_CONFIG_HOME/followup-lint/config.toml (~/.config/followup-lint/config.toml).
Folder walks skip what .gitignore files and the config's exclude skip; globs
('drafts/**/*.{txt,md}') follow gitignore syntax.
Environment: NO_COLOR, FORCE_COLOR, COLUMNS (excerpt width off a terminal).

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, config or I/O error.
)";
  return s;
}

std::variant<Options, std::string> parse_options(const std::vector<std::string>& args) {
  Options o;
  bool only_paths = false;
  size_t first = 0;
  if (!args.empty() && args[0] == "serve") {  // followup-lint serve [--port N] [--open]
    o.action = Action::kServe;
    first = 1;
  }
  for (size_t i = first; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_paths || arg == "-" || arg.empty() || arg[0] != '-') {
      o.paths.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_paths = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    const Flag* flag = find_flag(name, o.action == Action::kServe);
    if (!flag) return unknown_flag(name);
    std::string value;
    if (*flag->value) {
      if (inline_value) value = *inline_value;
      else if (i + 1 < args.size()) value = args[++i];
      else return missing_value(*flag);
    } else if (inline_value) {
      return fmt::format("{} takes no value (found '{}')", name, arg);
    }
    if (auto error = flag->apply(o, value)) return *error;
  }
  if (o.stdin_filename && o.paths.empty()) o.paths.push_back("-");
  if (o.action == Action::kLint && o.paths.empty()) return std::string("no input: give files, folders or '-' (see --help)");
  if ((o.unsafe_fixes || o.dry_run) && !o.fix) return std::string("--unsafe-fixes and --dry-run go with --fix (or use --diff)");
  if (o.stdin_filename && !(o.paths.size() == 1 && o.paths.front() == "-") && o.action == Action::kLint)
    return std::string("--stdin-filename goes with '-' (standard input) as the only path");
  return o;
}

}  // namespace followup::cli
