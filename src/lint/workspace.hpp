// Workspace: finds the config for each draft (nearest .followup-lint.toml,
// or the one given with --config), builds and caches the rule set for it,
// and lints. Shared by the command line (many files, many threads) and the
// language server (many documents, config reloads). Thread-safe.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "lint/lint.hpp"

namespace followup::lint {

// --select / --ignore: rule IDs or groups (the part of an ID before the dot).
struct RuleSelection {
  std::vector<std::string> select;  // empty = every rule the config leaves on
  std::vector<std::string> ignore;
  bool empty() const { return select.empty() && ignore.empty(); }
};

struct WorkspaceOptions {
  std::optional<std::filesystem::path> config_path;  // --config; else discovery
  std::optional<std::string> config_text;            // config_path's text when already read (used once)
  // Where discovery finds no .followup-lint.toml: $FOLLOWUP_LINT_CONFIG or the user's own config.
  std::optional<std::filesystem::path> fallback_config;
  core::Table command_line_context;                  // --kind, --context, --template
  RuleSelection selection;
};

// An `exclude` glob that no file of the run matched.
struct UnmatchedGlob {
  std::string pattern;
  core::Origin origin;
};

class Workspace {
 public:
  // Relative paths are taken from the current folder at construction: it is
  // read once, not once per file.
  explicit Workspace(WorkspaceOptions options);

  struct Resolved {
    std::shared_ptr<const LintSettings> settings;  // null when the config failed
    std::vector<rules::LoadError> errors;                 // config and rule file errors
    std::shared_ptr<const config::Config> config;  // null when built-in defaults apply
  };
  // `file` locates the config (its folder is searched upward); for standard
  // input pass any name in the current folder ("stdin.txt").
  Resolved resolve(const std::filesystem::path& file);

  // Whether `file` (a folder when `folder`) matches the config's `exclude` globs.
  bool excluded(const std::filesystem::path& file, bool folder = false);

  // The exclude globs that matched nothing, in the configs whose folder
  // was walked whole (it lies within one of `walked`): that walk saw every
  // file they could name, so they are stale or mistyped.
  std::vector<UnmatchedGlob> unmatched_excludes(const std::vector<std::filesystem::path>& walked);

  // The groups and rule IDs that --select, --ignore and --explain may name
  // for drafts in `file`'s folder (built-in rules and the config's own).
  std::vector<std::string> rule_names(const std::filesystem::path& file);

  // Drops every cached config and rule set (the language server calls this
  // when a .followup-lint.toml changes).
  void invalidate();

  // Every config file read so far (those with errors too) and the rule files they name.
  std::vector<std::filesystem::path> config_files();

  // Every config loaded so far without errors, for reporting suppressions that matched nothing.
  std::vector<std::shared_ptr<const config::Config>> configs();

 private:
  struct ConfigEntry {
    std::shared_ptr<const config::Config> config;
    std::vector<rules::LoadError> errors;
    std::vector<rules::RuleFile> user_rules;
    std::map<std::string, std::shared_ptr<const LintSettings>> settings;  // by override key
    std::vector<char> exclude_hits;  // per config->exclude pattern
  };
  std::shared_ptr<ConfigEntry> entry_for(const std::filesystem::path& file);
  // The file's config entry and its path relative to the config's folder (for globs); mutex_ held.
  std::pair<std::shared_ptr<ConfigEntry>, std::string> locate(const std::filesystem::path& file);
  std::filesystem::path absolute(const std::filesystem::path& file) const;
  // `file` relative to `folder` (the current folder when empty), or as given when outside it.
  std::string relative_to(const std::filesystem::path& file, const std::filesystem::path& folder) const;

  WorkspaceOptions options_;
  std::filesystem::path cwd_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<ConfigEntry>> entries_;  // by config path ("" = defaults)
  std::map<std::string, std::string> folder_to_config_;           // discovery cache
  struct Folder {
    std::shared_ptr<ConfigEntry> entry;
    std::string prefix;  // the folder relative to its config's folder, with a trailing '/' ("" there)
  };
  std::map<std::string, Folder> folders_;  // by the folder as given
};

}  // namespace followup::lint
