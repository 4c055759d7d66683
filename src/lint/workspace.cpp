#include "lint/workspace.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "text/compare.hpp"

namespace followup::lint {

using rules::builtin_rule_errors;
using rules::builtin_rules;
using rules::LoadError;
using rules::read_rule_file;
using rules::RuleFile;
using rules::RuleSet;

namespace fs = std::filesystem;

namespace {

// The rule IDs the built-in and user rule files define ("<file stem>.<key>", as RuleSet names them).
std::set<std::string> defined_rule_ids(const std::vector<RuleFile>& user_rules) {
  std::set<std::string> ids;
  auto add = [&](const RuleFile& file) {
    std::string stem = fs::path(file.path).stem().string();
    for (const auto& [key, value] : file.root.table())
      if (value.is_table()) ids.insert(stem + "." + key);
  };
  for (const auto& f : builtin_rules()) add(f);
  for (const auto& f : user_rules) add(f);
  return ids;
}

// [[overrides]] and [[suppress]] must name rules that exist, whether or not
// their globs match the files of this run ([rules] is checked by RuleSet).
void check_rule_ids(const config::Config& config, const std::vector<RuleFile>& user_rules,
                    std::vector<LoadError>& errors) {
  std::set<std::string> ids = defined_rule_ids(user_rules);
  std::vector<std::string> known(ids.begin(), ids.end());
  auto unknown = [&](const std::string& id, const char* where) {
    std::string near = text::closest_word(id, known);
    return near.empty() ? fmt::format("unknown rule '{}' in {} (see --list-rules)", id, where)
                        : fmt::format("unknown rule '{}' in {}; did you mean '{}'?", id, where, near);
  };
  for (const auto& o : config.overrides)
    for (const auto& [id, table] : o.rules)
      if (!ids.count(id)) errors.push_back({table.origin, unknown(id, "[[overrides]]")});
  for (const auto& s : config.suppressions)
    if (!ids.count(s.rule)) errors.push_back({s.origin, unknown(s.rule, "[[suppress]]")});
}

bool selected_by(const std::vector<std::string>& names, const std::string& id) {
  for (const auto& name : names)
    if (name == id || id.compare(0, name.size() + 1, name + ".") == 0) return true;
  return false;
}

// --select and --ignore as rule settings: a rule left out is "off"; a rule
// selected by its own ID runs even where the config turned it off.
void apply_selection(const RuleSelection& selection, const std::vector<RuleFile>& user_rules,
                     std::map<std::string, core::Value>& rule_settings) {
  for (const auto& id : defined_rule_ids(user_rules)) {
    bool on = (selection.select.empty() || selected_by(selection.select, id)) && !selected_by(selection.ignore, id);
    core::Value& settings = rule_settings[id];
    if (!settings.is_table()) settings.data = core::Table{};
    auto& table = std::get<core::Table>(settings.data);
    if (!on) {
      table["severity"].data = std::string("off");
      table["severity"].origin = {"--select/--ignore", 0, 0};
    } else if (std::count(selection.select.begin(), selection.select.end(), id)) {
      auto severity = table.find("severity");
      if (severity != table.end() && severity->second.is_string() && severity->second.str() == "off") table.erase(severity);
    }
  }
}

}  // namespace

std::vector<std::string> Workspace::rule_names(const std::filesystem::path& file) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [entry, rel] = locate(file);
  std::vector<std::string> names;
  for (const auto& id : defined_rule_ids(entry->user_rules)) {
    std::string group = id.substr(0, id.find('.'));
    if (names.empty() || names.back() != group) names.push_back(group);
  }
  for (const auto& id : defined_rule_ids(entry->user_rules)) names.push_back(id);
  return names;
}

Workspace::Workspace(WorkspaceOptions options) : options_(std::move(options)) {
  std::error_code ec;
  cwd_ = fs::current_path(ec);
}

fs::path Workspace::absolute(const fs::path& file) const { return file.is_absolute() ? file : cwd_ / file; }

// `folder` is empty for a config named without a folder (--config my.toml): the current one.
std::string Workspace::relative_to(const fs::path& file, const fs::path& folder) const {
  fs::path abs = absolute(file).lexically_normal();
  fs::path base = folder.empty() ? cwd_ : absolute(folder);
  fs::path rel = abs.lexically_relative(base.lexically_normal());
  if (rel.empty() || rel.native().rfind("..", 0) == 0) return file.generic_string();
  return rel.generic_string();
}

std::shared_ptr<Workspace::ConfigEntry> Workspace::entry_for(const fs::path& file) {
  std::string config_path;
  if (options_.config_path) {
    config_path = options_.config_path->string();
  } else {
    fs::path folder = absolute(file).parent_path();
    auto cached = folder_to_config_.find(folder.string());
    if (cached != folder_to_config_.end()) {
      config_path = cached->second;
    } else if (auto parent = folder_to_config_.find(folder.parent_path().string());
               parent != folder_to_config_.end() && folder.has_parent_path() && folder.parent_path() != folder) {
      // A walk asks folder after folder down the tree: the parent's answer
      // holds unless this folder has a config of its own, so one look here
      // does (a search up from every folder of a deep tree cost its depth squared).
      std::error_code ec;
      fs::path own = folder / ".followup-lint.toml";
      config_path = fs::exists(fs::symlink_status(own, ec)) ? own.string() : parent->second;
      folder_to_config_[folder.string()] = config_path;
    } else {
      auto found = config::find_config(folder);
      config_path = found ? found->string() : options_.fallback_config ? options_.fallback_config->string() : "";
      folder_to_config_[folder.string()] = config_path;
    }
  }
  auto it = entries_.find(config_path);
  if (it != entries_.end()) return it->second;

  auto entry = std::make_shared<ConfigEntry>();
  if (!config_path.empty()) {
    // The command line reads --config once to check it; a reload reads the file again.
    auto loaded = options_.config_text ? config::parse_config(*options_.config_text, config_path)
                                       : config::load_config(config_path);
    options_.config_text.reset();
    if (auto* errors = std::get_if<std::vector<LoadError>>(&loaded)) {
      entry->errors = std::move(*errors);
    } else {
      entry->config = std::make_shared<config::Config>(std::move(std::get<config::Config>(loaded)));
      for (const auto& path : entry->config->rule_paths) {
        auto file_or_error = read_rule_file(path.string());
        if (auto* error = std::get_if<LoadError>(&file_or_error)) {
          entry->errors.push_back(*error);
        } else {
          entry->user_rules.push_back(std::move(std::get<RuleFile>(file_or_error)));
        }
      }
      if (entry->errors.empty()) check_rule_ids(*entry->config, entry->user_rules, entry->errors);
    }
  }
  entries_[config_path] = entry;
  return entry;
}

Workspace::Resolved Workspace::resolve(const fs::path& file) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [entry, rel] = locate(file);
  Resolved resolved;
  resolved.config = entry->config;
  resolved.errors = entry->errors;
  if (!entry->errors.empty()) return resolved;

  // [[overrides]] whose globs match this file change its rule settings.
  std::string key;
  std::map<std::string, core::Value> rule_settings;
  std::vector<const config::Suppression*> suppressions;
  if (entry->config) {
    rule_settings = entry->config->rules;
    for (size_t i = 0; i < entry->config->overrides.size(); ++i) {
      const auto& o = entry->config->overrides[i];
      bool match = false;
      for (const auto& glob : o.files) match = match || config::glob_match(glob, rel);
      if (!match) continue;
      key += fmt::format("{},", i);
      for (const auto& [id, table] : o.rules) {
        core::Value& merged = rule_settings[id];
        if (!merged.is_table()) merged = table;
        else
          for (const auto& [k, v] : table.table()) merged.table()[k] = v;
      }
    }
    for (const auto& s : entry->config->suppressions) {
      bool match = s.files.empty();
      for (const auto& glob : s.files) match = match || config::glob_match(glob, rel);
      if (match) suppressions.push_back(&s);
    }
  }
  if (!options_.selection.empty()) apply_selection(options_.selection, entry->user_rules, rule_settings);
  auto cached = entry->settings.find(key);
  std::shared_ptr<const LintSettings> base;
  if (cached != entry->settings.end()) {
    base = cached->second;
  } else {
    std::vector<LoadError> errors = builtin_rule_errors();
    std::vector<const RuleFile*> files;
    for (const auto& f : builtin_rules()) files.push_back(&f);
    for (const auto& f : entry->user_rules) files.push_back(&f);
    auto settings = std::make_shared<LintSettings>();
    rules::DataSettings data;
    if (entry->config) data = {entry->config->kind_signals, entry->config->words};
    settings->rules = RuleSet::build(files, rule_settings, errors, data);
    if (entry->config) {
      config::apply_context(settings->context, entry->config->context, "config " + entry->config->path.string(), errors);
      settings->region = entry->config->region;
      settings->encoding = entry->config->encoding;
    }
    settings->command_line_context = options_.command_line_context;
    {
      core::Context scratch;
      config::apply_context(scratch, options_.command_line_context, "command line", errors);
    }
    if (!errors.empty()) {
      entry->errors = errors;
      resolved.errors = std::move(errors);
      return resolved;
    }
    entry->settings[key] = settings;
    base = settings;
  }
  if (suppressions.empty()) {
    resolved.settings = base;
  } else {
    auto with = std::make_shared<LintSettings>(*base);
    with->suppressions = std::move(suppressions);
    resolved.settings = with;
  }
  return resolved;
}

bool Workspace::excluded(const fs::path& file, bool folder) {
  std::shared_ptr<ConfigEntry> entry;
  std::string rel;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::tie(entry, rel) = locate(file);
  }
  if (!entry->config) return false;
  const auto& globs = entry->config->exclude;
  for (size_t i = 0; i < globs.size(); ++i) {
    bool hit = folder ? config::glob_match_entry(globs[i], rel, true) : config::glob_match(globs[i], rel);
    if (!hit) continue;
    std::lock_guard<std::mutex> lock(mutex_);
    entry->exclude_hits.resize(globs.size());
    entry->exclude_hits[i] = 1;
    return true;
  }
  return false;
}

std::vector<UnmatchedGlob> Workspace::unmatched_excludes(const std::vector<fs::path>& walked) {
  auto inside = [](const fs::path& path, const fs::path& folder) {
    fs::path rel = path.lexically_relative(folder);
    return !rel.empty() && rel.native().rfind("..", 0) != 0;
  };
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<UnmatchedGlob> out;
  for (const auto& [path, entry] : entries_) {
    if (!entry->config || !entry->errors.empty()) continue;
    const auto& config = *entry->config;
    fs::path folder = absolute(config.folder).lexically_normal();
    // Only a walk over the config's whole folder saw every file a pattern
    // could name; in a walk of a subfolder, a pattern may rightly match nothing.
    bool whole = false;
    for (const auto& root : walked) whole = whole || inside(folder, absolute(root).lexically_normal());
    if (!whole) continue;
    for (size_t i = 0; i < config.exclude.size(); ++i)
      if (i >= entry->exclude_hits.size() || !entry->exclude_hits[i])
        out.push_back({config.exclude[i], i < config.exclude_origins.size() ? config.exclude_origins[i] : core::Origin{}});
  }
  return out;
}

// Path arithmetic is dear next to a glob match (a walk asks for every
// file), so each folder's config and place relative to it are kept.
std::pair<std::shared_ptr<Workspace::ConfigEntry>, std::string> Workspace::locate(const fs::path& file) {
  std::string name = file.filename().string();
  std::string parent = file.parent_path().string();
  auto known = folders_.find(parent);
  if (known == folders_.end()) {
    auto entry = entry_for(file);
    fs::path folder = parent.empty() ? fs::path(".") : fs::path(parent);
    std::string rel = relative_to(folder, entry->config ? entry->config->folder : fs::path());
    std::string prefix = rel == "." ? "" : rel + "/";
    known = folders_.emplace(parent, Folder{entry, std::move(prefix)}).first;
  }
  return {known->second.entry, known->second.prefix + name};
}

void Workspace::invalidate() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
  folder_to_config_.clear();
  folders_.clear();
}

std::vector<fs::path> Workspace::config_files() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<fs::path> out;
  for (const auto& [path, entry] : entries_) {
    if (path.empty()) continue;
    out.push_back(absolute(path));
    if (entry->config)
      for (const auto& rules : entry->config->rule_paths) out.push_back(absolute(rules));
  }
  return out;
}

std::vector<std::shared_ptr<const config::Config>> Workspace::configs() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::shared_ptr<const config::Config>> out;
  for (const auto& [path, entry] : entries_)
    if (entry->config && entry->errors.empty()) out.push_back(entry->config);
  return out;
}

}  // namespace followup::lint
