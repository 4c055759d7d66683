// Snapshot tests of the command line: every draft under fixtures/cli/ is
// linted in text and JSON form and compared with <case>.expected and
// <case>.json beside it; every draft under fixtures/parse/ is dumped with
// --dump-sections and compared with <case>.sections. Refresh with
// FOLLOWUP_LINT_UPDATE_SNAPSHOTS=1, then read the diff before committing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "support/process.hpp"

namespace fs = std::filesystem;
using followup::testing::matches_snapshot;
using followup::testing::read_text;
using followup::testing::run_linter;

namespace {

std::vector<fs::path> drafts_in(const std::string& folder) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(FOLLOWUP_SOURCE_DIR) / folder)) {
    auto ext = e.path().extension();
    if (ext == ".txt" || ext == ".md" || ext == ".eml") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> extra_args(const fs::path& draft) {
  std::vector<std::string> args;
  fs::path file = draft;
  file.replace_extension(".args");
  std::istringstream in(read_text(file.string()));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) args.push_back(line);
  return args;
}

}  // namespace

TEST_CASE("CLI output matches the snapshots in fixtures/cli", "[cli][snapshot]") {
  auto drafts = drafts_in("fixtures/cli");
  REQUIRE(drafts.size() >= 10);
  for (const auto& draft : drafts) {
    std::string rel = fs::relative(draft, FOLLOWUP_SOURCE_DIR).generic_string();
    auto args = extra_args(draft);
    DYNAMIC_SECTION(rel) {
      std::vector<std::string> text_args = {"--color", "never"};
      text_args.insert(text_args.end(), args.begin(), args.end());
      text_args.push_back(rel);
      auto text = run_linter(text_args);
      std::string actual = text.out + (text.err.empty() ? "" : "stderr:\n" + text.err) +
                           "exit: " + std::to_string(text.exit_code) + "\n";
      fs::path expected = draft;
      expected.replace_extension(".expected");
      CHECK(matches_snapshot(expected.string(), actual));
      INFO(actual);

      std::vector<std::string> json_args = {"--format", "json"};
      json_args.insert(json_args.end(), args.begin(), args.end());
      json_args.push_back(rel);
      auto json = run_linter(json_args);
      fs::path expected_json = draft;
      expected_json.replace_extension(".json");
      CHECK(matches_snapshot(expected_json.string(), json.out));
      CHECK(json.exit_code == text.exit_code);
    }
  }
}

TEST_CASE("cli: --dump-sections output matches the snapshots in fixtures/parse", "[parse][snapshot]") {
  auto drafts = drafts_in("fixtures/parse");
  REQUIRE(drafts.size() >= 8);
  for (const auto& draft : drafts) {
    std::string rel = fs::relative(draft, FOLLOWUP_SOURCE_DIR).generic_string();
    DYNAMIC_SECTION(rel) {
      auto result = run_linter({"--dump-sections", rel});
      REQUIRE(result.exit_code == 0);
      fs::path expected = draft;
      expected.replace_extension(".sections");
      CHECK(matches_snapshot(expected.string(), result.out));
    }
  }
}
