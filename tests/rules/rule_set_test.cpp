#include "rules/rule_set.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "config/toml_value.hpp"
#include "parse/draft_parser.hpp"
#include "lint/lint.hpp"

using followup::config::LoadError;
using followup::config::parse_toml;
using followup::core::Value;
using followup::rules::RuleFile;
using followup::rules::RuleSet;

namespace {

RuleFile file_from(const std::string& name, const std::string& text) {
  auto parsed = parse_toml(text, name);
  REQUIRE(std::holds_alternative<Value>(parsed));
  return RuleFile{name, std::get<Value>(parsed)};
}

std::vector<LoadError> errors_of(const std::string& text, const std::map<std::string, Value>& overrides = {}) {
  RuleFile f = file_from("/tmp/team.toml", text);
  std::vector<LoadError> errors;
  RuleSet::build({&f}, overrides, errors);
  return errors;
}

const char* kValid = R"(
[buzzword]
check = "existence"
sections = ["paragraph"]
patterns = ['(?i)\bsynerg\w*']
message = "'{match}' is a buzzword"
summary = "buzzwords"
explain = "Buzzwords say little."
flag = ["We have synergy."]
pass = ["We work together."]
)";

}  // namespace

TEST_CASE("a user rule file builds / and its rule fires with the file stem as group", "[rules][loader]") {
  RuleFile f = file_from("/tmp/team.toml", kValid);
  std::vector<LoadError> errors;
  auto set = RuleSet::build({&f}, {}, errors);
  REQUIRE(errors.empty());
  const auto* rule = set->find("team.buzzword");
  REQUIRE(rule);
  CHECK(rule->summary == "buzzwords");

  followup::core::Source source("d.txt", "Dear Ana,\n\nOur synergy was clear.\n");
  auto draft = followup::parse::parse_draft(source);
  followup::core::Context context;
  context.kind = followup::core::Kind::kThankYou;
  auto diags = followup::lint::run_rules(draft, context, *set, followup::match::LintScans(set->patterns(), draft));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule_id == "team.buzzword");
  CHECK(diags[0].message == "'synergy' is a buzzword");
  CHECK(std::string(source.slice(diags[0].span)) == "synergy");
}

TEST_CASE("a bad pattern in a user rule file names its line and column", "[rules][loader]") {
  std::string text = kValid;
  text.replace(text.find(R"('(?i)\bsynerg\w*')"), 17, "'(unclosed'");
  auto errors = errors_of(text);
  REQUIRE_FALSE(errors.empty());
  CHECK(errors[0].origin.file == "/tmp/team.toml");
  CHECK(errors[0].origin.line == 5);
  CHECK(errors[0].origin.column == 13);
  CHECK_THAT(errors[0].message, Catch::Contains("invalid pattern '(unclosed'"));
}

TEST_CASE("unknown check types / keys / sections and message fields are load errors", "[rules][loader]") {
  std::string unknown_check = kValid;
  unknown_check.replace(unknown_check.find("\"existence\""), 11, "\"exists\"");
  auto e1 = errors_of(unknown_check);
  REQUIRE(e1.size() == 1);
  CHECK_THAT(e1[0].message, Catch::Contains("unknown check type 'exists'"));
  CHECK(e1[0].origin.line == 3);

  auto e2 = errors_of(std::string(kValid) + "colour = \"red\"\n");
  REQUIRE(e2.size() == 1);
  CHECK_THAT(e2[0].message, Catch::Contains("unknown key 'colour'"));

  std::string bad_section = kValid;
  bad_section.replace(bad_section.find("\"paragraph\""), 11, "\"footer\"");
  auto e3 = errors_of(bad_section);
  REQUIRE(e3.size() == 1);
  CHECK_THAT(e3[0].message, Catch::Contains("unknown section 'footer'"));

  std::string bad_field = kValid;
  bad_field.replace(bad_field.find("{match}"), 7, "{word}");
  auto e4 = errors_of(bad_field);
  REQUIRE(e4.size() == 1);
  CHECK_THAT(e4[0].message, Catch::Contains("bad message template"));
}

TEST_CASE("config overrides change severity / turn rules off and reject unknown IDs", "[rules][loader]") {
  RuleFile f = file_from("/tmp/team.toml", kValid);
  auto overrides_from = [](const std::string& text) {
    auto parsed = parse_toml(text, "/tmp/.followup-lint.toml");
    REQUIRE(std::holds_alternative<Value>(parsed));
    std::map<std::string, Value> out;
    for (const auto& [id, v] : std::get<Value>(parsed).table().at("rules").table()) out[id] = v;
    return out;
  };
  std::vector<LoadError> errors;
  auto set = RuleSet::build({&f}, overrides_from("[rules.\"team.buzzword\"]\nseverity = \"error\"\n"), errors);
  REQUIRE(errors.empty());
  CHECK(set->find("team.buzzword")->severity == followup::core::Severity::kError);

  set = RuleSet::build({&f}, overrides_from("[rules.\"team.buzzword\"]\nseverity = \"off\"\n"), errors);
  REQUIRE(errors.empty());
  CHECK_FALSE(set->find("team.buzzword")->severity.has_value());

  set = RuleSet::build({&f}, overrides_from("[rules.\"team.buzzwrd\"]\nseverity = \"off\"\n"), errors);
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0].message, Catch::Contains("unknown rule 'team.buzzwrd'"));
  CHECK(errors[0].origin.line == 1);
}

TEST_CASE("variants build one check each / selected by `when`", "[rules][loader]") {
  const char* text = R"(
[tone]
check = "existence"
sections = ["paragraph"]
summary = "tone"
explain = "Tone."
message = "'{match}' is too casual here"
variants = [
  { when = { culture = "formal" }, patterns = ['(?i)\bawesome\b'] },
  { when = { culture = "casual" }, patterns = ['(?i)\bhereby\b'], message = "'{match}' is stiff" },
]
)";
  RuleFile f = file_from("/tmp/team.toml", text);
  std::vector<LoadError> errors;
  auto set = RuleSet::build({&f}, {}, errors);
  REQUIRE(errors.empty());
  REQUIRE(set->find("team.tone")->checks.size() == 2);

  followup::core::Source source("d.txt", "Dear Ana,\n\nI hereby say the call was awesome.\n");
  auto draft = followup::parse::parse_draft(source);
  followup::core::Context context;
  context.culture = "formal";
  auto diags = followup::lint::run_rules(draft, context, *set, followup::match::LintScans(set->patterns(), draft));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].message == "'awesome' is too casual here");
  context.culture = "casual";
  diags = followup::lint::run_rules(draft, context, *set, followup::match::LintScans(set->patterns(), draft));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].message == "'hereby' is stiff");
  context.culture.reset();
  CHECK(followup::lint::run_rules(draft, context, *set, followup::match::LintScans(set->patterns(), draft)).empty());
}

TEST_CASE("every built-in rule file parses and every pattern compiles", "[rules][loader]") {
  followup::rules::set_validate_builtin_patterns(true);
  CHECK(followup::rules::builtin_rule_errors().empty());
  std::vector<const RuleFile*> files;
  for (const auto& f : followup::rules::builtin_rules()) files.push_back(&f);
  std::vector<LoadError> errors;
  auto set = RuleSet::build(files, {}, errors);
  followup::rules::set_validate_builtin_patterns(false);
  for (const auto& e : errors) INFO(followup::config::format_error(e));
  CHECK(errors.empty());
  CHECK(set->rules().size() >= 14);
}

TEST_CASE("a rule lists at most kMaxPerRule findings per draft, then one notice with the count", "[rules]") {
  using followup::rules::Emitter;
  std::vector<followup::diag::Diagnostic> out;
  const std::string id = "style.repeated-word";
  auto fire = [&](size_t times) {
    out.clear();
    Emitter emitter(id, followup::core::Severity::kWarning, out);
    for (size_t i = 0; i < times; ++i) {
      auto& d = emitter.report({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)}, "found " + std::to_string(i));
      d.fixes.push_back({"remove it", {}, followup::diag::Applicability::kSafe});
    }
    emitter.finish();
  };
  fire(Emitter::kMaxPerRule);
  REQUIRE(out.size() == Emitter::kMaxPerRule);
  CHECK(out.back().message == "found " + std::to_string(Emitter::kMaxPerRule - 1));
  CHECK(out.back().fixes.size() == 1);

  fire(Emitter::kMaxPerRule + 1);
  REQUIRE(out.size() == Emitter::kMaxPerRule + 1);
  CHECK(out.back().message.rfind("1 more finding of this rule from here on is not listed", 0) == 0);

  fire(10 * Emitter::kMaxPerRule);
  REQUIRE(out.size() == Emitter::kMaxPerRule + 1);
  const auto& notice = out.back();
  CHECK(notice.message.rfind(std::to_string(9 * Emitter::kMaxPerRule) + " more findings", 0) == 0);
  CHECK(notice.span.begin == Emitter::kMaxPerRule);  // where the unlisted ones start
  CHECK(notice.fixes.empty());  // fixes of unlisted findings are not applied blindly
  CHECK(notice.rule_id == "style.repeated-word");
}

TEST_CASE("message templates: plain fields are filled by hand exactly as fmt fills them", "[rules]") {
  using followup::rules::Message;
  const std::vector<std::pair<std::string, std::string>> args = {
      {"match", "Thx"}, {"count", "3"}, {"max", "1"}, {"empty", ""}};
  auto by_fmt = [&](const std::string& text) {
    fmt::dynamic_format_arg_store<fmt::format_context> store;
    for (const auto& [name, value] : args) store.push_back(fmt::arg(name.c_str(), value));
    return fmt::vformat(text, store);
  };
  for (std::string text : {"'{match}' is chat shorthand", "{count} marks, more than {max}", "{{literal}} {match}}}",
                           "{match}{match}{empty}!", "no fields at all", "", "{{", "}}{{}}"}) {
    INFO(text);
    CHECK(Message(text).format(args) == by_fmt(text));
  }
  // Format specs go through fmt itself.
  CHECK(Message("[{count:>3}]").format(args) == "[  3]");
  // An unknown field (refused at load) falls back to the template as written.
  CHECK(Message("{nope} and {match}").format(args) == "{nope} and {match}");
  CHECK(Message("{match").format(args) == "{match");
}
