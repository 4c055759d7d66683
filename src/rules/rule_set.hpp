// RuleSet: every rule of a run, built from rule files (the embedded
// rules/*.toml plus a user's rule_paths) with a config's [rules."ID"]
// settings merged in. Building compiles every pattern once; errors come back
// as LoadErrors naming file:line:col, and a RuleSet with errors is not used.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.hpp"
#include "rules/params.hpp"
#include "rules/rule_data.hpp"
#include "rules/rule.hpp"

namespace followup::rules {

struct RuleFile {
  std::string path;  // "rules/salutation.toml" or a user's file
  core::Value root;  // the parsed TOML table
};

class RuleSet {
 public:
  // `overrides`: rule ID -> settings table (severity and parameters);
  // `data`: a config's changes to the shared word lists and kind signals.
  static std::unique_ptr<RuleSet> build(const std::vector<const RuleFile*>& files,
                                        const std::map<std::string, core::Value>& overrides,
                                        std::vector<LoadError>& errors, const DataSettings& data = {});

  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  const Rule* find(std::string_view id) const;
  // The rules' pattern lists that share one pass per part of a draft.
  const match::PatternSets& patterns() const { return *patterns_; }
  // How many distinct `sections` lists the checks use (SectionCache keys).
  size_t section_keys() const { return section_keys_; }
  // infer_kind's signals, their patterns read through the shared pass over each part.
  const KindSignals& kind_signals() const { return kind_signals_; }

 private:
  std::vector<std::unique_ptr<Rule>> rules_;  // sorted by id
  std::unique_ptr<match::PatternSets> patterns_ = std::make_unique<match::PatternSets>();
  size_t section_keys_ = 0;
  KindSignals kind_signals_;

};

// The embedded rule files, parsed once per process.
const std::vector<RuleFile>& builtin_rules();
// Parse errors in the embedded files (a packaging bug; tests keep it empty).
const std::vector<LoadError>& builtin_rule_errors();

// Parses a user's rule file from disk.
std::variant<RuleFile, LoadError> read_rule_file(const std::string& path);

}  // namespace followup::rules
