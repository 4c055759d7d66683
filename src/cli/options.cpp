#include "cli/options.hpp"

#include <fmt/format.h>

#include <charconv>

namespace followup::cli {

std::string usage_text() {
  return R"(usage: followup-lint [OPTIONS] PATH...      lint drafts (files or folders; '-' reads stdin)
       followup-lint --explain RULE            explain a rule, with examples
       followup-lint --list-rules              list every rule with its severity and kinds
       followup-lint --show-config FILE        show the context and rule settings for FILE
       followup-lint --lsp                     run the language server on stdin/stdout
       followup-lint serve [--port N] [--open] the local web page at http://127.0.0.1:8480/

Options:
  --format text|json|sarif|github   output format (default: text)
  --config FILE                     use this config instead of the nearest .followup-lint.toml
  --kind KIND                       thank-you, status-inquiry or rejection-reply
  --context KEY=VALUE               set a context key (VALUE is read as TOML when it parses)
  --template                        template mode: {{placeholders}} are expected
  --fix                             apply safe fixes in place
  --unsafe-fixes                    with --fix, apply unsafe fixes too
  --dry-run                         with --fix, print a diff instead of writing
  --color auto|always|never         colored output (default: auto; NO_COLOR is honoured)
  --fail-on error|warning|info      lowest severity that makes the exit code 1 (default: warning)
  --jobs N                          files linted in parallel (default: one per core)
  --quiet                           print diagnostics only, no summary
  --dump-sections FILE              print how a draft was split into sections
  --version                         print the version
  --help                            print this help

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, config or I/O error.
)";
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
    bool value_taken = false;
    auto value = [&]() -> std::optional<std::string> {
      value_taken = true;
      if (inline_value) return inline_value;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    if (name == "--help" || name == "-h") {
      o.action = Action::kHelp;
    } else if (name == "--version" || name == "-V") {
      o.action = Action::kVersion;
    } else if (name == "--list-rules") {
      o.action = Action::kListRules;
    } else if (name == "--lsp") {
      o.action = Action::kLsp;
    } else if (name == "--port" && o.action == Action::kServe) {
      auto v = value();
      char* end = nullptr;
      long port = v ? std::strtol(v->c_str(), &end, 10) : -1;
      if (!v || v->empty() || *end != '\0' || port < 0 || port > 65535)
        return std::string("--port needs a port number from 0 to 65535 (0 picks a free one)");
      o.port = static_cast<int>(port);
    } else if (name == "--open" && o.action == Action::kServe) {
      o.open_browser = true;
    } else if (name == "--explain") {
      auto v = value();
      if (!v) return std::string("--explain needs a rule ID, e.g. --explain salutation.generic");
      o.action = Action::kExplain;
      o.explain_rule = *v;
    } else if (name == "--show-config" || name == "--dump-sections") {
      auto v = value();
      if (!v) return fmt::format("{} needs a file", name);
      o.action = name == "--show-config" ? Action::kShowConfig : Action::kDumpSections;
      o.paths.push_back(*v);
    } else if (name == "--format" || name == "-f") {
      auto v = value();
      if (!v) return std::string("--format needs one of text, json, sarif, github");
      if (*v == "text") o.format = Format::kText;
      else if (*v == "json") o.format = Format::kJson;
      else if (*v == "sarif") o.format = Format::kSarif;
      else if (*v == "github") o.format = Format::kGithub;
      else return fmt::format("unknown format '{}' (expected text, json, sarif or github)", *v);
    } else if (name == "--config" || name == "-c") {
      auto v = value();
      if (!v) return std::string("--config needs a file");
      o.config = *v;
    } else if (name == "--kind") {
      auto v = value();
      if (!v || (*v != "thank-you" && *v != "status-inquiry" && *v != "rejection-reply"))
        return std::string("--kind needs one of thank-you, status-inquiry, rejection-reply");
      o.kind = *v;
    } else if (name == "--context") {
      auto v = value();
      if (!v || v->find('=') == std::string::npos) return std::string("--context needs KEY=VALUE");
      o.context.push_back(*v);
    } else if (name == "--template") {
      o.template_mode = true;
    } else if (name == "--fix") {
      o.fix = true;
    } else if (name == "--unsafe-fixes") {
      o.unsafe_fixes = true;
    } else if (name == "--dry-run") {
      o.dry_run = true;
    } else if (name == "--color" || name == "--colour") {
      auto v = value();
      if (!v) return std::string("--color needs auto, always or never");
      if (*v == "auto") o.color = ColorMode::kAuto;
      else if (*v == "always") o.color = ColorMode::kAlways;
      else if (*v == "never") o.color = ColorMode::kNever;
      else return fmt::format("unknown color mode '{}' (expected auto, always or never)", *v);
    } else if (name == "--fail-on") {
      auto v = value();
      auto s = v ? core::parse_severity(*v) : std::nullopt;
      if (!s) return std::string("--fail-on needs error, warning or info");
      o.fail_on = *s;
    } else if (name == "--jobs" || name == "-j") {
      auto v = value();
      unsigned n = 0;
      bool ok = false;
      if (v) {
        auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
        ok = ec == std::errc() && end == v->data() + v->size() && n >= 1 && n <= 1024;
      }
      if (!ok) return std::string("--jobs needs a number from 1 to 1024");
      o.jobs = n;
    } else if (name == "--quiet" || name == "-q") {
      o.quiet = true;
    } else {
      return fmt::format("unknown option '{}' (see --help)", arg);
    }
    if (inline_value && !value_taken) return fmt::format("{} takes no value (found '{}')", name, arg);
  }
  if (o.action == Action::kLint && o.paths.empty()) return std::string("no input: give files, folders or '-' (see --help)");
  if ((o.unsafe_fixes || o.dry_run) && !o.fix) return std::string("--unsafe-fixes and --dry-run go with --fix");
  return o;
}

}  // namespace followup::cli
