// Emacs 28 with eglot 1.9 (Debian's emacs-nox and elpa-eglot) as its users
// run it: a plain .txt with a .followup-lint.toml above it gets the findings
// the command line gives, hover comes as plain text (eglot asks for it
// without markdown-mode), a quick fix applies, and a config changed on disk
// is used at the next edit. tests/editors/emacs_eglot.el drives `emacs
// --batch`. Fails when emacs or eglot is missing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "editors/cli_findings.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using followup::testing::find_program;
using followup::testing::read_text;
using followup::testing::run_command;
using followup::testing::run_linter;
using followup::testing::TempDir;

TEST_CASE("emacs + eglot: findings in a plain .txt, plain-text hover, a quick fix, config reload", "[editors][emacs]") {
  {
    INFO("emacs and eglot must be installed (scripts/deps.sh --test: emacs-nox, elpa-eglot)");
    REQUIRE_FALSE(find_program("emacs").empty());
  }
  TempDir dir;
  dir.write("draft.txt", read_text(FOLLOWUP_SOURCE_DIR "/fixtures/examples/rough-draft.txt"));
  dir.write(".followup-lint.toml", "# no settings yet\n");
  std::vector<std::string> expected = followup::testing::cli_findings(dir.str(), "draft.txt");
  REQUIRE(expected.size() >= 5);

  std::string out = (dir / "out.txt").string();
  auto r = run_command({"timeout", "120", "emacs", "--batch", "-Q", "-l", FOLLOWUP_SOURCE_DIR "/tests/editors/emacs_eglot.el"},
                       dir.str(),
                       {"FOLLOWUP_BINARY=" FOLLOWUP_BINARY, "PLUGIN_DIR=" FOLLOWUP_SOURCE_DIR "/editors/emacs", "OUT=" + out,
                        "CONFIG=" + (dir / ".followup-lint.toml").string(), "HOME=" + dir.str()});
  INFO(r.out << r.err);
  REQUIRE(fs::exists(out));
  std::string text = read_text(out);
  INFO(text);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);

  auto hover = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("--hover", 0) == 0; });
  REQUIRE(hover != lines.end());
  std::vector<std::string> shown;
  for (auto it = lines.begin(); it != hover; ++it)
    if (it->rfind("rule ", 0) == 0) shown.push_back(it->substr(5));
  std::sort(shown.begin(), shown.end());
  std::sort(expected.begin(), expected.end());
  CHECK(shown == expected);
  CHECK(lines.front() == "mode text-mode");  // not a drafts/ folder, not .followup: the config is what counts

  CHECK(*hover == "--hover plaintext--");
  auto hover_end = std::find(hover, lines.end(), "--end hover--");
  REQUIRE(hover_end != lines.end());
  std::string hover_text;
  for (auto it = hover + 1; it != hover_end; ++it) hover_text += *it + "\n";
  CHECK(hover_text.find("What it flags") != std::string::npos);
  CHECK(hover_text.find("**") == std::string::npos);
  CHECK(hover_text.find("```") == std::string::npos);

  CHECK(std::find(lines.begin(), lines.end(), "fixed line: Sincerely,") != lines.end());

  auto reload = std::find(lines.begin(), lines.end(), "--after reload--");
  REQUIRE(reload != lines.end());
  CHECK(reload + 1 != lines.end());
  for (auto it = reload + 1; it != lines.end(); ++it) CHECK(*it != "rule cliche.soft-skill");
}
