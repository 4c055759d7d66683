// Microsoft's SARIF validator (`Sarif.Multitool validate --rule-kind
// "Ghas;Sarif"`, installed from npm by scripts/deps.sh --test) finds nothing
// in our SARIF: rules with a name apart from the ID, help URIs, invocations,
// fixes, and a rule from a user rule file outside the run's rule list.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "support/drafts.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using followup::testing::read_text;
using followup::testing::run_command;
using followup::testing::run_linter;
using followup::testing::TempDir;

TEST_CASE("Microsoft's SARIF validator finds nothing in our SARIF", "[diag][sarif]") {
  const fs::path validator =
      fs::path(FOLLOWUP_SOURCE_DIR) / "tests/diag/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";
  {
    INFO("the validator comes from npm: bash scripts/deps.sh --test");
    REQUIRE(fs::exists(validator));
  }
  TempDir dir;
  dir.write("drafts/flawed.txt", followup::testing::kFlawedNote);
  dir.write("drafts/cliche.txt", followup::testing::kClicheNote);
  // A user rule that only this subfolder's config loads: it gets a descriptor of its own.
  dir.write("team/.followup-lint.toml", "rule_paths = [\"house.toml\"]\n");
  dir.write("team/house.toml",
            "[jargon]\ncheck = \"existence\"\nsections = [\"paragraph\"]\nseverity = \"warning\"\n"
            "patterns = ['\\butilize\\b']\nmessage = \"'{match}' is jargon\"\nsummary = \"jargon\"\n");
  dir.write("team/note.txt", "Dear Ms. Rivera,\n\nThank you. I would utilize my skills.\n\nSincerely,\nAna Cruz\n");
  auto r = run_linter({"--format", "sarif", "drafts", "team", "missing.txt"}, "", dir.str());
  REQUIRE(r.exit_code == 2);  // the missing file: execution not successful
  dir.write("out.sarif", r.out);
  json doc = json::parse(r.out);
  const json& run = doc["runs"][0];
  CHECK(run["invocations"][0]["executionSuccessful"] == false);
  for (const auto& rule : run["tool"]["driver"]["rules"]) {
    INFO(rule.dump());
    CHECK(rule["name"] != rule["id"]);
    if (rule["id"] != "team.jargon" && rule["id"] != "house.jargon") CHECK(rule.contains("helpUri"));
  }

  auto validated = run_command({validator.string(), "validate", "--rule-kind", "Ghas;Sarif", "-o",
                                (dir / "validation.sarif").string(), (dir / "out.sarif").string()},
                               dir.str(), {"DOTNET_CLI_TELEMETRY_OPTOUT=1"});
  INFO(validated.out << validated.err);
  REQUIRE(fs::exists(dir / "validation.sarif"));
  json report = json::parse(read_text(dir / "validation.sarif"));
  json found = report["runs"][0].value("results", json::array());
  INFO(found.dump(2));
  CHECK(found.empty());
}
