// End-to-end tests of --format sarif (SPEC §6): the real binary lints drafts
// with findings and fixes in a temporary folder; the output is validated
// against the SARIF 2.1.0 schema (python3-jsonschema's Draft7Validator, run as
// a child process) and its fields are checked one by one.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/drafts.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using followup::testing::find_program;
using followup::testing::run_command;
using followup::testing::run_linter;
using followup::testing::TempDir;

namespace {

// kFlawedNote: salutation.punctuation (1:1-1:15, fix inserts ','),
// style.repeated-word (3:54-3:61), cliche.soft-skill (3:106-3:117, no fix),
// closing.unprofessional (7:1-7:8, fix 'Sincerely,').
const std::string& kBad = followup::testing::kFlawedNote;

// Columns count code points: 'team player' starts at code point 92 of line 3
// although 'é' and '—' take more than one byte before it.
const std::string kWide = R"(Dear Ms. Núñez,

Thank you for meeting with me about the Barista position. I enjoyed the café tour — I am a team player.

If you have any further questions, you can reach me at (555) 010-4477. Thank you again for your time.

Sincerely,
Ana Cruz
(555) 010-4477
)";

const std::string& kClean = followup::testing::kCleanNote;

// Kept in the repository (see tests/schemas/README.md), so that the test never depends on the
// machine.
const std::string kSchema = FOLLOWUP_SOURCE_DIR "/tests/schemas/sarif-schema-2.1.0.json";

struct Sarif {
  json doc;
  std::string text;
  int exit_code;
};

Sarif lint_sarif(const TempDir& dir, const std::vector<std::string>& paths) {
  std::vector<std::string> args = {"--format", "sarif"};
  args.insert(args.end(), paths.begin(), paths.end());
  auto r = run_linter(args, "", dir.str());
  INFO(r.err);
  json doc = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  return {doc, r.out, r.exit_code};
}

const json* find_result(const json& results, const std::string& rule) {
  for (const auto& r : results)
    if (r.value("ruleId", "") == rule) return &r;
  return nullptr;
}

void check_region(const json& region, int line, int column, int end_line, int end_column) {
  CHECK(region.at("startLine") == line);
  CHECK(region.at("startColumn") == column);
  CHECK(region.at("endLine") == end_line);
  CHECK(region.at("endColumn") == end_column);
}

}  // namespace

TEST_CASE("sarif: output validates against the SARIF 2.1.0 schema", "[diag][sarif]") {
  // The schema, python3 and its jsonschema module are required: scripts/deps.sh --test installs
  // them.
  {
    INFO("no SARIF schema at " << kSchema);
    REQUIRE(fs::is_regular_file(kSchema));
  }
  {
    INFO("python3 is not on PATH (scripts/deps.sh --test)");
    REQUIRE_FALSE(find_program("python3").empty());
  }
  TempDir dir;
  dir.write("bad.txt", kBad);
  dir.write("notes/café note.txt", kWide);
  dir.write("clean.txt", "");  // input.empty: a finding without a fix
  dir.write("bytes.txt", "Dear Mr. Jones\n\nThank you \xff\xfe for the time.\n");  // input.encoding
  auto sarif = lint_sarif(dir, {"bad.txt", "notes", "clean.txt", "bytes.txt"});
  CHECK(sarif.exit_code == 1);
  std::string out_path = dir.write("out.sarif", sarif.text);

  // Exit 3 when jsonschema cannot be imported, 1 with the errors listed, 0 when valid.
  const std::string script = R"(import json, sys
try:
    from jsonschema import Draft7Validator
except ImportError:
    sys.exit(3)
schema = json.load(open(sys.argv[1], encoding="utf-8"))
doc = json.load(open(sys.argv[2], encoding="utf-8"))
errors = sorted(Draft7Validator(schema).iter_errors(doc), key=lambda e: list(e.absolute_path))
for e in errors:
    print("/".join(str(p) for p in e.absolute_path), ":", e.message)
sys.exit(1 if errors else 0)
)";
  auto v = run_command({"python3", "-c", script, kSchema, out_path}, dir.str());
  {
    INFO("python3 has no jsonschema module (scripts/deps.sh --test installs python3-jsonschema)");
    REQUIRE(v.exit_code != 3);
  }
  INFO(v.out << v.err);
  CHECK(v.exit_code == 0);

  // A document with no results is valid too.
  dir.write("empty/ok.txt", kClean);
  auto clean = run_linter({"--format", "sarif", "empty/ok.txt"}, "", dir.str());
  CHECK(clean.exit_code == 0);
  CHECK(json::parse(clean.out)["runs"][0]["results"].empty());
  std::string clean_path = dir.write("clean.sarif", clean.out);
  auto v2 = run_command({"python3", "-c", script, kSchema, clean_path}, dir.str());
  INFO(v2.out << v2.err);
  CHECK(v2.exit_code == 0);
}

TEST_CASE("sarif: tool.driver names the tool and describes every rule", "[diag][sarif]") {
  TempDir dir;
  dir.write("bad.txt", kBad);
  auto sarif = lint_sarif(dir, {"bad.txt"});
  const json& doc = sarif.doc;
  CHECK(doc.at("version") == "2.1.0");
  CHECK(doc.at("$schema").get<std::string>().find("sarif") != std::string::npos);
  REQUIRE(doc.at("runs").size() == 1);
  const json& driver = doc["runs"][0].at("tool").at("driver");
  CHECK(driver.at("name") == "followup-lint");
  CHECK(driver.at("version") == FOLLOWUP_VERSION);
  CHECK(driver.at("informationUri").get<std::string>().rfind("https://", 0) == 0);

  const json& rules = driver.at("rules");
  REQUIRE(rules.size() >= 20);
  std::vector<std::string> ids;
  for (const auto& rule : rules) {
    INFO(rule.dump());
    std::string id = rule.at("id");
    ids.push_back(id);
    CHECK_FALSE(rule.at("shortDescription").at("text").get<std::string>().empty());
    CHECK_FALSE(rule.at("fullDescription").at("text").get<std::string>().empty());
    CHECK_FALSE(rule.at("help").at("text").get<std::string>().empty());
    std::string level = rule.at("defaultConfiguration").at("level");
    CHECK((level == "error" || level == "warning" || level == "note"));
  }
  // Rule IDs are unique, so ruleIndex is unambiguous.
  auto sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
  for (const auto* id : {"closing.unprofessional", "style.repeated-word", "salutation.punctuation", "cliche.soft-skill"})
    CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
  // Default levels follow the rules' default severities.
  for (const auto& rule : rules) {
    if (rule["id"] == "salutation.punctuation") CHECK(rule["defaultConfiguration"]["level"] == "note");
    if (rule["id"] == "closing.unprofessional") CHECK(rule["defaultConfiguration"]["level"] == "warning");
    if (rule["id"] == "input.encoding") CHECK(rule["defaultConfiguration"]["level"] == "error");
  }
}

TEST_CASE("sarif: results carry ruleId / ruleIndex / level / message and a 1-based region", "[diag][sarif]") {
  TempDir dir;
  dir.write("bad.txt", kBad);
  dir.write("notes/café note.txt", kWide);
  auto sarif = lint_sarif(dir, {"bad.txt", "notes/café note.txt"});
  CHECK(sarif.exit_code == 1);
  const json& run = sarif.doc["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  const json& results = run.at("results");
  REQUIRE(results.size() == 5);

  for (const auto& r : results) {
    INFO(r.dump());
    size_t index = r.at("ruleIndex");
    REQUIRE(index < rules.size());
    CHECK(rules[index]["id"] == r.at("ruleId"));
    CHECK_FALSE(r.at("message").at("text").get<std::string>().empty());
    REQUIRE(r.at("locations").size() == 1);
    const json& physical = r["locations"][0].at("physicalLocation");
    std::string uri = physical.at("artifactLocation").at("uri");
    CHECK(uri.find("://") == std::string::npos);  // relative to the run's folder
    CHECK(uri.front() != '/');
    const json& region = physical.at("region");
    CHECK(region.at("startLine").get<int>() >= 1);
    CHECK(region.at("startColumn").get<int>() >= 1);
  }

  const json* punctuation = find_result(results, "salutation.punctuation");
  REQUIRE(punctuation);
  CHECK((*punctuation)["level"] == "note");
  CHECK((*punctuation)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad.txt");
  // "Dear Mr. Jones" is 14 code points: columns 1 to 15, end exclusive.
  check_region((*punctuation)["locations"][0]["physicalLocation"]["region"], 1, 1, 1, 15);

  const json* repeated = find_result(results, "style.repeated-word");
  REQUIRE(repeated);
  CHECK((*repeated)["level"] == "warning");
  CHECK((*repeated)["message"]["text"].get<std::string>().find("'the'") != std::string::npos);
  check_region((*repeated)["locations"][0]["physicalLocation"]["region"], 3, 54, 3, 61);

  const json* closing = find_result(results, "closing.unprofessional");
  REQUIRE(closing);
  check_region((*closing)["locations"][0]["physicalLocation"]["region"], 7, 1, 7, 8);

  // Code-point columns after multi-byte characters, and an escaped URI.
  const json* wide = nullptr;
  for (const auto& r : results)
    if (r["ruleId"] == "cliche.soft-skill" &&
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] != "bad.txt")
      wide = &r;
  REQUIRE(wide);
  CHECK((*wide)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "notes/caf%C3%A9%20note.txt");
  check_region((*wide)["locations"][0]["physicalLocation"]["region"], 3, 92, 3, 103);
  CHECK(run.value("columnKind", "") == "unicodeCodePoints");
}

TEST_CASE("sarif: safe fixes become fixes with artifactChanges and replacements", "[diag][sarif]") {
  TempDir dir;
  dir.write("bad.txt", kBad);
  auto sarif = lint_sarif(dir, {"bad.txt"});
  const json& results = sarif.doc["runs"][0]["results"];

  auto only_replacement = [](const json& result) -> const json& {
    const json& fixes = result.at("fixes");
    REQUIRE(fixes.size() == 1);
    CHECK_FALSE(fixes[0].at("description").at("text").get<std::string>().empty());
    const json& changes = fixes[0].at("artifactChanges");
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].at("artifactLocation").at("uri") == "bad.txt");
    REQUIRE(changes[0].at("replacements").size() == 1);
    return changes[0]["replacements"][0];
  };

  const json* closing = find_result(results, "closing.unprofessional");
  REQUIRE(closing);
  const json& replace = only_replacement(*closing);
  check_region(replace.at("deletedRegion"), 7, 1, 7, 8);
  CHECK(replace.at("insertedContent").at("text") == "Sincerely,");

  // An insertion deletes an empty region at the insertion point.
  const json* punctuation = find_result(results, "salutation.punctuation");
  REQUIRE(punctuation);
  const json& insert = only_replacement(*punctuation);
  check_region(insert.at("deletedRegion"), 1, 15, 1, 15);
  CHECK(insert.at("insertedContent").at("text") == ",");

  // The second 'the' and the space before it go.
  const json* repeated = find_result(results, "style.repeated-word");
  REQUIRE(repeated);
  const json& remove = only_replacement(*repeated);
  check_region(remove.at("deletedRegion"), 3, 57, 3, 61);
  CHECK(remove.at("insertedContent").at("text") == "");

  // A rule without a fix has no "fixes" at all.
  const json* cliche = find_result(results, "cliche.soft-skill");
  REQUIRE(cliche);
  CHECK_FALSE(cliche->contains("fixes"));
}

TEST_CASE("sarif: absolute paths under the current folder become relative URIs", "[diag][sarif]") {
  TempDir dir;
  std::string draft = dir.write("sub/bad.txt", kBad);
  auto sarif = lint_sarif(dir, {draft});
  const json& results = sarif.doc["runs"][0]["results"];
  REQUIRE_FALSE(results.empty());
  for (const auto& r : results)
    CHECK(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sub/bad.txt");

  // Outside the current folder, an absolute path is a file:// URI.
  TempDir other;
  auto r = run_linter({"--format", "sarif", draft}, "", other.str());
  json doc = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  REQUIRE_FALSE(doc["runs"][0]["results"].empty());
  std::string uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
  CHECK(uri == "file://" + draft);
}
