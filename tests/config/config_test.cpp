// Unit tests of config/: parse_config and load_config (SPEC §5), config
// discovery, apply_context errors with exact file:line:col, --context flags,
// and the glob matcher behind exclude, [[overrides]] and [[suppress]].
#include "config/config.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "config/toml_value.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using followup::config::Config;
using followup::config::format_error;
using followup::config::glob_match;
using followup::config::LoadError;
using followup::config::parse_config;
using followup::config::parse_context_flag;
using followup::core::Value;
using followup::testing::TempDir;

namespace {

const fs::path kConfigPath = "/team/.followup-lint.toml";

Config config_ok(const std::string& text) {
  auto parsed = parse_config(text, kConfigPath);
  if (auto* errors = std::get_if<std::vector<LoadError>>(&parsed)) {
    std::string all;
    for (const auto& e : *errors) all += format_error(e) + "\n";
    FAIL("unexpected config errors:\n" << all);
  }
  return std::get<Config>(parsed);
}

// Every error as "line:col: message" (the file is always kConfigPath).
std::vector<std::string> config_errors(const std::string& text) {
  auto parsed = parse_config(text, kConfigPath);
  if (std::holds_alternative<Config>(parsed)) FAIL("expected config errors for:\n" << text);
  std::vector<std::string> out;
  for (const auto& e : std::get<std::vector<LoadError>>(parsed)) {
    CHECK(e.origin.file == kConfigPath.string());
    out.push_back(std::to_string(e.origin.line) + ":" + std::to_string(e.origin.column) + ": " +
                  e.message);
  }
  return out;
}

// Applies a TOML snippet (named "ctx.toml") as context; returns "line:col: message" per error.
std::vector<std::string> apply(const std::string& toml, followup::core::Context& context,
                               const std::string& label = "config") {
  auto parsed = followup::config::parse_toml(toml, "ctx.toml");
  REQUIRE(std::holds_alternative<Value>(parsed));
  std::vector<LoadError> errors;
  followup::config::apply_context(context, std::get<Value>(parsed).table(), label, errors);
  std::vector<std::string> out;
  for (const auto& e : errors) {
    CHECK(e.origin.file == "ctx.toml");
    out.push_back(std::to_string(e.origin.line) + ":" + std::to_string(e.origin.column) + ": " +
                  e.message);
  }
  return out;
}

std::pair<std::string, Value> flag_ok(const std::string& flag) {
  auto parsed = parse_context_flag(flag);
  if (auto* message = std::get_if<std::string>(&parsed))
    FAIL("--context " << flag << ": " << *message);
  return std::get<std::pair<std::string, Value>>(parsed);
}

std::vector<std::string> strings_of(const Value& v) {
  std::vector<std::string> out;
  for (const auto& item : v.array()) out.push_back(item.str());
  return out;
}

}  // namespace

TEST_CASE("parse_config reads every section of a full config", "[config]") {
  Config c = config_ok(R"(rule_paths = ["rules/extra.toml"]
exclude = ["drafts/old/**", "*.bak.md"]

[context]
company = "Acme Logistics"
interviewers = ["Ms. Rivera"]
interview_date = 2026-11-20T15:00:00-05:00

[rules."cliche.soft-skill"]
severity = "off"

[rules."paragraph.too-long"]
max_sentences = 4

[[overrides]]
files = ["drafts/casual/*.md"]
[overrides.rules."salutation.formality"]
severity = "info"

[[suppress]]
rule = "signature.full-name"
files = ["drafts/hiro.txt"]
match = "Hiro"

[[suppress]]
rule = "cliche.soft-skill"
)");
  CHECK(c.path == kConfigPath);
  CHECK(c.folder == fs::path("/team"));
  REQUIRE(c.rule_paths.size() == 1);
  CHECK(c.rule_paths[0] == fs::path("/team/rules/extra.toml"));  // relative to the config
  CHECK(c.exclude == std::vector<std::string>{"drafts/old/**", "*.bak.md"});

  REQUIRE(c.context.count("company") == 1);
  CHECK(c.context.at("company").str() == "Acme Logistics");
  CHECK(c.context.at("company").origin.line == 5);
  CHECK(c.context.at("company").origin.column == 11);
  CHECK(strings_of(c.context.at("interviewers")) == std::vector<std::string>{"Ms. Rivera"});
  CHECK(c.context.at("interview_date").str() == "2026-11-20T15:00:00-05:00");

  REQUIRE(c.rules.size() == 2);
  CHECK(c.rules.at("cliche.soft-skill").table().at("severity").str() == "off");
  CHECK(c.rules.at("paragraph.too-long").table().at("max_sentences").integer() == 4);

  REQUIRE(c.overrides.size() == 1);
  CHECK(c.overrides[0].files == std::vector<std::string>{"drafts/casual/*.md"});
  REQUIRE(c.overrides[0].rules.count("salutation.formality") == 1);
  CHECK(c.overrides[0].rules.at("salutation.formality").table().at("severity").str() == "info");
  CHECK(c.overrides[0].origin.line == 15);

  REQUIRE(c.suppressions.size() == 2);
  CHECK(c.suppressions[0].rule == "signature.full-name");
  CHECK(c.suppressions[0].files == std::vector<std::string>{"drafts/hiro.txt"});
  CHECK(c.suppressions[0].match == "Hiro");
  CHECK(c.suppressions[0].origin.file == kConfigPath.string());
  CHECK(c.suppressions[0].origin.line == 20);
  CHECK(c.suppressions[0].origin.column == 1);
  CHECK(c.suppressions[1].rule == "cliche.soft-skill");
  CHECK(c.suppressions[1].files.empty());  // every file
  CHECK(c.suppressions[1].match.empty());
  CHECK(c.suppressions[1].origin.line == 25);
}

TEST_CASE("parse_config accepts an empty config and a single exclude string", "[config]") {
  Config empty = config_ok("");
  CHECK(empty.context.empty());
  CHECK(empty.rules.empty());
  CHECK(empty.exclude.empty());
  CHECK(config_ok("exclude = \"*.bak.md\"\n").exclude == std::vector<std::string>{"*.bak.md"});
  CHECK(config_ok("# only a comment\n\n").overrides.empty());
}

TEST_CASE("broken TOML in a config names line:col and what the parser expected", "[config]") {
  // Each case: text, then the single "line:col" and a part of the message.
  struct Case {
    const char* text;
    const char* where;
    const char* expected;
  };
  const Case cases[] = {
      {"[rules\nfoo = 1\n", "1:7", "expected ']'"},
      {"[context]\ncompany = \n", "2:11", "expected value"},
      {"[context]\ncompany = \"Acme\n", "2:16", "Error while parsing string"},
      {"exclude = [\"a\",\n\"b\"\n[context]\n", "3:1", "expected comma or closing ']'"},
      {"a = 1\na = 2\n", "2:5", "cannot redefine existing integer 'a'"},
      {"[context]\ninterview_date = 2026-13-01\n", "2:25", "expected month between 1 and 12"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto errors = config_errors(c.text);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind(std::string(c.where) + ": ", 0) == 0);
    CHECK(errors[0].find(c.expected) != std::string::npos);
  }
}

TEST_CASE("unknown keys and wrong types in a config are errors at the value's line:col",
          "[config]") {
  CHECK(config_errors("rule_path = [\"x.toml\"]\n") ==
        std::vector<std::string>{"1:13: unknown key 'rule_path'; did you mean 'rule_paths'?"});
  CHECK(config_errors("zzzz = 1\n") ==
        std::vector<std::string>{"1:8: unknown key 'zzzz' (expected context, rules, rule_paths, rule_paths_outside, "
                                 "exclude, overrides, suppress, input, kind_signals or words)"});
  CHECK(config_errors("context = 3\n") ==
        std::vector<std::string>{"1:11: 'context' must be a table"});
  CHECK(config_errors("rules = \"strict\"\n") ==
        std::vector<std::string>{"1:9: 'rules' must be a table, not a string"});
  CHECK(config_errors("[rules]\n\"cliche.soft-skill\" = \"off\"\n") ==
        std::vector<std::string>{
            "2:23: [rules.\"cliche.soft-skill\"] must be a table, not a string"});
  CHECK(config_errors("exclude = [\"a\", 3]\n") ==
        std::vector<std::string>{"1:17: 'exclude' must hold only strings, found an integer"});
  CHECK(config_errors("rule_paths = 3\n") ==
        std::vector<std::string>{"1:14: 'rule_paths' must be an array of strings, not an integer"});
}

TEST_CASE("((overrides)) and ((suppress)) entries are checked", "[config]") {
  CHECK(config_errors(
            "[[overrides]]\n[overrides.rules.\"cliche.soft-skill\"]\nseverity = \"off\"\n") ==
        std::vector<std::string>{"1:1: [[overrides]] needs 'files', a list of globs"});
  CHECK(config_errors("[[overrides]]\nfiles = [\"*.md\"]\nglob = \"x\"\n") ==
        std::vector<std::string>{
            "3:8: unknown key 'glob' in [[overrides]] (expected 'files' or 'rules')"});
  CHECK(config_errors("overrides = 3\n") ==
        std::vector<std::string>{"1:13: 'overrides' must be an array of tables ([[overrides]])"});
  CHECK(config_errors("[[suppress]]\nfiles = [\"a.txt\"]\n") ==
        std::vector<std::string>{"1:1: [[suppress]] needs 'rule', a rule ID"});
  CHECK(config_errors("[[suppress]]\nrule = \"cliche.soft-skill\"\nmatch = 3\n") ==
        std::vector<std::string>{"3:9: unexpected key 'match' in [[suppress]] (expected 'rule', "
                                 "'files', 'match' as strings)"});
  CHECK(config_errors("suppress = \"cliche.soft-skill\"\n") ==
        std::vector<std::string>{"1:12: 'suppress' must be an array of tables ([[suppress]])"});
}

TEST_CASE("(context) errors in a config are all reported / in the order of the file", "[config]") {
  auto errors = config_errors(R"([context]
kindd = "thank-you"
no_follow_up = "yes"
medium = "fax"
sent_date = "last week"
company = 3
kind = "interview"
)");
  CHECK(errors ==
        std::vector<std::string>{
            "2:9: unknown context key 'kindd'; did you mean 'kind'?",
            "3:16: context key 'no_follow_up' must be true or false",
            "4:10: 'medium' must be 'email' or 'letter', not 'fax'",
            "5:13: context key 'sent_date' must be a date such as 2026-11-20 or "
            "2026-11-20T15:00:00-05:00",
            "6:11: context key 'company' must be a string, not an integer",
            "7:8: unknown kind 'interview' (expected thank-you, status-inquiry or rejection-reply)",
        });
}

TEST_CASE("load_config reads a file from disk and names it in errors", "[config]") {
  TempDir dir;
  std::string good = dir.write("team/.followup-lint.toml", "[context]\ncompany = \"Acme\"\n");
  auto loaded = followup::config::load_config(good);
  REQUIRE(std::holds_alternative<Config>(loaded));
  CHECK(std::get<Config>(loaded).folder == dir / "team");

  std::string bad = dir.write("bad.toml", "\n\n[context\n");
  auto broken = followup::config::load_config(bad);
  REQUIRE(std::holds_alternative<std::vector<LoadError>>(broken));
  const auto& errors = std::get<std::vector<LoadError>>(broken);
  REQUIRE(errors.size() == 1);
  CHECK(format_error(errors[0]).rfind(bad + ":3:9: error: ", 0) == 0);

  auto missing = followup::config::load_config(dir / "missing.toml");
  REQUIRE(std::holds_alternative<std::vector<LoadError>>(missing));
  CHECK(format_error(std::get<std::vector<LoadError>>(missing).at(0)) ==
        (dir / "missing.toml").string() + ": error: cannot read the config file: cannot open: No such file or directory");
}

TEST_CASE("format_error prints file:line:col / or file alone when the line is unknown", "[config]") {
  CHECK(format_error(LoadError{{"a.toml", 3, 7}, "bad"}) == "a.toml:3:7: error: bad");
  CHECK(format_error(LoadError{{"a.toml", 0, 0}, "cannot read the config file"}) ==
        "a.toml: error: cannot read the config file");
}

TEST_CASE("find_config walks up from the draft's folder and the nearest config wins", "[config]") {
  TempDir dir;
  dir.write("home/.followup-lint.toml", "");
  dir.mkdir("home/jobs/acme/drafts");
  CHECK(followup::config::find_config(dir / "home/jobs/acme/drafts") ==
        dir / "home/.followup-lint.toml");
  CHECK(followup::config::find_config(dir / "home") == dir / "home/.followup-lint.toml");

  dir.write("home/jobs/.followup-lint.toml", "");
  CHECK(followup::config::find_config(dir / "home/jobs/acme/drafts") ==
        dir / "home/jobs/.followup-lint.toml");

  // Anything named like a config is the config, so that loading it reports
  // what is wrong instead of the search silently going on upwards.
  dir.mkdir("home/jobs/acme/.followup-lint.toml");
  CHECK(followup::config::find_config(dir / "home/jobs/acme/drafts") ==
        dir / "home/jobs/acme/.followup-lint.toml");
  CHECK(std::holds_alternative<std::vector<followup::config::LoadError>>(
      followup::config::load_config(dir / "home/jobs/acme/.followup-lint.toml")));
  fs::remove(dir / "home/jobs/acme/.followup-lint.toml");

  dir.mkdir("elsewhere/deep");
  auto outside = followup::config::find_config(dir / "elsewhere/deep");
  // Nothing in the temp folder; anything found must lie above it.
  if (outside) CHECK(outside->string().rfind(dir.str(), 0) != 0);
}

TEST_CASE("apply_context sets every key of SPEC §3 and records where it came from", "[config]") {
  followup::core::Context context;
  auto errors = apply(R"(kind = "status-inquiry"
medium = "letter"
position = "Account Manager"
company = "Acme"
interviewers = ["Mr. Jones", "Ms. Smith"]
candidate = "Ana Cruz"
culture = "casual"
relationship = "known"
interview_date = 2026-11-20T15:00:00-05:00
sent_date = 2026-11-21
reply_expected_by = 2026-12-01
no_follow_up = true
attachments = ["resume.pdf"]
template = true
placeholders = ["name"]
disable = ["cliche.soft-skill"]
)",
                      context, "front matter");
  CHECK(errors.empty());
  CHECK(context.kind == followup::core::Kind::kStatusInquiry);
  CHECK(context.medium == std::optional<std::string>("letter"));
  CHECK(context.position == std::optional<std::string>("Account Manager"));
  CHECK(context.company == std::optional<std::string>("Acme"));
  CHECK(context.interviewers ==
        std::optional<std::vector<std::string>>({"Mr. Jones", "Ms. Smith"}));
  CHECK(context.candidate == std::optional<std::string>("Ana Cruz"));
  CHECK(context.culture == std::optional<std::string>("casual"));
  CHECK(context.relationship == "known");
  CHECK(context.interview_date.has_value());
  CHECK(context.sent_date.has_value());
  CHECK(context.reply_expected_by.has_value());
  CHECK(context.no_follow_up);
  CHECK(context.attachments == std::vector<std::string>{"resume.pdf"});
  CHECK(context.template_mode);
  CHECK(context.placeholders == std::vector<std::string>{"name"});
  for (const auto& key : followup::core::context_keys()) {
    INFO(key);
    CHECK(context.origins[key] == "front matter");
  }
  CHECK(context.origins.count("disable") == 0);  // read by the linter, not a context key
}

TEST_CASE("apply_context errors name the value's line:col / good keys still apply", "[config]") {
  followup::core::Context context;
  auto errors = apply(R"(company = "Acme"
interviewer = "Ms. Rivera"
culture = "relaxed"
relationship = 3
template = "yes"
interview_date = "next Tuesday"
attachments = ["a.pdf", 7]
kind = "unknown-kind"
)",
                      context);
  // Tables iterate by key, so the errors come in key order here.
  CHECK(errors == std::vector<std::string>{
                      "7:25: 'attachments' must hold only strings, found an integer",
                      "3:11: 'culture' must be 'formal' or 'casual', not 'relaxed'",
                      "6:18: context key 'interview_date' must be a date such as 2026-11-20 or "
                      "2026-11-20T15:00:00-05:00",
                      "2:15: unknown context key 'interviewer'; did you mean 'interviewers'?",
                      "8:8: unknown kind 'unknown-kind' (expected thank-you, status-inquiry or "
                      "rejection-reply)",
                      "4:16: context key 'relationship' must be a string, not an integer",
                      "5:12: context key 'template' must be true or false",
                  });
  CHECK(context.company == std::optional<std::string>("Acme"));
  CHECK(context.origins["company"] == "config");
  CHECK_FALSE(context.culture.has_value());
  CHECK_FALSE(context.kind.has_value());
  CHECK(context.origins.count("interviewer") == 0);
  CHECK(context.origins.count("culture") == 0);
}

TEST_CASE("apply_context: a later layer overrides an earlier one", "[config]") {
  followup::core::Context context;
  CHECK(
      apply("company = \"Config Co\"\nposition = \"Config Role\"\n", context, "config x").empty());
  CHECK(apply("company = \"FM Co\"\n", context, "front matter").empty());
  CHECK(context.company == std::optional<std::string>("FM Co"));
  CHECK(context.origins["company"] == "front matter");
  CHECK(context.position == std::optional<std::string>("Config Role"));
  CHECK(context.origins["position"] == "config x");
}

TEST_CASE("parse_context_flag reads VALUE as TOML when it parses / else as text", "[config]") {
  auto [kind_key, kind] = flag_ok("kind=thank-you");
  CHECK(kind_key == "kind");
  CHECK(kind.str() == "thank-you");
  CHECK(kind.origin.file == "--context");

  CHECK(flag_ok("no_follow_up=true").second.is_bool());
  CHECK(flag_ok("no_follow_up=true").second.boolean());
  CHECK(flag_ok("interview_date=2026-11-20").second.str() == "2026-11-20");
  CHECK(flag_ok("interview_date=2026-11-20T15:00:00-05:00").second.str() ==
        "2026-11-20T15:00:00-05:00");
  CHECK(flag_ok("company=\"Acme, Inc.\"").second.str() == "Acme, Inc.");
  CHECK(flag_ok("company=Acme, Inc.").second.str() == "Acme, Inc.");  // only list keys split on ','
  CHECK(flag_ok("position=Senior Account Manager").second.str() == "Senior Account Manager");
  CHECK(flag_ok("candidate=Ana=Cruz").second.str() == "Ana=Cruz");  // split at the first '='
  CHECK(flag_ok("position=").second.str().empty());

  CHECK(strings_of(flag_ok("interviewers=Mr. Jones, Ms. Smith").second) ==
        std::vector<std::string>{"Mr. Jones", "Ms. Smith"});
  CHECK(strings_of(flag_ok("interviewers=[\"Mr. Jones\", \"Ms. Smith\"]").second) ==
        std::vector<std::string>{"Mr. Jones", "Ms. Smith"});
  CHECK(strings_of(flag_ok("attachments=resume.pdf").second) ==
        std::vector<std::string>{"resume.pdf"});
  CHECK(strings_of(flag_ok("placeholders=name,,company ").second) ==
        std::vector<std::string>{"name", "company"});
}

TEST_CASE("parse_context_flag keeps text keys as written even when they look like TOML",
          "[config]") {
  // A position or company that TOML would read as a number, a float or a boolean.
  CHECK(flag_ok("position=2026").second.str() == "2026");
  CHECK(flag_ok("company=inf").second.str() == "inf");
  CHECK(flag_ok("company=true").second.str() == "true");
  CHECK(flag_ok("candidate=1e3").second.str() == "1e3");
  // A key that wants a bool still gets one, and a wrong type is left for apply_context to report.
  CHECK(flag_ok("template=false").second.is_bool());
  CHECK(flag_ok("no_follow_up=1").second.is_int());
}

TEST_CASE("parse_context_flag rejects a flag without KEY=", "[config]") {
  for (const char* flag : {"company", "=Acme", ""}) {
    INFO(flag);
    auto parsed = parse_context_flag(flag);
    REQUIRE(std::holds_alternative<std::string>(parsed));
    CHECK(std::get<std::string>(parsed) == "expected KEY=VALUE");
  }
}

TEST_CASE("flag values that apply_context refuses give clear errors", "[config]") {
  followup::core::Context context;
  std::vector<LoadError> errors;
  followup::core::Table table;
  for (const char* flag :
       {"kind=banana", "sent_date=last week", "no_follow_up=maybe", "colour=red"}) {
    auto [key, value] = flag_ok(flag);
    table[key] = value;
  }
  followup::config::apply_context(context, table, "command line", errors);
  std::vector<std::string> messages;
  for (const auto& e : errors) messages.push_back(format_error(e));
  CHECK(messages ==
        std::vector<std::string>{
            "--context: error: unknown context key 'colour'",
            "--context: error: unknown kind 'banana' (expected thank-you, status-inquiry or "
            "rejection-reply)",
            "--context: error: context key 'no_follow_up' must be true or false",
            "--context: error: context key 'sent_date' must be a date such as 2026-11-20 or "
            "2026-11-20T15:00:00-05:00",
        });
}

TEST_CASE("glob_match: '*' stays in a segment / '**' crosses them / '?' is one character",
          "[config]") {
  CHECK(glob_match("*.txt", "a.txt"));
  CHECK(glob_match("*.txt", "drafts/deep/a.txt"));  // no '/': the file name in any folder
  CHECK_FALSE(glob_match("*.txt", "a.md"));
  CHECK_FALSE(glob_match("*.txt", "a.txt.bak"));

  CHECK(glob_match("drafts/*.txt", "drafts/a.txt"));
  CHECK_FALSE(glob_match("drafts/*.txt", "drafts/old/a.txt"));
  CHECK_FALSE(
      glob_match("drafts/*.txt", "other/drafts/a.txt"));  // with '/': anchored at the config

  CHECK(glob_match("drafts/**/*.txt", "drafts/a.txt"));
  CHECK(glob_match("drafts/**/*.txt", "drafts/x/y/a.txt"));
  CHECK_FALSE(glob_match("drafts/**/*.txt", "draftsx/a.txt"));
  CHECK(glob_match("**/a.txt", "a.txt"));
  CHECK(glob_match("**/a.txt", "x/y/a.txt"));
  CHECK_FALSE(glob_match("**/a.txt", "x/ba.txt"));

  CHECK(glob_match("?.md", "a.md"));
  CHECK_FALSE(glob_match("?.md", "ab.md"));
  CHECK_FALSE(glob_match("a?b.md", "a/b.md"));
  CHECK(glob_match("drafts/hiro.txt", "drafts/hiro.txt"));
  CHECK_FALSE(glob_match("drafts/hiro.txt", "drafts/hiro.txt2"));
  CHECK(glob_match("**", "anything/at/all.txt"));
}

TEST_CASE("glob_match: a trailing '**' takes everything below the folder", "[config]") {
  CHECK(glob_match("drafts/old/**", "drafts/old/c.txt"));
  CHECK(glob_match("drafts/old/**", "drafts/old/2025/c.txt"));
  CHECK_FALSE(glob_match("drafts/old/**", "drafts/older/c.txt"));
  CHECK_FALSE(glob_match("drafts/old/**", "drafts/c.txt"));
  CHECK(glob_match("old/**", "old/a.md"));
}
