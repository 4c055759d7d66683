#include "rules/params.hpp"

#include <fmt/format.h>

#include <atomic>

#include "rules/builtin_rules.hpp"

namespace followup::rules {

namespace {
std::atomic<bool> validate_builtin{false};

bool is_builtin_file(const std::string& file) {
  for (const auto& f : builtin_rule_files())
    if (f.path == file) return true;
  return false;
}
}  // namespace

void set_validate_builtin_patterns(bool on) { validate_builtin = on; }

// A pattern as quoted in an error: long ones are cut, so one message stays one line.
static std::string excerpt_pattern(const std::string& pattern) {
  if (pattern.size() <= 80) return pattern;
  size_t end = 77;
  while (end > 0 && (static_cast<unsigned char>(pattern[end]) & 0xC0) == 0x80) --end;
  return pattern.substr(0, end) + "...";
}

core::Origin Params::origin_for(const std::string& key) const {
  auto it = table_.find(key);
  if (it != table_.end() && it->second.origin.line != 0) return it->second.origin;
  return origin_;
}

void Params::error(const std::string& key, const std::string& message) {
  errors_.push_back({origin_for(key), message});
}

void Params::error_at(const core::Origin& origin, const std::string& message) {
  errors_.push_back({origin.line ? origin : origin_, message});
}

const core::Value* Params::raw(const std::string& key) {
  read_.insert(key);
  auto it = table_.find(key);
  return it == table_.end() ? nullptr : &it->second;
}

std::string Params::string(const std::string& key, const std::string& fallback) {
  const core::Value* v = raw(key);
  if (!v) return fallback;
  if (!v->is_string()) {
    error(key, fmt::format("'{}' must be a string, not {}", key, v->type_name()));
    return fallback;
  }
  return v->str();
}

std::vector<std::string> Params::strings(const std::string& key) {
  std::vector<std::string> out;
  const core::Value* v = raw(key);
  if (!v) return out;
  if (v->is_string()) return {v->str()};
  if (!v->is_array()) {
    error(key, fmt::format("'{}' must be an array of strings, not {}", key, v->type_name()));
    return out;
  }
  for (const auto& item : v->array()) {
    if (!item.is_string()) {
      error_at(item.origin, fmt::format("'{}' must hold only strings, found {}", key, item.type_name()));
      continue;
    }
    out.push_back(item.str());
  }
  return out;
}

int64_t Params::integer(const std::string& key, int64_t fallback) {
  const core::Value* v = raw(key);
  if (!v) return fallback;
  if (!v->is_int()) {
    error(key, fmt::format("'{}' must be an integer, not {}", key, v->type_name()));
    return fallback;
  }
  return v->integer();
}

double Params::number(const std::string& key, double fallback) {
  const core::Value* v = raw(key);
  if (!v) return fallback;
  if (!v->is_number()) {
    error(key, fmt::format("'{}' must be a number, not {}", key, v->type_name()));
    return fallback;
  }
  return v->number();
}

bool Params::boolean(const std::string& key, bool fallback) {
  const core::Value* v = raw(key);
  if (!v) return fallback;
  if (!v->is_bool()) {
    error(key, fmt::format("'{}' must be true or false, not {}", key, v->type_name()));
    return fallback;
  }
  return v->boolean();
}

std::vector<std::pair<std::string, std::string>> Params::string_map(const std::string& key) {
  std::vector<std::pair<std::string, std::string>> out;
  const core::Value* v = raw(key);
  if (!v) return out;
  if (!v->is_table()) {
    error(key, fmt::format("'{}' must be a table of strings, not {}", key, v->type_name()));
    return out;
  }
  for (const auto& [k, item] : v->table()) {
    if (!item.is_string()) {
      error_at(item.origin, fmt::format("'{}.{}' must be a string, not {}", key, k, item.type_name()));
      continue;
    }
    out.emplace_back(k, item.str());
  }
  return out;
}

std::map<std::string, int64_t> Params::int_map(const std::string& key) {
  std::map<std::string, int64_t> out;
  const core::Value* v = raw(key);
  if (!v) return out;
  if (v->is_int()) {
    out["*"] = v->integer();
    return out;
  }
  if (!v->is_table()) {
    error(key, fmt::format("'{}' must be an integer or a table of integers, not {}", key, v->type_name()));
    return out;
  }
  for (const auto& [k, item] : v->table()) {
    if (!item.is_int()) {
      error_at(item.origin, fmt::format("'{}.{}' must be an integer, not {}", key, k, item.type_name()));
      continue;
    }
    out[k] = item.integer();
  }
  return out;
}

match::PatternList Params::patterns(const std::string& key) { return pattern_list(read_patterns(key), false); }

match::PatternList Params::section_patterns(const std::string& key) { return pattern_list(read_patterns(key), true); }

match::PatternList Params::pattern_list(std::vector<std::string> sources, bool over_sections) {
  if (!sets_) return match::PatternList(std::move(sources));
  return sets_->make(std::move(sources), over_sections ? parts_ : 0);
}

std::vector<std::string> Params::read_patterns(const std::string& key) {
  std::vector<std::string> out;
  const core::Value* v = raw(key);
  if (!v) return out;
  std::vector<const core::Value*> items;
  if (v->is_string()) {
    items.push_back(v);
  } else if (v->is_array()) {
    for (const auto& item : v->array()) items.push_back(&item);
  } else {
    error(key, fmt::format("'{}' must be an array of patterns, not {}", key, v->type_name()));
    return out;
  }
  for (const core::Value* item : items) {
    if (!item->is_string()) {
      error_at(item->origin, fmt::format("'{}' must hold only strings, found {}", key, item->type_name()));
      continue;
    }
    if (valid_pattern(*item)) out.push_back(item->str());
  }
  return out;
}

std::vector<std::string> Params::word_list(const std::string& name) const {
  if (!word_lists_) return {};
  auto it = word_lists_->find(name);
  return it == word_lists_->end() ? std::vector<std::string>{} : it->second;
}

bool Params::valid_pattern(const core::Value& item) {
  if (!validate_builtin && is_builtin_file(item.origin.file)) return true;
  auto why = match::pattern_error(item.str());
  if (!why) return true;
  error_at(item.origin, fmt::format("invalid pattern '{}': {}", excerpt_pattern(item.str()), *why));
  return false;
}

void Params::report_unknown(const std::set<std::string>& also_known) {
  for (const auto& [key, value] : table_) {
    if (read_.count(key) || also_known.count(key)) continue;
    error_at(value.origin, fmt::format("unknown key '{}' for this rule", key));
  }
}

}  // namespace followup::rules
