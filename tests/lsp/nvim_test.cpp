// Neovim as the client: headless nvim runs tests/lsp/nvim_diagnostics.lua,
// which attaches `followup-lint --lsp` to a draft and writes the rule codes
// and positions of vim.diagnostic.get(); they must match the command line's
// JSON output for the same file. Fails when `nvim` is not installed.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "support/lsp_session.hpp"

using followup::lsp::json;
using namespace lsp_test;
using followup::testing::find_program;
using followup::testing::run_command;
using followup::testing::run_linter;
using followup::testing::RunResult;
namespace fs = std::filesystem;

namespace {

// Byte column of 1-based code-point column `column` on 1-based `line`.
uint32_t byte_column(const std::string& text, uint32_t line, uint32_t column) {
  size_t start = 0;
  for (uint32_t l = 1; l < line; ++l) start = text.find('\n', start) + 1;
  size_t i = start;
  for (uint32_t c = 1; c < column; ++c) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return static_cast<uint32_t>(i - start);
}

}  // namespace

TEST_CASE("neovim 0.7+: diagnostics arrive in vim.diagnostic with the rule IDs", "[lsp][nvim]") {
  // scripts/deps.sh --test installs neovim; without it the test fails.
  const std::string nvim = find_program("nvim");
  {
    INFO("'nvim' is not on PATH (scripts/deps.sh --test, or apt-get install -y neovim)");
    REQUIRE_FALSE(nvim.empty());
  }
  const std::string draft = fixtures_dir() + "/project/cafe.txt";
  const std::string script = std::string(FOLLOWUP_SOURCE_DIR) + "/tests/lsp/nvim_diagnostics.lua";
  TempDir tmp;
  const std::string out = (tmp.path() / "codes.txt").string();
  const std::string home = tmp.path().string();
  RunResult run =
      run_command({"timeout", "120", nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c",
                   "luafile " + script},
                  fs::current_path().string(),
                  {"FOLLOWUP_BINARY=" FOLLOWUP_BINARY, "FOLLOWUP_DRAFT=" + draft,
                   "FOLLOWUP_OUT=" + out, "HOME=" + home, "XDG_CONFIG_HOME=" + home,
                   "XDG_CACHE_HOME=" + home, "XDG_STATE_HOME=" + home, "XDG_DATA_HOME=" + home});
  std::string raw = read_text(out);
  INFO("nvim output: " << run.out << run.err);
  INFO("script output: " << raw);
  REQUIRE(run.exit_code == 0);
  std::vector<std::string> lines;
  for (size_t i = 0; i < raw.size();) {
    size_t eol = raw.find('\n', i);
    if (eol == std::string::npos) eol = raw.size();
    if (eol > i) lines.push_back(raw.substr(i, eol - i));
    i = eol + 1;
  }
  std::sort(lines.begin(), lines.end());
  std::string got;
  for (const auto& l : lines) got += l + "\n";

  // Expected: the command line's findings, as "<rule> <line0>:<byte col>".
  json cli = json::parse(
      run_linter({"--format", "json", draft}, "", fs::current_path().string()).out, nullptr, false);
  REQUIRE_FALSE(cli.is_discarded());
  std::string text = read_text(draft);
  std::vector<std::string> expected;
  for (const auto& d : cli["files"][0]["diagnostics"]) {
    uint32_t line = d["line"];
    expected.push_back(d["rule"].get<std::string>() + " " + std::to_string(line - 1) + ":" +
                       std::to_string(byte_column(text, line, d["column"])));
  }
  std::sort(expected.begin(), expected.end());
  std::string want;
  for (const auto& e : expected) want += e + "\n";
  REQUIRE_FALSE(expected.empty());
  CHECK(got == want);
  CHECK(got.find("house-rules.jargon 5:91") != std::string::npos);
}
