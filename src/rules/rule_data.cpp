#include "rules/rule_data.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/value_codec.hpp"
#include "rules/builtin_rules.hpp"
#include "text/compare.hpp"

namespace followup::rules {
namespace {

// The parsed tree of an embedded data file ("rules/data/words.toml").
const core::Value& builtin_data(std::string_view path) {
  static const std::map<std::string, core::Value, std::less<>> parsed = [] {
    std::map<std::string, core::Value, std::less<>> out;
    for (const auto& f : builtin_data_files())
      if (auto root = core::decode_value(f.data, std::string(f.path))) out.emplace(std::string(f.path), std::move(*root));
    return out;
  }();
  static const core::Value empty = [] {
    core::Value v;
    v.data = core::Table{};
    return v;
  }();
  auto it = parsed.find(path);
  return it == parsed.end() ? empty : it->second;
}

// One key of a signal's table onto `signal`; false when the key or its value
// is wrong. Built-in patterns are not compiled here (tests check them; a
// start-up would pay 11 M instructions for it), a config's are.
bool read_signal_key(KindSignal& signal, const std::string& key, const core::Value& value,
                     std::vector<LoadError>& errors, bool builtin = false) {
  if (key == "kind" && value.is_string()) {
    auto kind = core::parse_kind(value.str());
    if (kind && *kind != core::Kind::kUnknown) {
      signal.kind = *kind;
      return true;
    }
  } else if ((key == "subject" || key == "body") && value.is_int() && value.integer() >= 0 &&
             value.integer() <= 20) {
    (key == "subject" ? signal.subject_weight : signal.body_weight) = static_cast<int>(value.integer());
    return true;
  } else if (key == "pattern" && value.is_string()) {
    if (auto why = builtin ? std::nullopt : match::pattern_error(value.str())) {
      errors.push_back({value.origin, fmt::format("kind signal '{}': invalid pattern: {}", signal.name, *why)});
      return false;
    }
    signal.pattern = value.str();
    return true;
  }
  errors.push_back({value.origin,
                    fmt::format("kind signal '{}': '{}' is not one of kind = \"thank-you\" | \"status-inquiry\" | "
                                "\"rejection-reply\", subject = 0..20, body = 0..20, pattern = a regular expression",
                                signal.name, key)});
  return false;
}

KindSignal read_signal(const std::string& name, const core::Value& table, std::vector<LoadError>& errors,
                       bool builtin) {
  KindSignal signal;
  signal.name = name;
  for (const auto& [key, value] : table.table()) read_signal_key(signal, key, value, errors, builtin);
  return signal;
}

}  // namespace

std::string word_key(std::string_view word) {
  std::string key = text::comparison_key(word);
  while (!key.empty() && key.back() == '.') key.pop_back();
  return key;
}

std::vector<KindSignal> read_kind_signals(const std::map<std::string, core::Value>& changes,
                                          std::vector<LoadError>& errors) {
  std::map<std::string, KindSignal> by_name;
  for (const auto& [name, table] : builtin_data("rules/data/kind-signals.toml").table())
    by_name[name] = read_signal(name, table, errors, true);
  for (const auto& [name, change] : changes) {
    if (!change.is_table()) {
      errors.push_back({change.origin, fmt::format("[kind_signals.\"{}\"] must be a table", name)});
      continue;
    }
    auto it = by_name.find(name);
    if (it == by_name.end()) {  // a new signal needs every key
      KindSignal added = read_signal(name, change, errors, false);
      for (const char* key : {"kind", "subject", "body", "pattern"})
        if (!change.table().count(key))
          errors.push_back({change.origin, fmt::format("new kind signal '{}' needs '{}' (a built-in signal of that "
                                                       "name does not exist to change)", name, key)});
      by_name[name] = std::move(added);
      continue;
    }
    for (const auto& [key, value] : change.table()) read_signal_key(it->second, key, value, errors);
  }
  std::vector<KindSignal> out;
  for (auto& [name, signal] : by_name) out.push_back(std::move(signal));
  return out;
}

WordLists read_word_lists(const std::map<std::string, core::Value>& additions, std::vector<LoadError>& errors) {
  WordLists lists;
  auto append = [&](const std::string& name, const core::Value& words) {
    if (!words.is_array()) {
      errors.push_back({words.origin, fmt::format("[words] {} must be an array of words", name)});
      return;
    }
    for (const auto& w : words.array()) {
      if (w.is_string() && !word_key(w.str()).empty()) lists[name].push_back(word_key(w.str()));
      else errors.push_back({w.origin, fmt::format("[words] {}: each entry must be a non-empty string", name)});
    }
  };
  for (const auto& [name, words] : builtin_data("rules/data/words.toml").table()) append(name, words);
  for (const auto& [name, words] : additions) {
    if (!lists.count(name)) {
      std::string known;
      for (const auto& [n, _] : lists) known += (known.empty() ? "" : ", ") + n;
      errors.push_back({words.origin, fmt::format("unknown word list '{}' in [words] (expected one of: {})", name, known)});
      continue;
    }
    append(name, words);
  }
  return lists;
}

}  // namespace followup::rules
