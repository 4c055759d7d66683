// Command-line options of followup-lint (SPEC §6), parsed without side effects.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/severity.hpp"

namespace followup::cli {

enum class Format { kText, kJson, kSarif, kGithub };
enum class ColorMode { kAuto, kAlways, kNever };
enum class Action { kLint, kExplain, kListRules, kShowConfig, kDumpSections, kLsp, kServe, kVersion, kHelp };

struct Options {
  Action action = Action::kLint;
  std::vector<std::string> paths;
  Format format = Format::kText;
  std::optional<std::string> config;
  std::optional<std::string> kind;
  std::vector<std::string> context;  // KEY=VALUE
  bool template_mode = false;
  bool fix = false;
  bool unsafe_fixes = false;
  bool dry_run = false;    // --fix --dry-run or --diff: show the fixes as a diff, write nothing
  bool diff_only = false;  // --diff: the diff alone, no findings; exit 1 when there is one
  ColorMode color = ColorMode::kAuto;
  bool color_given = false;  // --color was on the command line (it wins over NO_COLOR / FORCE_COLOR)
  core::Severity fail_on = core::Severity::kWarning;
  unsigned jobs = 0;  // 0 = one per core
  bool quiet = false;
  std::vector<std::string> select;  // rule IDs or groups ("style"); empty = every rule
  std::vector<std::string> ignore;
  bool statistics = false;
  std::optional<std::string> stdin_filename;
  std::optional<std::string> output_file;
  bool exit_zero = false;
  bool force_exclude = false;
  bool follow_links = false;
  std::string explain_rule;
  int port = 8480;            // serve: 0 picks a free port
  bool open_browser = false;  // serve --open
};

// Returns the options, or an error message for a usage error (exit code 2).
std::variant<Options, std::string> parse_options(const std::vector<std::string>& args);

std::string usage_text();

}  // namespace followup::cli
