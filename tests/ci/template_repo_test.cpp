// The example template repository (examples/template-repo) lints clean in
// template mode; its deliberately broken copy (examples/template-repo-broken)
// reports the expected rules. Also checks that the CI files shipped with the
// project (action.yml, .pre-commit-hooks.yaml, the example workflow) say
// what docs/ci.md promises.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "support/process.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using followup::testing::read_text;
using followup::testing::run_linter;

namespace {

const std::string kExamples = FOLLOWUP_SOURCE_DIR "/examples";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::set<std::string> known_rules() {
  auto r = run_linter({"--list-rules"});
  REQUIRE(r.exit_code == 0);
  std::set<std::string> ids;
  size_t start = 0;
  while (start < r.out.size()) {
    size_t end = r.out.find('\n', start);
    if (end == std::string::npos) end = r.out.size();
    std::string line = r.out.substr(start, end - start);
    if (!line.empty()) ids.insert(line.substr(0, line.find(' ')));
    start = end + 1;
  }
  return ids;
}

}  // namespace

TEST_CASE("examples/template-repo lints clean in template mode", "[ci][examples]") {
  auto r = run_linter({"--format", "json", "--fail-on", "info", "examples/template-repo"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  json doc = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  CHECK(doc["summary"]["errors"] == 0);
  CHECK(doc["summary"]["warnings"] == 0);
  CHECK(doc["summary"]["infos"] == 0);
  // Templates of each kind, and the README is excluded by the example's config.
  std::set<std::string> kinds;
  for (const auto& file : doc["files"]) {
    std::string path = file["path"];
    CHECK_FALSE(contains(path, "README"));
    CHECK(file["diagnostics"].empty());
    kinds.insert(file["kind"].get<std::string>());
  }
  CHECK(doc["files"].size() >= 6);
  CHECK(kinds == std::set<std::string>{"thank-you", "status-inquiry", "rejection-reply"});

  // Without the example's config (template mode off), the same templates are full of placeholders.
  auto plain = run_linter({"--config", FOLLOWUP_SOURCE_DIR "/tests/corpus/.followup-lint.toml",
                           "--color", "never", "examples/template-repo/templates"});
  CHECK(plain.exit_code == 1);
  CHECK(contains(plain.out, "[placeholder.unfilled]"));
}

TEST_CASE("examples/template-repo-broken reports the planted problems", "[ci][examples]") {
  auto rules = known_rules();
  auto r = run_linter({"--color", "never", "examples/template-repo-broken"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  std::set<std::string> expected = {"placeholder.unfilled",   "cliche.soft-skill", "subject.vague",
                                    "inquiry.pressure",       "salutation.generic", "rejection.keep-on-file",
                                    "closing.unprofessional", "placeholder.unknown"};
  for (const auto& id : expected) {
    INFO(id);
    CHECK(rules.count(id) == 1);  // a rule of SPEC §4 that this build lacks fails the test
    CHECK(contains(r.out, "[" + id + "]"));
  }
  // The unknown placeholder is named where it stands.
  CHECK(contains(r.out, "examples/template-repo-broken/templates/thank-you-email.txt:6:"));
}

TEST_CASE("the CI files name the hook / the formats and the upload step", "[ci][examples]") {
  std::string hooks = read_text(FOLLOWUP_SOURCE_DIR "/.pre-commit-hooks.yaml");
  CHECK(contains(hooks, "- id: followup-lint\n"));
  CHECK(contains(hooks, "  entry: followup-lint\n"));
  CHECK(contains(hooks, "  language: system\n"));
  CHECK(contains(hooks, "  types: [text]\n"));
  CHECK(contains(hooks, "  files: '\\.(txt|md|markdown|eml|html?|followup)$'\n"));
  CHECK(contains(hooks, "  args: [--force-exclude]\n"));

  std::string action = read_text(FOLLOWUP_SOURCE_DIR "/action.yml");
  CHECK(contains(action, "using: composite"));
  CHECK(contains(action, "scripts/deps.sh"));
  CHECK(contains(action, "uses: actions/cache@"));
  CHECK(contains(action, "continue-on-error: true"));
  CHECK(contains(action, "cmake -S"));
  CHECK(contains(action, "--format sarif"));
  CHECK(contains(action, "--format github"));
  CHECK(contains(action, "uses: github/codeql-action/upload-sarif@"));

  std::string workflow = read_text(kExamples + "/template-repo/.github/workflows/followup-lint.yml");
  CHECK(contains(workflow, "security-events: write"));
  CHECK(contains(workflow, "uses: followup-lint/followup-lint@"));
  CHECK(fs::exists(FOLLOWUP_SOURCE_DIR "/docs/ci.md"));
}
