// Vim with ALE (Debian's vim 9 and vim-ale 3.3) as its users run it: the
// draft named on the command line gets its findings without an edit, hover
// is readable (no error from a code fence), and a config changed on disk is
// used at the next edit. tests/editors/vim_ale.vim drives Vim under a
// pseudo-terminal (`script`). Fails when vim, vim-ale or script is missing.
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

namespace {
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}
}  // namespace

TEST_CASE("vim + ALE: findings on open, readable hover, config reload at the next edit", "[editors][vim]") {
  {
    INFO("vim, vim-ale and script must be installed (scripts/deps.sh --test)");
    REQUIRE_FALSE(find_program("vim").empty());
    REQUIRE_FALSE(find_program("script").empty());
    REQUIRE(fs::exists("/usr/share/vim-ale/plugin/ale.vim"));
  }
  TempDir dir;
  std::string draft = read_text(FOLLOWUP_SOURCE_DIR "/fixtures/examples/rough-draft.txt");
  dir.write("draft.txt", draft);
  dir.write(".followup-lint.toml", "# no settings yet\n");
  std::vector<std::string> expected = followup::testing::cli_findings(dir.str(), "draft.txt", true);
  REQUIRE(expected.size() >= 5);

  std::string out = (dir / "out.txt").string();
  std::string command = "vim -N -u " FOLLOWUP_SOURCE_DIR "/tests/editors/vim_ale.vim -i NONE -n draft.txt";
  auto r = run_command({"timeout", "120", "script", "-qec", command, "/dev/null"}, dir.str(),
                       {"FOLLOWUP_BINARY=" FOLLOWUP_BINARY, "FOLLOWUP_PLUGIN=" FOLLOWUP_SOURCE_DIR "/editors/vim/followup-lint.vim",
                        "OUT=" + out, "CONFIG=" + (dir / ".followup-lint.toml").string(), "HOME=" + dir.str(),
                        "TERM=xterm"});
  REQUIRE(fs::exists(out));
  auto lines = lines_of(read_text(out));
  INFO(read_text(out));
  auto hover = std::find(lines.begin(), lines.end(), "--hover--");
  REQUIRE(hover != lines.end());
  std::vector<std::string> shown(lines.begin(), hover);
  std::sort(shown.begin(), shown.end());
  std::sort(expected.begin(), expected.end());
  CHECK(shown == expected);

  auto errmsg = std::find(lines.begin(), lines.end(), "--errmsg--");
  REQUIRE(errmsg != lines.end());
  std::string hover_text;
  for (auto it = hover + 1; it != errmsg; ++it) hover_text += *it + "\n";
  CHECK(hover_text.find("cliche.soft-skill") != std::string::npos);
  CHECK(hover_text.find("What it flags") != std::string::npos);
  CHECK(hover_text.find("```") == std::string::npos);
  REQUIRE(errmsg + 1 != lines.end());
  CHECK(*(errmsg + 1) == "");  // no E484 or any other error

  auto reload = std::find(lines.begin(), lines.end(), "--after reload--");
  REQUIRE(reload != lines.end());
  for (auto it = reload + 1; it != lines.end(); ++it) CHECK(it->rfind("cliche.", 0) != 0);
  CHECK(reload + 1 != lines.end());
}
