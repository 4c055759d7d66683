// Params: typed, checked access to one rule's table. Every key a check reads
// is recorded, so keys nobody read can be reported as unknown; every error
// names the file, line and column it came from. Patterns are compiled here,
// once, when the rules load.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/toml_value.hpp"
#include "core/value.hpp"
#include "match/match.hpp"

namespace followup::rules {

using LoadError = config::LoadError;

// Built-in rule files are checked by the test suite, so their patterns are
// not compiled at load time; users' files and config overrides always are.
// Tests turn this on to check the built-in ones too.
void set_validate_builtin_patterns(bool on);

class Params {
 public:
  Params(const core::Table& table, core::Origin origin, std::vector<LoadError>& errors)
      : table_(table), origin_(std::move(origin)), errors_(errors) {}

  bool has(const std::string& key) const { return table_.count(key) != 0; }
  const core::Value* raw(const std::string& key);
  std::string string(const std::string& key, const std::string& fallback = "");
  std::vector<std::string> strings(const std::string& key);
  int64_t integer(const std::string& key, int64_t fallback);
  double number(const std::string& key, double fallback);
  bool boolean(const std::string& key, bool fallback);
  // A table of string -> string, in key order.
  std::vector<std::pair<std::string, std::string>> string_map(const std::string& key);
  // A table of kind name -> integer (e.g. max_words per kind).
  std::map<std::string, int64_t> int_map(const std::string& key);

  // The strings of `key` as a list of RE2 patterns. Patterns from users'
  // files are compiled here to report errors naming their position;
  // built-in ones are compiled on first use.
  match::PatternList patterns(const std::string& key);
  // The same for a list the check runs over whole spans of its sections: it
  // joins the rule set's shared pass over those parts (match/match.hpp).
  match::PatternList section_patterns(const std::string& key);
  // A list of patterns already read (and checked with valid_pattern).
  match::PatternList pattern_list(std::vector<std::string> sources, bool over_sections);
  // Where lists go: the rule set's PatternSets and the kinds of part of the
  // check's sections (set by the rule builder before the check is made).
  void set_pattern_target(match::PatternSets* sets, core::PartMask parts) {
    sets_ = sets;
    parts_ = parts;
  }
  // The rule set's shared word lists (rules/data/words.toml and a config's
  // [words]), set by the rule builder; word_list() is empty for an unknown name.
  void set_word_lists(const std::map<std::string, std::vector<std::string>>* lists) { word_lists_ = lists; }
  std::vector<std::string> word_list(const std::string& name) const;
  // Whether the string `item` compiles as a pattern (recording an error with
  // its origin if not). Built-in patterns are trusted unless tests ask.
  bool valid_pattern(const core::Value& item);

  void error(const std::string& key, const std::string& message);
  void error_at(const core::Origin& origin, const std::string& message);
  // Reports keys present in the table that no one read.
  void report_unknown(const std::set<std::string>& also_known);
  const core::Origin& origin() const { return origin_; }

 private:
  core::Origin origin_for(const std::string& key) const;

  const core::Table& table_;
  core::Origin origin_;
  std::vector<LoadError>& errors_;
  std::set<std::string> read_;
  match::PatternSets* sets_ = nullptr;
  const std::map<std::string, std::vector<std::string>>* word_lists_ = nullptr;
  core::PartMask parts_ = 0;
  std::vector<std::string> read_patterns(const std::string& key);
};

}  // namespace followup::rules
