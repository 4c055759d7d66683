// End-to-end tests of --format github (SPEC §6): one workflow command per
// diagnostic, ::error/::warning/::notice by severity, with GitHub's escaping
// (%25, %0D, %0A in the message; also %3A and %2C in properties).
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using followup::testing::run_linter;
using followup::testing::TempDir;

namespace {

// salutation.punctuation (info, 1:1-1:15), style.repeated-word (warning,
// 3:54-3:61), closing.unprofessional (warning, 7:1-7:8), and at 3:106-3:110
// "100%" for the user rule below (error).
const std::string kDraft = R"(Dear Mr. Jones

Thank you for taking the time to speak with me about the the Customer Service Associate position. I give 100% every day.

If you have any further questions, you can reach me at (555) 010-4477. Thank you again for your time.

Cheers,
Ana Cruz
(555) 010-4477
)";

// A user rule whose message holds '%', '\r', '\n', ':' and ',' so that the
// message escaping shows.
const std::string kPercentRule = R"([percent]
summary = "a claim of 100%"
check = "existence"
sections = ["paragraph"]
severity = "error"
patterns = ['\b100\s?%']
message = "'{match}' claims 100%\r\nsplit: here, and: there"
help = "say what you measured"
explain = "What it flags: 100%."
)";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string line_with(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& l : lines)
    if (l.find(part) != std::string::npos) return l;
  return {};
}

}  // namespace

TEST_CASE("github: one workflow command per diagnostic / by severity / with its range and rule", "[diag][github]") {
  TempDir dir;
  dir.write("words.toml", kPercentRule);
  dir.write(".followup-lint.toml", "rule_paths = [\"words.toml\"]\n");
  dir.write("drafts/note.txt", kDraft);
  auto r = run_linter({"--format", "github", "drafts/note.txt"}, "", dir.str());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 5);  // four commands and a summary

  CHECK(line_with(lines, "title=salutation.punctuation") ==
        "::notice file=drafts/note.txt,line=1,col=1,endLine=1,endColumn=15,title=salutation.punctuation::"
        "the salutation 'Dear Mr. Jones' does not end with a comma or colon%0A"
        "end the salutation with a comma ('Dear Ms. Rivera,'), or a colon in a formal letter");
  CHECK(line_with(lines, "title=style.repeated-word") ==
        "::warning file=drafts/note.txt,line=3,col=54,endLine=3,endColumn=61,title=style.repeated-word::"
        "'the' appears twice in a row%0Aremove the second one");
  CHECK(line_with(lines, "title=closing.unprofessional")
            .rfind("::warning file=drafts/note.txt,line=7,col=1,endLine=7,endColumn=8,title=closing.unprofessional::",
                   0) == 0);
  // Message: '%' -> %25, '\r' -> %0D, '\n' -> %0A; ':' and ',' stay as they are.
  CHECK(line_with(lines, "title=words.percent") ==
        "::error file=drafts/note.txt,line=3,col=106,endLine=3,endColumn=110,title=words.percent::"
        "'100%25' claims 100%25%0D%0Asplit: here, and: there%0Asay what you measured");
  // Every command line is one physical line: no raw CR in the output.
  CHECK(r.out.find('\r') == std::string::npos);
  CHECK(lines.back() == "followup-lint: 1 file checked: 1 error, 2 warnings, 1 note");
}

TEST_CASE("github: ':' and ' /' in a file name are escaped in the properties", "[diag][github]") {
  TempDir dir;
  dir.write("odd:dir/a,b:c 100%.txt", kDraft);
  auto r = run_linter({"--format", "github", "odd:dir/a,b:c 100%.txt"}, "", dir.str());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() >= 2);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    INFO(lines[i]);
    CHECK(lines[i].find(" file=odd%3Adir/a%2Cb%3Ac 100%25.txt,line=") != std::string::npos);
    // Properties end at the first "::" after the command name.
    auto props = lines[i].substr(0, lines[i].find("::", 2));
    CHECK(props.find(':', 2) == std::string::npos);
    CHECK(std::count(props.begin(), props.end(), ',') == 5);  // file,line,col,endLine,endColumn,title
  }
}

TEST_CASE("github: a clean draft prints only the summary and exits 0", "[diag][github]") {
  TempDir dir;
  dir.write("ok.txt", R"(Dear Mr. Jones,

Thank you for taking the time to speak with me about the Customer Service Associate position. I enjoyed hearing about the diverse clientele your team works with every day.

In addition to my enthusiasm for customer service, I bring five years of experience managing call centers. That work taught me to troubleshoot problems quickly and to set clear goals for a team.

If you have any further questions about my background, you can reach me at (555) 010-4477. Thank you again for your time, and I hope we can speak again soon.

Sincerely,
Ana Cruz
(555) 010-4477
ana.cruz@example.com
)");
  auto r = run_linter({"--format", "github", "ok.txt"}, "", dir.str());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("::") == std::string::npos);
  CHECK(r.out.rfind("followup-lint: 1 file checked", 0) == 0);
}
