// Neovim as the client: headless nvim runs tests/lsp/nvim_diagnostics.lua,
// which attaches `followup-lint --lsp` to a draft and writes the rule codes
// and positions of vim.diagnostic.get(); they must match the command line's
// JSON output for the same file. Skipped (with a warning) without `nvim`.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "lsp_test_support.hpp"

using followup::lsp::json;
using namespace lsp_test;
namespace fs = std::filesystem;

namespace {

std::optional<fs::path> find_in_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  std::string_view rest = path;
  while (!rest.empty()) {
    size_t colon = rest.find(':');
    fs::path candidate = fs::path(std::string(rest.substr(0, colon))) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

std::string capture(const std::string& cmd) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

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
  auto nvim = find_in_path("nvim");
  if (!nvim) {
    std::fprintf(stderr,
                 "SKIPPED: neovim test: 'nvim' is not installed (apt-get install -y neovim)\n");
    WARN("skipped: 'nvim' is not installed (apt-get install -y neovim)");
    return;
  }
  const std::string draft = fixtures_dir() + "/project/cafe.txt";
  const std::string script = std::string(FOLLOWUP_SOURCE_DIR) + "/tests/lsp/nvim_diagnostics.lua";
  TempDir tmp;
  const std::string out = (tmp.path() / "codes.txt").string();
  const std::string log = (tmp.path() / "nvim.log").string();
  const std::string home = tmp.path().string();
  std::string cmd = "FOLLOWUP_BINARY=" + quote(FOLLOWUP_BINARY) +
                    " FOLLOWUP_DRAFT=" + quote(draft) + " FOLLOWUP_OUT=" + quote(out) +
                    " HOME=" + quote(home) + " XDG_CONFIG_HOME=" + quote(home) +
                    " XDG_CACHE_HOME=" + quote(home) + " XDG_STATE_HOME=" + quote(home) +
                    " XDG_DATA_HOME=" + quote(home) + " timeout 120 " + quote(nvim->string()) +
                    " --headless -u NONE -i NONE -n -c " + quote("luafile " + script) +
                    " </dev/null >" + quote(log) + " 2>&1";
  int status = std::system(cmd.c_str());
  std::string raw = read_text(out);
  INFO("nvim output: " << read_text(log));
  INFO("script output: " << raw);
  REQUIRE(status == 0);
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
      capture(quote(FOLLOWUP_BINARY) + " --format json " + quote(draft) + " 2>/dev/null"), nullptr,
      false);
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
