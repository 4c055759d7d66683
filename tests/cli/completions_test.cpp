// The shell completions (share/completions) offer every option --help
// lists, so a new flag cannot be left out of them.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

#include "support/process.hpp"

using followup::testing::read_text;
using followup::testing::run_command;
using followup::testing::run_linter;

TEST_CASE("bash, zsh and fish completions offer every option of --help", "[cli][install]") {
  std::string help = run_linter({"--help"}).out;
  std::string options = help.substr(help.find("Options:"));
  options = options.substr(0, options.find("\n\n"));
  std::set<std::string> flags;
  std::regex flag(R"(--[a-z][a-z-]+)");
  for (auto it = std::sregex_iterator(options.begin(), options.end(), flag); it != std::sregex_iterator(); ++it)
    flags.insert(it->str());
  REQUIRE(flags.size() >= 25);
  const std::string dir = FOLLOWUP_SOURCE_DIR "/share/completions/";
  std::string bash = read_text(dir + "followup-lint.bash");
  std::string zsh = read_text(dir + "_followup-lint");
  std::string fish = read_text(dir + "followup-lint.fish");
  for (const auto& f : flags) {
    INFO(f);
    CHECK(std::regex_search(bash, std::regex(f + R"((\s|\||\)|"))")));
    bool in_zsh = zsh.find(f + "[") != std::string::npos || zsh.find("," + f + "}") != std::string::npos;
    CHECK(in_zsh);
    CHECK(fish.find("-l " + f.substr(2) + " ") != std::string::npos);
  }
  CHECK(run_command({"bash", "-n", dir + "followup-lint.bash"}, FOLLOWUP_SOURCE_DIR).exit_code == 0);
}
