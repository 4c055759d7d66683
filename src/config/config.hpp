// Config: one .followup-lint.toml, loaded and checked. Discovery walks up
// from a draft's folder; the nearest file wins. A config that fails to load
// yields LoadErrors naming file:line:col; nothing throws.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "config/glob.hpp"
#include "config/toml_value.hpp"
#include "core/context.hpp"
#include "core/value.hpp"

namespace followup::config {

struct FileOverride {
  std::vector<std::string> files;                // globs, relative to the config
  std::map<std::string, core::Value> rules;      // rule id -> settings table
  core::Origin origin;
};

struct Suppression {
  std::string rule;
  std::vector<std::string> files;  // globs; empty = every file
  std::string match;               // text the diagnostic's span must contain; empty = any
  core::Origin origin;
};

struct Config {
  std::filesystem::path path;    // empty for the built-in defaults
  std::filesystem::path folder;  // where relative paths and globs start
  core::Table context;           // [context]
  std::map<std::string, core::Value> rules;  // [rules."ID"]
  std::vector<std::filesystem::path> rule_paths;
  std::vector<std::string> exclude;           // globs (gitignore syntax), relative to the folder
  std::vector<core::Origin> exclude_origins;  // where each was written
  std::vector<FileOverride> overrides;
  std::vector<Suppression> suppressions;
  // [input]: how files are read.
  std::string encoding;       // for files that are not UTF-8 ("windows-1252"); empty = UTF-8
  std::string region = "US";  // the country whose phone numbers are written without a country code
  // Tuning of the data the rules share (rules/data/*.toml), checked when the rules are built.
  std::map<std::string, core::Value> kind_signals;  // [kind_signals."NAME"]
  std::map<std::string, core::Value> words;         // [words]
};

std::variant<Config, std::vector<LoadError>> load_config(const std::filesystem::path& path);
std::variant<Config, std::vector<LoadError>> parse_config(std::string_view text,
                                                          const std::filesystem::path& path);

// The nearest .followup-lint.toml at or above `folder`, if any.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& folder);

// Applies context keys from `table` to `context`, recording `origin_label`.
// Unknown keys and wrong types are errors.
void apply_context(core::Context& context, const core::Table& table, const std::string& origin_label,
                   std::vector<LoadError>& errors);

// Parses "KEY=VALUE" from the command line: VALUE is read as TOML when it
// parses (dates, booleans, arrays), else as a plain string.
std::variant<std::pair<std::string, core::Value>, std::string> parse_context_flag(std::string_view flag);


}  // namespace followup::config
