#include "config/config.hpp"

#include "text/compare.hpp"

#include <fmt/format.h>

#include <cctype>

#include <algorithm>
#include <sstream>
#include <tuple>

#include "platform/system.hpp"

namespace followup::config {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> string_list(const core::Value& v, const std::string& key, std::vector<LoadError>& errors) {
  std::vector<std::string> out;
  if (v.is_string()) return {v.str()};
  if (!v.is_array()) {
    errors.push_back({v.origin, fmt::format("'{}' must be an array of strings, not {}", key, v.type_name())});
    return out;
  }
  for (const auto& item : v.array()) {
    if (item.is_string()) {
      out.push_back(item.str());
    } else {
      errors.push_back({item.origin, fmt::format("'{}' must hold only strings, found {}", key, item.type_name())});
    }
  }
  return out;
}

// A list of globs: each must compile, and each keeps where it was written
// (for "this exclude pattern matched nothing").
std::vector<std::string> glob_list(const core::Value& v, const std::string& key, std::vector<LoadError>& errors,
                                   std::vector<core::Origin>* origins = nullptr) {
  std::vector<std::string> out = string_list(v, key, errors);
  std::vector<const core::Value*> items;
  if (v.is_string()) items.push_back(&v);
  else if (v.is_array())
    for (const auto& item : v.array())
      if (item.is_string()) items.push_back(&item);
  for (const auto* item : items) {
    if (origins) origins->push_back(item->origin);
    auto compiled = Glob::compile(item->str());
    if (auto* why = std::get_if<std::string>(&compiled))
      errors.push_back({item->origin, fmt::format("'{}' is not a glob that can match: {}", item->str(), *why)});
  }
  return out;
}

void read_rules_table(const core::Value& v, std::map<std::string, core::Value>& out, std::vector<LoadError>& errors) {
  if (!v.is_table()) {
    errors.push_back({v.origin, fmt::format("'rules' must be a table, not {}", v.type_name())});
    return;
  }
  for (const auto& [id, settings] : v.table()) {
    if (!settings.is_table()) {
      errors.push_back({settings.origin, fmt::format("[rules.\"{}\"] must be a table, not {}", id, settings.type_name())});
      continue;
    }
    out[id] = settings;
  }
}

}  // namespace

namespace {

// [input] encoding = "windows-1252", region = "GB".
void read_input_table(const core::Value& value, Config& config, std::vector<LoadError>& errors) {
  if (!value.is_table()) {
    errors.push_back({value.origin, "'input' must be a table ([input])"});
    return;
  }
  for (const auto& [k, v] : value.table()) {
    if (k == "encoding" && v.is_string()) {
      config.encoding = v.str();
    } else if (k == "region" && v.is_string() && v.str().size() == 2 && std::isalpha(static_cast<unsigned char>(v.str()[0])) &&
               std::isalpha(static_cast<unsigned char>(v.str()[1]))) {
      config.region = v.str();
      for (char& c : config.region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (k == "region") {
      errors.push_back({v.origin, "'region' must be a two-letter country code, e.g. \"US\" or \"GB\""});
    } else {
      errors.push_back({v.origin, fmt::format("unexpected key '{}' in [input] (expected 'encoding' or 'region' as strings)", k)});
    }
  }
}

}  // namespace

namespace {

// The repository that holds `folder`: the nearest folder at or above it with
// a .git, else `folder` itself.
fs::path repository_of(const fs::path& folder) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(folder, ec), ec);
  for (fs::path up = dir; !up.empty(); up = up.parent_path()) {
    if (fs::exists(up / ".git", ec)) return up;
    if (up == up.parent_path()) break;
  }
  return dir;
}

// Rule files are code the linter runs on every draft: a config may name only
// those inside its own repository (a shared config must not reach ../secret
// or /etc), unless it says rule_paths_outside = true. The error names the
// path as written, never what the file holds.
void check_rule_paths_inside(const Config& config, const core::Value& value, std::vector<LoadError>& errors) {
  const fs::path root = repository_of(config.folder.empty() ? fs::path(".") : config.folder);
  std::vector<const core::Value*> items;
  if (value.is_string()) items.push_back(&value);
  else if (value.is_array())
    for (const auto& item : value.array())
      if (item.is_string()) items.push_back(&item);
  for (const auto* item : items) {
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(fs::absolute(config.folder / item->str(), ec), ec);
    fs::path rel = resolved.lexically_relative(root);
    if (!rel.empty() && rel.native().rfind("..", 0) != 0) continue;
    errors.push_back({item->origin, fmt::format("the rule file '{}' is outside the repository that holds this config ({}); "
                                                "keep rule files inside it, or set rule_paths_outside = true",
                                                item->str(), root.string())});
  }
}

}  // namespace

std::variant<Config, std::vector<LoadError>> parse_config(std::string_view text, const fs::path& path) {
  std::vector<LoadError> errors;
  auto parsed = parse_toml(text, path.string());
  if (auto* e = std::get_if<LoadError>(&parsed)) return std::vector<LoadError>{*e};
  const core::Value& root = std::get<core::Value>(parsed);
  Config config;
  config.path = path;
  config.folder = path.parent_path();
  const core::Value* rule_paths_value = nullptr;
  bool rule_paths_outside = false;
  for (const auto& [key, value] : root.table()) {
    if (key == "context") {
      if (!value.is_table()) {
        errors.push_back({value.origin, "'context' must be a table"});
        continue;
      }
      config.context = value.table();
      core::Context scratch;
      apply_context(scratch, config.context, "config", errors);
    } else if (key == "rules") {
      read_rules_table(value, config.rules, errors);
    } else if (key == "rule_paths") {
      for (const auto& p : string_list(value, key, errors)) config.rule_paths.push_back(config.folder / p);
      rule_paths_value = &value;
    } else if (key == "rule_paths_outside") {
      if (value.is_bool()) rule_paths_outside = value.boolean();
      else errors.push_back({value.origin, "'rule_paths_outside' must be true or false"});
    } else if (key == "exclude") {
      config.exclude = glob_list(value, key, errors, &config.exclude_origins);
    } else if (key == "overrides") {
      if (!value.is_array()) {
        errors.push_back({value.origin, "'overrides' must be an array of tables ([[overrides]])"});
        continue;
      }
      for (const auto& item : value.array()) {
        if (!item.is_table()) {
          errors.push_back({item.origin, "each [[overrides]] entry must be a table"});
          continue;
        }
        FileOverride o;
        o.origin = item.origin;
        for (const auto& [k, v] : item.table()) {
          if (k == "files") {
            o.files = glob_list(v, k, errors);
          } else if (k == "rules") {
            read_rules_table(v, o.rules, errors);
          } else {
            errors.push_back({v.origin, fmt::format("unknown key '{}' in [[overrides]] (expected 'files' or 'rules')", k)});
          }
        }
        if (o.files.empty()) errors.push_back({item.origin, "[[overrides]] needs 'files', a list of globs"});
        config.overrides.push_back(std::move(o));
      }
    } else if (key == "suppress") {
      if (!value.is_array()) {
        errors.push_back({value.origin, "'suppress' must be an array of tables ([[suppress]])"});
        continue;
      }
      for (const auto& item : value.array()) {
        if (!item.is_table()) {
          errors.push_back({item.origin, "each [[suppress]] entry must be a table"});
          continue;
        }
        Suppression s;
        s.origin = item.origin;
        for (const auto& [k, v] : item.table()) {
          if (k == "rule" && v.is_string()) {
            s.rule = v.str();
          } else if (k == "files") {
            s.files = glob_list(v, k, errors);
          } else if (k == "match" && v.is_string()) {
            s.match = v.str();
          } else {
            errors.push_back({v.origin, fmt::format("unexpected key '{}' in [[suppress]] (expected 'rule', 'files', 'match' as strings)", k)});
          }
        }
        if (s.rule.empty()) errors.push_back({item.origin, "[[suppress]] needs 'rule', a rule ID"});
        config.suppressions.push_back(std::move(s));
      }
    } else if (key == "input") {
      read_input_table(value, config, errors);
    } else if ((key == "kind_signals" || key == "words") && value.is_table()) {
      (key == "words" ? config.words : config.kind_signals) = value.table();
    } else if (key == "kind_signals" || key == "words") {
      errors.push_back({value.origin, fmt::format("'{}' must be a table ([{}])", key, key)});
    } else {
      static const std::vector<std::string> kKeys = {"context", "rules", "rule_paths", "rule_paths_outside", "exclude",
                                                     "overrides", "suppress", "input", "kind_signals", "words"};
      std::string near = text::closest_word(key, kKeys);
      errors.push_back({value.origin, near.empty() ? fmt::format("unknown key '{}' (expected context, rules, rule_paths, "
                                                                 "rule_paths_outside, exclude, overrides, suppress, input, "
                                                                 "kind_signals or words)", key)
                                                   : fmt::format("unknown key '{}'; did you mean '{}'?", key, near)});
    }
  }
  if (rule_paths_value && !rule_paths_outside) check_rule_paths_inside(config, *rule_paths_value, errors);
  if (!errors.empty()) {
    // Tables iterate by key; report in the order of the file, like a compiler.
    std::stable_sort(errors.begin(), errors.end(), [](const LoadError& a, const LoadError& b) {
      return std::tie(a.origin.line, a.origin.column) < std::tie(b.origin.line, b.origin.column);
    });
    return errors;
  }
  return config;
}

std::variant<Config, std::vector<LoadError>> load_config(const fs::path& path) {
  std::string error;
  auto text = platform::read_file(path.string(), error);
  if (!text) {
    error.insert(0, "cannot read the config file: ");
    return std::vector<LoadError>{{{path.string(), 0, 0}, std::move(error)}};
  }
  return parse_config(*text, path);
}

std::optional<fs::path> find_config(const fs::path& folder) {
  std::error_code ec;
  fs::path dir = fs::absolute(folder, ec).lexically_normal();
  if (ec) return std::nullopt;
  if (!dir.has_filename() && dir.has_parent_path()) dir = dir.parent_path();  // "drafts/." -> "drafts"
  for (int depth = 0; depth < 256; ++depth) {
    fs::path candidate = dir / ".followup-lint.toml";
    // Anything by that name is the config, readable or not (a dangling link,
    // a loop, a FIFO, a folder): loading it then says what is wrong, rather
    // than the search going on upwards to settings the user did not mean.
    if (fs::exists(fs::symlink_status(candidate, ec))) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

namespace {

std::optional<std::string> want_string(const core::Value& v, const std::string& key, std::vector<LoadError>& errors) {
  if (v.is_string()) return v.str();
  errors.push_back({v.origin, fmt::format("context key '{}' must be a string, not {}", key, v.type_name())});
  return std::nullopt;
}

std::optional<core::DateTime> want_date(const core::Value& v, const std::string& key, std::vector<LoadError>& errors) {
  if (v.is_string()) {
    if (auto d = core::parse_date(v.str())) return d;
  }
  errors.push_back({v.origin, fmt::format("context key '{}' must be a date such as 2026-11-20 or 2026-11-20T15:00:00-05:00", key)});
  return std::nullopt;
}

}  // namespace

void apply_context(core::Context& context, const core::Table& table, const std::string& origin_label,
                   std::vector<LoadError>& errors) {
  for (const auto& [key, v] : table) {
    bool ok = true;
    auto mark = [&, &name = key] { context.origins[name] = origin_label; };  // clang 14 cannot capture `key` itself
    if (key == "kind") {
      if (auto s = want_string(v, key, errors)) {
        if (auto k = core::parse_kind(*s)) {
          context.kind = *k;
        } else {
          errors.push_back({v.origin, fmt::format("unknown kind '{}' (expected thank-you, status-inquiry or rejection-reply)", *s)});
          ok = false;
        }
      }
    } else if (key == "medium" || key == "culture" || key == "relationship") {
      static const std::map<std::string, std::vector<std::string>> allowed = {
          {"medium", {"email", "letter"}}, {"culture", {"formal", "casual"}}, {"relationship", {"new", "known"}}};
      if (auto s = want_string(v, key, errors)) {
        const auto& options = allowed.at(key);
        if (std::find(options.begin(), options.end(), *s) == options.end()) {
          errors.push_back({v.origin, fmt::format("'{}' must be '{}' or '{}', not '{}'", key, options[0], options[1], *s)});
          ok = false;
        } else if (key == "medium") {
          context.medium = *s;
        } else if (key == "culture") {
          context.culture = *s;
        } else {
          context.relationship = *s;
        }
      }
    } else if (key == "position" || key == "company" || key == "candidate") {
      if (auto s = want_string(v, key, errors)) {
        (key == "position" ? context.position : key == "company" ? context.company : context.candidate) = *s;
      }
    } else if (key == "interviewers") {
      context.interviewers = string_list(v, key, errors);
    } else if (key == "attachments") {
      context.attachments = string_list(v, key, errors);
    } else if (key == "placeholders") {
      context.placeholders = string_list(v, key, errors);
    } else if (key == "interview_date" || key == "sent_date" || key == "reply_expected_by") {
      if (auto d = want_date(v, key, errors)) {
        (key == "interview_date" ? context.interview_date
                                 : key == "sent_date" ? context.sent_date : context.reply_expected_by) = *d;
      }
    } else if (key == "no_follow_up" || key == "template") {
      if (v.is_bool()) {
        (key == "template" ? context.template_mode : context.no_follow_up) = v.boolean();
      } else {
        errors.push_back({v.origin, fmt::format("context key '{}' must be true or false", key)});
      }
    } else if (key == "disable") {
      continue;  // front matter suppression list, read by the linter
    } else {
      std::string near = text::closest_word(key, core::context_keys());
      errors.push_back({v.origin, near.empty() ? fmt::format("unknown context key '{}'", key)
                                               : fmt::format("unknown context key '{}'; did you mean '{}'?", key, near)});
      ok = false;
    }
    if (ok) mark();
  }
}

std::variant<std::pair<std::string, core::Value>, std::string> parse_context_flag(std::string_view flag) {
  auto eq = flag.find('=');
  if (eq == std::string_view::npos || eq == 0) return std::string("expected KEY=VALUE");
  std::string key(flag.substr(0, eq));
  std::string value(flag.substr(eq + 1));
  auto parsed = parse_toml(fmt::format("v = {}", value), "--context");
  core::Value v;
  v.origin = {"--context", 0, 0};
  // Keys that take text keep the text as written: "--context position=2026" or "company=inf".
  static const std::vector<std::string> text_keys = {
      "kind", "medium", "position", "company", "candidate", "culture", "relationship"};
  bool text_key = std::find(text_keys.begin(), text_keys.end(), key) != text_keys.end();
  auto* root = std::get_if<core::Value>(&parsed);
  if (root && !(text_key && !root->table().at("v").is_string())) {
    v = root->table().at("v");
    v.origin = {"--context", 0, 0};
  } else {
    v.data = value;
  }
  static const std::vector<std::string> list_keys = {"interviewers", "attachments", "placeholders"};
  if (v.is_string() && std::find(list_keys.begin(), list_keys.end(), key) != list_keys.end()) {
    core::Array items;
    std::string item;
    std::stringstream in(v.str());
    while (std::getline(in, item, ',')) {
      core::Value entry;
      auto b = item.find_first_not_of(' ');
      auto e = item.find_last_not_of(' ');
      if (b == std::string::npos) continue;
      entry.data = item.substr(b, e - b + 1);
      items.push_back(entry);
    }
    v.data = std::move(items);
  }
  return std::make_pair(key, v);
}

}  // namespace followup::config
