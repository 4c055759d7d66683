// docs/rules.md is what scripts/rules-doc.sh writes from the rules built into
// this followup-lint, and it is plain text: a rule whose docs change fails
// this test until the page is regenerated with
//   scripts/rules-doc.sh build/followup-lint
#include <catch2/catch.hpp>
#include <string>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using followup::testing::read_text;
using followup::testing::run_command;
using followup::testing::TempDir;

namespace {

const std::string kPage = FOLLOWUP_SOURCE_DIR "/docs/rules.md";

// The 1-based line of the first control character other than tab and line
// feed in `text`, or 0 if there is none.
size_t first_control_line(const std::string& text) {
  size_t line = 1;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\n') ++line;
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return line;
  }
  return 0;
}

// "line N: <a's line> / <b's line>" for the first line where `a` and `b`
// differ, or "" when they are equal.
std::string first_difference(const std::string& a, const std::string& b) {
  size_t i = 0, line = 1;
  while (i < a.size() && i < b.size() && a[i] == b[i]) {
    if (a[i] == '\n') line++;
    ++i;
  }
  if (i == a.size() && i == b.size()) return "";
  auto line_at = [](const std::string& s, size_t at) {
    size_t begin = s.rfind('\n', at == 0 ? 0 : at - 1);
    begin = (begin == std::string::npos || at == 0) ? 0 : begin + 1;
    size_t end = s.find('\n', at);
    return s.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  };
  return "line " + std::to_string(line) + ": '" + line_at(a, i) + "' / '" + line_at(b, i) + "'";
}

}  // namespace

TEST_CASE("docs/rules.md holds no NUL byte or other control character", "[docs]") {
  std::string page = read_text(kPage);
  REQUIRE_FALSE(page.empty());
  CHECK(page.find('\0') == std::string::npos);
  CHECK(first_control_line(page) == 0);
}

TEST_CASE("docs/rules.md is what scripts/rules-doc.sh writes for this build", "[docs]") {
  TempDir dir;
  const std::string out = (dir / "rules.md").string();
  auto r = run_command({"bash", FOLLOWUP_SOURCE_DIR "/scripts/rules-doc.sh", FOLLOWUP_BINARY, out},
                       dir.str());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  std::string fresh = read_text(out);
  REQUIRE_FALSE(fresh.empty());
  CHECK(fresh.find('\0') == std::string::npos);
  CHECK(first_control_line(fresh) == 0);
  INFO("docs/rules.md is out of date: run scripts/rules-doc.sh build/followup-lint");
  CHECK(first_difference(read_text(kPage), fresh) == "");
}
