#include "rules/rule_set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <sstream>

#include "config/toml_value.hpp"
#include "core/read_file.hpp"
#include "core/value_codec.hpp"
#include "rules/builtin_rules.hpp"
#include "rules/infer_kind.hpp"
#include "rules/registry.hpp"
#include "rules/sections.hpp"

namespace followup::rules {
namespace {

// Keys the loader reads itself; the rest belong to the check type.
const std::set<std::string> kCommonKeys = {"check", "severity", "kinds", "media", "sections", "message", "help",
                                           "summary", "explain", "flag", "pass", "when", "variants", "flag_context"};

std::unique_ptr<Rule> build_rule(const std::string& id, const core::Value& table, const std::string& file,
                                 const core::Value* override_table, std::vector<LoadError>& errors) {
  auto rule = std::make_unique<Rule>();
  rule->id = id;
  rule->origin = table.origin;
  core::Table merged = table.table();
  std::optional<std::string> severity_override;
  if (override_table) {
    for (const auto& [key, value] : override_table->table()) {
      if (key == "severity") {
        if (value.is_string()) {
          severity_override = value.str();
        } else {
          errors.push_back({value.origin, "'severity' must be \"error\", \"warning\", \"info\" or \"off\""});
        }
        continue;
      }
      if (key == "check" || key == "explain" || key == "flag" || key == "pass") {
        errors.push_back({value.origin, fmt::format("'{}' of rule '{}' cannot be changed in a config", key, id)});
        continue;
      }
      merged[key] = value;
    }
  }
  size_t errors_before = errors.size();
  Params params(merged, table.origin, errors);
  rule->check_type = params.string("check");
  const CheckType* type = find_check_type(rule->check_type);
  if (!type) {
    std::string names;
    for (const auto& t : check_types()) names += (names.empty() ? "" : ", ") + std::string(t.name);
    params.error("check", fmt::format("rule '{}': unknown check type '{}' (expected one of: {})", id,
                                      rule->check_type, names));
    return nullptr;
  }
  std::string severity = params.string("severity", "warning");
  if (auto s = core::parse_severity(severity)) {
    rule->default_severity = *s;
  } else {
    params.error("severity", fmt::format("unknown severity '{}' (expected error, warning or info)", severity));
  }
  rule->severity = rule->default_severity;
  if (severity_override) {
    if (*severity_override == "off") {
      rule->severity.reset();
    } else if (auto s = core::parse_severity(*severity_override)) {
      rule->severity = *s;
    } else {
      errors.push_back({override_table->table().at("severity").origin,
                        fmt::format("unknown severity '{}' (expected error, warning, info or off)", *severity_override)});
    }
  }
  for (const auto& k : params.strings("kinds")) {
    if (k == "all") continue;
    auto kind = core::parse_kind(k);
    if (!kind || *kind == core::Kind::kUnknown) {
      params.error("kinds", fmt::format("unknown kind '{}' (expected thank-you, status-inquiry, rejection-reply or all)", k));
    } else {
      rule->kinds.insert(*kind);
    }
  }
  rule->media = params.strings("media");
  for (const auto& m : rule->media)
    if (m != "email" && m != "letter") params.error("media", fmt::format("unknown medium '{}' (expected email or letter)", m));
  rule->summary = params.string("summary");
  rule->explain = params.string("explain");
  rule->flag_examples = params.strings("flag");
  rule->pass_examples = params.strings("pass");
  (void)params.raw("flag_context");
  if (rule->summary.empty()) params.error("check", fmt::format("rule '{}' needs a 'summary'", id));
  if (rule->explain.empty()) params.error("check", fmt::format("rule '{}' needs 'explain' docs", id));

  // One check per variant; a rule without variants is its own single variant.
  std::vector<core::Table> variants;
  if (const core::Value* v = params.raw("variants")) {
    if (!v->is_array()) {
      params.error("variants", "'variants' must be an array of tables");
    } else {
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
    }
  } else {
    variants.push_back(merged);
  }
  for (const auto& table_for_variant : variants) {
    Params vp(table_for_variant, table.origin, errors);
    CheckCommon common;
    common.sections = vp.strings("sections");
    for (const auto& s : common.sections)
      if (!is_section_name(s)) vp.error("sections", fmt::format("unknown section '{}'", s));
    common.message = Message(vp.string("message"));
    if (common.message.text().empty()) vp.error("message", fmt::format("rule '{}' needs a 'message'", id));
    if (auto problem = common.message.validate(type->message_fields)) vp.error("message", *problem);
    common.help = vp.string("help");
    if (const core::Value* when = vp.raw("when")) {
      if (!when->is_table()) {
        vp.error("when", "'when' must be a table of context key = value");
      } else {
        for (const auto& [key, value] : when->table()) {
          if (std::find(core::context_keys().begin(), core::context_keys().end(), key) == core::context_keys().end())
            vp.error_at(value.origin, fmt::format("unknown context key '{}' in 'when'", key));
          if (value.is_string()) {
            common.when[key] = value.str();
          } else if (value.is_bool()) {
            common.when[key] = value.boolean() ? "true" : "false";
          } else {
            vp.error_at(value.origin, "'when' values must be strings or booleans");
          }
        }
      }
    }
    auto check = type->make(vp, std::move(common));
    std::set<std::string> known = kCommonKeys;
    vp.report_unknown(known);
    if (check) rule->checks.push_back(std::move(check));
  }
  (void)file;
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
                                        std::vector<LoadError>& errors) {
  auto set = std::make_unique<RuleSet>();
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
      auto rule = build_rule(id, value, file->path, it == overrides.end() ? nullptr : &it->second, errors);
      if (rule) set->rules_.push_back(std::move(rule));
    }
  }
  for (const auto& [id, value] : overrides) {
    if (!seen.count(id)) errors.push_back({value.origin, fmt::format("unknown rule '{}' in [rules]", id)});
  }
  std::sort(set->rules_.begin(), set->rules_.end(), [](const auto& a, const auto& b) { return a->id < b->id; });
  // Every list read over whole parts shares one pass per part of a draft,
  // and checks that read the same sections share their spans (SectionCache).
  std::map<std::vector<std::string>, size_t> section_keys;
  for (auto& rule : set->rules_) {
    for (auto& check : rule->checks) {
      for (PatternList* list : check->section_lists()) set->parts_.add(*list, part_mask(check->common().sections));
      check->set_sections_key(section_keys.emplace(check->common().sections, section_keys.size()).first->second);
    }
  }
  set->section_keys_ = section_keys.size();
  set->kind_signals_ = PatternList(PatternSources{kind_signal_patterns()});
  set->parts_.add(set->kind_signals_, part_mask({"subject", "body"}));
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
  auto text = core::read_file(path, error);
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
