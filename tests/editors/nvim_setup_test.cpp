// Neovim 0.7 with editors/neovim/followup-lint.lua set up as its README says
// (not a hand-made client): the findings of the command line on open, a
// hover with the rule's explanation, a quick fix applied, and a config
// changed on disk used at the next edit (0.7 sends no file events).
// tests/editors/nvim_setup.lua drives headless nvim. Fails without nvim.
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

TEST_CASE("neovim with editors/neovim: findings, hover, a quick fix, config reload without file events",
          "[editors][nvim]") {
  {
    INFO("'nvim' is not on PATH (scripts/deps.sh --test)");
    REQUIRE_FALSE(find_program("nvim").empty());
  }
  TempDir dir;
  dir.write("draft.txt", read_text(FOLLOWUP_SOURCE_DIR "/fixtures/examples/rough-draft.txt"));
  dir.write(".followup-lint.toml", "# no settings yet\n");
  dir.write("plugin/lua/followup-lint.lua", read_text(FOLLOWUP_SOURCE_DIR "/editors/neovim/followup-lint.lua"));
  std::vector<std::string> expected;
  for (const auto& rule : followup::testing::cli_findings(dir.str(), "draft.txt")) expected.push_back("code " + rule);
  REQUIRE(expected.size() >= 5);

  std::string out = (dir / "out.txt").string(), home = dir.str();
  auto r = run_command({"timeout", "120", "nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c",
                        "luafile " FOLLOWUP_SOURCE_DIR "/tests/editors/nvim_setup.lua"},
                       dir.str(),
                       {"FOLLOWUP_BINARY=" FOLLOWUP_BINARY, "PLUGIN_DIR=" + (dir / "plugin").string(), "OUT=" + out,
                        "CONFIG=" + (dir / ".followup-lint.toml").string(), "HOME=" + home, "XDG_CONFIG_HOME=" + home,
                        "XDG_DATA_HOME=" + home, "XDG_STATE_HOME=" + home, "XDG_CACHE_HOME=" + home});
  INFO(r.out << r.err);
  REQUIRE(fs::exists(out));
  std::string text = read_text(out);
  INFO(text);
  CHECK(r.exit_code == 0);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);

  auto hover = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("--hover", 0) == 0; });
  REQUIRE(hover != lines.end());
  std::vector<std::string> shown(lines.begin(), hover);
  std::sort(shown.begin(), shown.end());
  std::sort(expected.begin(), expected.end());
  CHECK(shown == expected);
  std::string hover_text;
  for (auto it = hover; it != lines.end() && *it != "--end hover--"; ++it) hover_text += *it + "\n";
  CHECK(hover_text.find("What it flags") != std::string::npos);
  CHECK(std::find(lines.begin(), lines.end(), "fixed line: Sincerely,") != lines.end());

  auto reload = std::find(lines.begin(), lines.end(), "--after reload--");
  REQUIRE(reload != lines.end());
  CHECK(reload + 1 != lines.end());
  for (auto it = reload + 1; it != lines.end(); ++it) CHECK(*it != "code cliche.soft-skill");
}
