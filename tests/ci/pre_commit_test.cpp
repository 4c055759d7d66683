// The pre-commit hook (.pre-commit-hooks.yaml): `pre-commit try-repo` runs it
// from a throwaway git repository holding a committed copy of the hooks
// file, in a second throwaway repository holding the draft, with the built
// binary's folder first on PATH (the hook is `language: system`). Fails
// when git or pre-commit is missing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "support/drafts.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using followup::testing::find_program;
using followup::testing::read_text;
using followup::testing::RunResult;
using followup::testing::run_command;
using followup::testing::TempDir;

namespace {

const std::string& kBad = followup::testing::kFlawedNote;
const std::string& kClean = followup::testing::kCleanNote;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A sandbox: the hook repository, the project repository and pre-commit's
// cache all live in one temporary folder; git and pre-commit see no user or
// system configuration.
struct Sandbox {
  TempDir dir;
  std::vector<std::string> env;

  Sandbox() {
    const char* path = std::getenv("PATH");
    std::string bin_dir = fs::path(FOLLOWUP_BINARY).parent_path().string();
    env = {"PATH=" + bin_dir + ":" + (path ? path : "/usr/local/bin:/usr/bin:/bin"),
           "HOME=" + dir.mkdir("home"),
           "PRE_COMMIT_HOME=" + dir.mkdir("cache"),
           "XDG_CACHE_HOME=" + dir.mkdir("xdg-cache"),
           "GIT_CONFIG_NOSYSTEM=1",
           "GIT_AUTHOR_NAME=followup-lint tests",
           "GIT_AUTHOR_EMAIL=tests@example.com",
           "GIT_COMMITTER_NAME=followup-lint tests",
           "GIT_COMMITTER_EMAIL=tests@example.com",
           "PRE_COMMIT_COLOR=never",
           "NO_COLOR=1"};
  }

  RunResult run(const std::vector<std::string>& argv, const std::string& cwd) const {
    return run_command(argv, cwd, env);
  }

  void git(const std::vector<std::string>& args, const std::string& cwd) const {
    std::vector<std::string> argv = {"git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"};
    argv.insert(argv.end(), args.begin(), args.end());
    auto r = run(argv, cwd);
    INFO("git " << args.front() << ": " << r.out << r.err);
    REQUIRE(r.exit_code == 0);
  }
};

}  // namespace

TEST_CASE("pre-commit try-repo runs the followup-lint hook on drafts", "[ci][pre-commit]") {
  // scripts/deps.sh --test installs both; without them the test fails.
  {
    INFO("git and pre-commit must be on PATH (scripts/deps.sh --test)");
    REQUIRE_FALSE(find_program("git").empty());
    REQUIRE_FALSE(find_program("pre-commit").empty());
  }
  Sandbox box;
  // try-repo needs a git repository with the hooks file committed: copy it
  // into a fresh one rather than using the source tree itself.
  std::string hooks = box.dir.mkdir("hooks");
  box.dir.write("hooks/.pre-commit-hooks.yaml", read_text(FOLLOWUP_SOURCE_DIR "/.pre-commit-hooks.yaml"));
  box.git({"init", "-q"}, hooks);
  box.git({"add", ".pre-commit-hooks.yaml"}, hooks);
  box.git({"commit", "-q", "-m", "hooks"}, hooks);

  std::string project = box.dir.mkdir("project");
  box.git({"init", "-q"}, project);

  SECTION("a draft with findings fails the hook and shows them") {
    box.dir.write("project/draft.txt", kBad);
    box.git({"add", "draft.txt"}, project);
    auto r = box.run({"pre-commit", "try-repo", hooks, "followup-lint", "--files", "draft.txt"}, project);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "followup-lint"));
    CHECK(contains(r.out, "Failed"));
    CHECK(contains(r.out, "draft.txt:7:1: warning: 'Cheers,' is too casual"));
    CHECK(contains(r.out, "[closing.unprofessional]"));
    CHECK(contains(r.out, "[style.repeated-word]"));
  }

  SECTION("a clean draft passes") {
    box.dir.write("project/draft.txt", kClean);
    box.git({"add", "draft.txt"}, project);
    auto r = box.run({"pre-commit", "try-repo", hooks, "followup-lint", "--files", "draft.txt"}, project);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Passed"));
  }

  SECTION("files that are not drafts are not handed to the hook") {
    box.dir.write("project/script.py", kBad);
    box.git({"add", "script.py"}, project);
    auto r = box.run({"pre-commit", "try-repo", hooks, "followup-lint", "--files", "script.py"}, project);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Skipped"));
  }

  SECTION("a repository with a README and a LICENSE commits when only its drafts are clean") {
    std::string sha = box.run({"git", "rev-parse", "HEAD"}, hooks).out;
    while (!sha.empty() && sha.back() == '\n') sha.pop_back();
    box.dir.write("project/.pre-commit-config.yaml",
                  "repos:\n  - repo: " + hooks + "\n    rev: " + sha + "\n    hooks:\n      - id: followup-lint\n");
    box.dir.write("project/.followup-lint.toml", "exclude = [\"README.md\", \"LICENSE.txt\"]\n");
    box.dir.write("project/README.md", "# Our notes\n\nTemplates for the notes we send after interviews.\n");
    box.dir.write("project/LICENSE.txt", "MIT License\n\nPermission is hereby granted, free of charge.\n");
    box.dir.write("project/drafts/thanks.txt", kClean);
    // Linted as drafts, the README and the LICENSE would fail the commit.
    auto readme = box.run({FOLLOWUP_BINARY, "README.md", "LICENSE.txt"}, project);
    REQUIRE(readme.exit_code == 1);

    auto install = box.run({"pre-commit", "install"}, project);
    INFO(install.out << install.err);
    REQUIRE(install.exit_code == 0);
    box.git({"add", "-A"}, project);
    auto clean = box.run({"git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "notes"}, project);
    INFO(clean.out << clean.err);
    CHECK(clean.exit_code == 0);
    CHECK(contains(clean.out + clean.err, "Passed"));

    box.dir.write("project/drafts/thanks.txt", kBad);
    box.dir.write("project/README.md", "# Our notes\n\nTemplates, now with more words.\n");
    box.git({"add", "-A"}, project);
    auto bad = box.run({"git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "worse"}, project);
    INFO(bad.out << bad.err);
    CHECK(bad.exit_code == 1);
    CHECK(contains(bad.out + bad.err, "drafts/thanks.txt:7:1: warning: 'Cheers,' is too casual"));
    CHECK_FALSE(contains(bad.out + bad.err, "README.md:"));
  }
}
