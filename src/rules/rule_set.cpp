#include "rules/rule_set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <optional>
#include <sstream>

#include "config/toml_value.hpp"
#include "platform/system.hpp"
#include "core/value_codec.hpp"
#include "rules/builtin_rules.hpp"
#include "rules/registry.hpp"
#include "rules/sections.hpp"
#include "text/compare.hpp"

namespace followup::rules {
namespace {

// Keys the loader reads itself; the rest belong to the check type.
const std::set<std::string> kCommonKeys = {"check", "stage", "severity", "kinds", "media", "sections", "message",
                                           "help", "summary", "explain", "flag", "pass", "when", "variants", "language",
                                           "flag_context"};  // the context the `flag` examples run with

// The rule's table with a config's [rules."ID"] settings merged over it, in
// `merged`; the rule's own table itself when there is none (most rules, and
// every one at start-up: no copy of their word lists). A severity override
// is returned apart, as it may be "off".
const core::Table& merge_override(const std::string& id, const core::Value& table, const core::Value* override_table,
                                  std::optional<core::Value>& severity_override, core::Table& merged,
                                  std::vector<LoadError>& errors) {
  if (!override_table) return table.table();
  merged = table.table();
  for (const auto& [key, value] : override_table->table()) {
    if (key == "severity") {
      severity_override = value;
    } else if (key == "check" || key == "stage" || key == "explain" || key == "flag" || key == "pass") {
      errors.push_back({value.origin, fmt::format("'{}' of rule '{}' cannot be changed in a config", key, id)});
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

// The severity from the rule file, then the config's override ("off" turns it off).
void read_severity(Rule& rule, Params& params, const std::optional<core::Value>& override_value,
                   std::vector<LoadError>& errors) {
  std::string severity = params.string("severity", "warning");
  if (auto s = core::parse_severity(severity)) {
    rule.default_severity = *s;
  } else {
    params.error("severity", fmt::format("unknown severity '{}' (expected error, warning or info)", severity));
  }
  rule.severity = rule.default_severity;
  if (!override_value) return;
  if (!override_value->is_string()) {
    errors.push_back({override_value->origin, "'severity' must be \"error\", \"warning\", \"info\" or \"off\""});
  } else if (override_value->str() == "off") {
    rule.severity.reset();
  } else if (auto s = core::parse_severity(override_value->str())) {
    rule.severity = *s;
  } else {
    errors.push_back({override_value->origin, fmt::format("unknown severity '{}' (expected error, warning, info or off)",
                                                          override_value->str())});
  }
}

// Kinds, media and the docs every rule has.
void read_scope_and_docs(Rule& rule, Params& params) {
  for (const auto& k : params.strings("kinds")) {
    if (k == "all") continue;
    auto kind = core::parse_kind(k);
    if (!kind || *kind == core::Kind::kUnknown) {
      params.error("kinds", fmt::format("unknown kind '{}' (expected thank-you, status-inquiry, rejection-reply or all)", k));
    } else {
      rule.kinds.insert(*kind);
    }
  }
  rule.media = params.strings("media");
  std::string language = params.string("language", "en");
  if (language != "en" && language != "any") params.error("language", "'language' must be \"en\" (the default) or \"any\"");
  rule.any_language = language == "any";
  for (const auto& m : rule.media)
    if (m != "email" && m != "letter") params.error("media", fmt::format("unknown medium '{}' (expected email or letter)", m));
  rule.summary = params.string("summary");
  rule.explain = params.string("explain");
  rule.flag_examples = params.strings("flag");
  rule.pass_examples = params.strings("pass");
  if (rule.summary.empty()) params.error("check", fmt::format("rule '{}' needs a 'summary'", rule.id));
  if (rule.explain.empty()) params.error("check", fmt::format("rule '{}' needs 'explain' docs", rule.id));
}

// One table per variant, each merged over the rule's own keys; nullopt for
// a rule without variants, which is its own single variant (used as it is,
// not copied).
std::optional<std::vector<core::Table>> variant_tables(const core::Table& merged, Params& params) {
  const core::Value* v = params.raw("variants");
  if (!v) return std::nullopt;
  std::vector<core::Table> variants;
  if (!v->is_array()) {
    params.error("variants", "'variants' must be an array of tables");
    return variants;
  }
  for (const auto& item : v->array()) {
    if (!item.is_table()) {
      params.error_at(item.origin, "each variant must be a table");
      continue;
    }
    core::Table t = merged;
    t.erase("variants");
    for (const auto& [key, value] : item.table()) t[key] = value;
    variants.push_back(std::move(t));
  }
  return variants;
}

// `when`: context key -> required value.
void read_when(Params& params, CheckCommon& common) {
  const core::Value* when = params.raw("when");
  if (!when) return;
  if (!when->is_table()) {
    params.error("when", "'when' must be a table of context key = value");
    return;
  }
  for (const auto& [key, value] : when->table()) {
    if (std::find(core::context_keys().begin(), core::context_keys().end(), key) == core::context_keys().end())
      params.error_at(value.origin, fmt::format("unknown context key '{}' in 'when'", key));
    if (value.is_string()) {
      common.when[key] = value.str();
    } else if (value.is_bool()) {
      common.when[key] = value.boolean() ? "true" : "false";
    } else {
      params.error_at(value.origin, "'when' values must be strings or booleans");
    }
  }
}

// The settings every check shares, read from one variant's table.
CheckCommon read_common(const std::string& id, Params& params, const std::vector<std::string>& message_fields) {
  CheckCommon common;
  common.sections = params.strings("sections");
  for (const auto& s : common.sections)
    if (!is_section_name(s)) params.error("sections", fmt::format("unknown section '{}'", s));
  common.message = Message(params.string("message"));
  if (common.message.text().empty()) params.error("message", fmt::format("rule '{}' needs a 'message'", id));
  if (auto problem = common.message.validate(message_fields)) params.error("message", *problem);
  common.help = params.string("help");
  read_when(params, common);
  return common;
}

// Which check type or lint stage implements the rule; false (reported) when neither.
bool read_implementation(Rule& rule, Params& params, const CheckType*& type, const LintStage*& stage) {
  rule.check_type = params.string("check");
  std::string stage_name = params.string("stage");
  if (!stage_name.empty() && rule.check_type.empty()) {
    stage = find_lint_stage(stage_name);
    if (stage) return true;
    std::string names;
    for (const auto& s : lint_stages()) names += (names.empty() ? "" : ", ") + std::string(s.name);
    params.error("stage", fmt::format("rule '{}': unknown lint stage '{}' (expected one of: {})", rule.id, stage_name,
                                      names));
    return false;
  }
  type = find_check_type(rule.check_type);
  if (type) return true;
  std::string names;
  for (const auto& t : check_types()) names += (names.empty() ? "" : ", ") + std::string(t.name);
  params.error("check", fmt::format("rule '{}': unknown check type '{}' (expected one of: {})", rule.id,
                                    rule.check_type, names));
  return false;
}

std::unique_ptr<Rule> build_rule(const std::string& id, const core::Value& table, const core::Value* override_table,
                                 match::PatternSets& patterns, const WordLists& words, std::vector<LoadError>& errors) {
  auto rule = std::make_unique<Rule>();
  rule->id = id;
  rule->origin = table.origin;
  std::optional<core::Value> severity_override;
  core::Table merged_copy;
  const core::Table& merged = merge_override(id, table, override_table, severity_override, merged_copy, errors);
  size_t errors_before = errors.size();
  Params params(merged, table.origin, errors);
  const CheckType* type = nullptr;
  const LintStage* stage = nullptr;
  if (!read_implementation(*rule, params, type, stage)) return nullptr;
  read_severity(*rule, params, severity_override, errors);
  read_scope_and_docs(*rule, params);
  for (const auto& [key, value] : merged)
    if (!kCommonKeys.count(key) && key != "report_at") rule->parameters.emplace(key, value);
  const auto variants = variant_tables(merged, params);
  std::vector<const core::Table*> tables;
  if (!variants) tables.push_back(&merged);
  else
    for (const auto& variant : *variants) tables.push_back(&variant);
  for (const core::Table* variant_table : tables) {
    const core::Table& variant = *variant_table;
    Params vp(variant, table.origin, errors);
    CheckCommon common = read_common(id, vp, type ? type->message_fields : stage->message_fields);
    if (stage) {  // the stage reports with the rule's message and help
      rule->stage = std::string(stage->name);
      rule->stage_message = std::move(common.message);
      rule->stage_help = std::move(common.help);
      vp.report_unknown(kCommonKeys);
      break;
    }
    vp.set_pattern_target(&patterns, part_mask(common.sections));
    vp.set_word_lists(&words);
    auto check = type->make(vp, std::move(common));
    vp.report_unknown(kCommonKeys);
    if (check) rule->checks.push_back(std::move(check));
  }
  if (errors.size() != errors_before) return nullptr;
  return rule;
}

}  // namespace

const Rule* RuleSet::find(std::string_view id) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const std::unique_ptr<Rule>& r, std::string_view key) { return r->id < key; });
  return it != rules_.end() && (*it)->id == id ? it->get() : nullptr;
}

std::unique_ptr<RuleSet> RuleSet::build(const std::vector<const RuleFile*>& files,
                                        const std::map<std::string, core::Value>& overrides,
                                        std::vector<LoadError>& errors, const DataSettings& data) {
  auto set = std::make_unique<RuleSet>();
  const WordLists words = read_word_lists(data.words, errors);
  std::set<std::string> seen;
  for (const RuleFile* file : files) {
    std::string stem = std::filesystem::path(file->path).stem().string();
    for (const auto& [key, value] : file->root.table()) {
      std::string id = stem + "." + key;
      if (!value.is_table()) {
        errors.push_back({value.origin, fmt::format("'{}' must be a table describing rule '{}'", key, id)});
        continue;
      }
      if (!seen.insert(id).second) {
        errors.push_back({value.origin, fmt::format("rule '{}' is defined twice", id)});
        continue;
      }
      auto it = overrides.find(id);
      auto rule = build_rule(id, value, it == overrides.end() ? nullptr : &it->second, *set->patterns_, words, errors);
      if (rule) set->rules_.push_back(std::move(rule));
    }
  }
  std::vector<std::string> known(seen.begin(), seen.end());
  for (const auto& [id, value] : overrides) {
    if (seen.count(id)) continue;
    std::string near = text::closest_word(id, known);
    errors.push_back({value.origin, near.empty() ? fmt::format("unknown rule '{}' in [rules] (see --list-rules)", id)
                                                 : fmt::format("unknown rule '{}' in [rules]; did you mean '{}'?", id, near)});
  }
  std::sort(set->rules_.begin(), set->rules_.end(), [](const auto& a, const auto& b) { return a->id < b->id; });
  // Checks that read the same sections share their spans (SectionCache).
  std::map<std::vector<std::string>, size_t> section_keys;
  for (auto& rule : set->rules_) {
    for (auto& check : rule->checks) {
      check->set_sections_key(section_keys.emplace(check->common().sections, section_keys.size()).first->second);
    }
  }
  set->section_keys_ = section_keys.size();
  set->kind_signals_.signals = read_kind_signals(data.kind_signals, errors);
  std::vector<std::string> signal_patterns;
  for (const auto& s : set->kind_signals_.signals) signal_patterns.push_back(s.pattern);
  set->kind_signals_.patterns = set->patterns_->make(std::move(signal_patterns), part_mask({"subject", "body"}));
  return set;
}

namespace {
struct Builtins {
  std::vector<RuleFile> files;
  std::vector<LoadError> errors;
};

const Builtins& builtins() {
  static const Builtins parsed = [] {
    Builtins out;
    for (const auto& f : builtin_rule_files()) {
      std::string path(f.path);
      if (auto root = core::decode_value(f.data, path)) {
        out.files.push_back({std::move(path), std::move(*root)});
      } else {  // only a mismatched build could get here
        LoadError error;
        error.origin.file = path;
        error.message = "the built-in rule data is damaged; rebuild followup-lint";
        out.errors.push_back(std::move(error));
      }
    }
    return out;
  }();
  return parsed;
}
}  // namespace

const std::vector<RuleFile>& builtin_rules() { return builtins().files; }
const std::vector<LoadError>& builtin_rule_errors() { return builtins().errors; }

std::variant<RuleFile, LoadError> read_rule_file(const std::string& path) {
  std::string error;
  auto text = platform::read_file(path, error);
  if (!text) {
    error.insert(0, "cannot read the rule file: ");
    return LoadError{{path, 0, 0}, std::move(error)};
  }
  auto parsed = config::parse_toml(*text, path);
  if (auto* e = std::get_if<LoadError>(&parsed)) return *e;
  // Filled in place: moving a whole RuleFile into the variant trips GCC 12's
  // -Wmaybe-uninitialized at -O2 (a false positive inside std::variant).
  std::variant<RuleFile, LoadError> out{std::in_place_index<0>};
  auto& file = std::get<RuleFile>(out);
  file.path = path;
  file.root = std::move(std::get<core::Value>(parsed));
  return out;
}

}  // namespace followup::rules
