// The options users of ruff, ESLint and Vale reach for (SPEC §6): rule
// selection, statistics, standard input under a name, report files, exit
// codes, excludes for named files, .gitignore-aware walks and globs,
// did-you-mean, the summary line, long lines, --diff, and where configs and
// colors come from. Each test runs the real binary.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <regex>
#include <set>
#include <sstream>

#include "support/drafts.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace {

using json = nlohmann::json;
using followup::testing::kCleanNote;
using followup::testing::kClicheNote;
using followup::testing::kFlawedNote;
using followup::testing::read_text;
using followup::testing::replace_once;
using followup::testing::run_linter;
using followup::testing::RunResult;
using followup::testing::TempDir;

RunResult lint(const TempDir& dir, const std::vector<std::string>& args, const std::string& input = "",
               const std::vector<std::string>& env = {}) {
  return run_linter(args, input, dir.str(), env);
}

json lint_json(const TempDir& dir, std::vector<std::string> args, const std::string& input = "",
               const std::vector<std::string>& env = {}) {
  args.insert(args.begin(), {"--format", "json"});
  auto r = lint(dir, args, input, env);
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  json doc = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  return doc;
}

std::multiset<std::string> rules_of(const json& doc) {
  std::multiset<std::string> out;
  for (const auto& f : doc["files"])
    for (const auto& d : f["diagnostics"]) out.insert(d["rule"].get<std::string>());
  return out;
}

std::vector<std::string> paths_of(const json& doc) {
  std::vector<std::string> out;
  for (const auto& f : doc["files"]) out.push_back(f["path"].get<std::string>());
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// A note with findings from several groups: salutation, cliche, contact, closing.
const std::string kMixedNote = replace_once(replace_once(kClicheNote, "Dear Mr. Jones,", "Dear Mr. Jones"),
                                            "Sincerely,", "Cheers,");

}  // namespace

TEST_CASE("cli: --select and --ignore take rule IDs and groups / a typo is refused with a suggestion", "[cli][select]") {
  TempDir dir;
  dir.write("note.txt", kMixedNote);
  auto all = rules_of(lint_json(dir, {"note.txt"}));
  REQUIRE(all.count("cliche.soft-skill") > 0);
  REQUIRE(all.count("salutation.punctuation") == 1);
  REQUIRE(all.count("closing.unprofessional") == 1);

  auto only_cliche = rules_of(lint_json(dir, {"--select", "cliche", "note.txt"}));
  CHECK(only_cliche == std::multiset<std::string>(all.lower_bound("cliche."), all.lower_bound("cliche/")));

  auto two = rules_of(lint_json(dir, {"--select", "salutation.punctuation,closing", "note.txt"}));
  CHECK(two == std::multiset<std::string>{"closing.unprofessional", "salutation.punctuation"});

  auto ignored = rules_of(lint_json(dir, {"--ignore", "cliche", "--ignore=salutation.punctuation", "note.txt"}));
  auto expected = all;
  expected.erase("cliche.soft-skill");
  expected.erase("salutation.punctuation");
  CHECK(ignored == expected);

  // A rule the config turns off runs when selected by its ID.
  dir.write(".followup-lint.toml", "[rules.\"closing.unprofessional\"]\nseverity = \"off\"\n");
  CHECK(rules_of(lint_json(dir, {"note.txt"})).count("closing.unprofessional") == 0);
  CHECK(rules_of(lint_json(dir, {"--select", "closing.unprofessional", "note.txt"})) ==
        std::multiset<std::string>{"closing.unprofessional"});

  auto typo = lint(dir, {"--select", "cliche.softskill", "note.txt"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err == "followup-lint: error: unknown rule or group 'cliche.softskill'; did you mean 'cliche.soft-skill'?\n");
  CHECK(typo.out.empty());
  auto group_typo = lint(dir, {"--ignore", "stlye", "note.txt"});
  CHECK(group_typo.exit_code == 2);
  CHECK(group_typo.err == "followup-lint: error: unknown rule or group 'stlye'; did you mean 'style'?\n");
}

TEST_CASE("cli: --statistics counts each rule over the run, in text and JSON", "[cli][statistics]") {
  TempDir dir;
  dir.write("a.txt", kMixedNote);
  dir.write("b.txt", kClicheNote);
  dir.write("c.txt", kCleanNote);
  auto findings = rules_of(lint_json(dir, {"."}));
  auto doc = lint_json(dir, {"--statistics", "."});
  REQUIRE(doc["statistics"].is_array());
  size_t total = 0;
  for (const auto& row : doc["statistics"]) {
    INFO(row.dump());
    CHECK(row["count"].get<size_t>() == findings.count(row["rule"].get<std::string>()));
    total += row["count"].get<size_t>();
  }
  CHECK(total == findings.size());
  CHECK(doc["summary"]["files"] == 3);
  // Most frequent first; a rule with a safe fix says how many findings it fixes.
  CHECK(doc["statistics"][0]["count"].get<size_t>() >= doc["statistics"].back()["count"].get<size_t>());
  for (const auto& row : doc["statistics"])
    if (row["rule"] == "salutation.punctuation") CHECK(row["fixable"] == 1);

  auto text = lint(dir, {"--statistics", "."});
  CHECK(text.exit_code == 1);
  auto lines = lines_of(text.out);
  CHECK(lines.size() == doc["statistics"].size());
  std::regex row(R"(^ +\d+  [a-z-]+\.[a-z-]+ +(error|warning|note) .*)");
  for (const auto& line : lines) CHECK(std::regex_match(line, row));
  CHECK_FALSE(contains(text.out, "a.txt:"));  // no findings, only counts

  auto sarif = lint(dir, {"--statistics", "--format", "sarif", "."});
  CHECK(sarif.exit_code == 2);
}

TEST_CASE("cli: --stdin-filename: config, overrides and format as if stdin were that file", "[cli][stdin]") {
  TempDir dir;
  dir.write("team/.followup-lint.toml", "[rules.\"cliche.soft-skill\"]\nseverity = \"error\"\n");
  auto plain = lint_json(dir, {"-"}, kClicheNote);
  CHECK(plain["files"][0]["path"] == "<stdin>");
  auto named = lint_json(dir, {"--stdin-filename", "team/thanks.txt", "-"}, kClicheNote);
  CHECK(named["files"][0]["path"] == "team/thanks.txt");
  for (const auto& d : named["files"][0]["diagnostics"])
    if (d["rule"] == "cliche.soft-skill") CHECK(d["severity"] == "error");
  CHECK(rules_of(named).count("cliche.soft-skill") == 1);

  // Without '-' it still reads standard input; the name's extension picks the format.
  std::string html = "<p>Dear Mr. Jones,</p><p>Thank you for your time. I am a <b>team player</b>.</p>";
  auto as_html = lint_json(dir, {"--stdin-filename", "note.html"}, html);
  for (const auto& d : as_html["files"][0]["diagnostics"])
    if (d["rule"] == "cliche.soft-skill")  // the column in the HTML as written
      CHECK(html.substr(d["column"].get<size_t>() - 1, 11) == "team player");
  CHECK(rules_of(as_html).count("cliche.soft-skill") == 1);

  // With --force-exclude, standard input named as an excluded file is passed over.
  dir.write(".followup-lint.toml", "exclude = [\"vendor/\"]\n");
  auto skipped = lint(dir, {"--force-exclude", "--stdin-filename", "vendor/x.txt", "-"}, kClicheNote);
  CHECK(skipped.exit_code == 0);
  CHECK(skipped.out.empty());
  CHECK(lint(dir, {"--stdin-filename", "vendor/x.txt", "-"}, kClicheNote).exit_code == 1);

  auto with_file = lint(dir, {"--stdin-filename", "x.txt", "a.txt"});
  CHECK(with_file.exit_code == 2);
  CHECK(contains(with_file.err, "--stdin-filename goes with '-'"));
}

TEST_CASE("cli: --output-file writes the report there / an unwritable one exits 2", "[cli][output]") {
  TempDir dir;
  dir.write("a.txt", kClicheNote);
  auto r = lint(dir, {"--format", "json", "--output-file", "report.json", "a.txt"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  json doc = json::parse(read_text(dir / "report.json"), nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  CHECK(paths_of(doc) == std::vector<std::string>{"a.txt"});
  // Text into a file is never colored, whatever the environment says.
  auto text = lint(dir, {"-o", "report.txt", "a.txt"}, "", {"FORCE_COLOR="});
  CHECK_FALSE(contains(read_text(dir / "report.txt"), "\x1b["));
  CHECK(contains(read_text(dir / "report.txt"), "a.txt:5:115: warning:"));

  auto bad = lint(dir, {"--output-file", "missing-folder/report.txt", "a.txt"});
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "cannot write missing-folder/report.txt"));
  // A report that cannot be written to the end is an error, not a silent loss.
  auto full = lint(dir, {"--output-file", "/dev/full", "a.txt"});
  CHECK(full.exit_code == 2);
  CHECK(contains(full.err, "cannot write the report to /dev/full"));
}

TEST_CASE("cli: --exit-zero: findings exit 0, errors still exit 2", "[cli][exit]") {
  TempDir dir;
  dir.write("a.txt", kClicheNote);
  CHECK(lint(dir, {"a.txt"}).exit_code == 1);
  auto zero = lint(dir, {"--exit-zero", "a.txt"});
  CHECK(zero.exit_code == 0);
  CHECK(contains(zero.out, "a.txt:5:115: warning:"));
  CHECK(lint(dir, {"--exit-zero", "a.txt", "missing.txt"}).exit_code == 2);
}

TEST_CASE("cli: --force-exclude: the config's exclude applies to files named on the command line", "[cli][exclude]") {
  TempDir dir;
  dir.write(".followup-lint.toml", "exclude = [\"README.md\", \"LICENSE.txt\", \"archive/\"]\n");
  dir.write("README.md", "# Templates\n\nThis folder holds our notes.\n");
  dir.write("LICENSE.txt", "MIT License\n\nPermission is hereby granted, free of charge.\n");
  dir.write("archive/old.txt", kClicheNote);
  dir.write("thanks.txt", kCleanNote);
  // What pre-commit passes: every changed file, drafts or not.
  std::vector<std::string> named = {"README.md", "LICENSE.txt", "archive/old.txt", "thanks.txt"};
  auto without = lint(dir, named);
  CHECK(without.exit_code == 1);
  auto args = named;
  args.insert(args.begin(), "--force-exclude");
  auto with = lint(dir, args);
  INFO(with.out << with.err);
  CHECK(with.exit_code == 0);
  CHECK(with.out == "thanks.txt: no problems (read as a thank-you note; if it is not, set --kind or kind in front matter)\n");
}

TEST_CASE("folder walks skip what .gitignore skips, '!' takes a file back", "[cli][walk]") {
  TempDir dir;
  dir.mkdir(".git");  // the top of a repository: its .gitignore and .git/info/exclude apply below it
  dir.write(".gitignore", "drafts/scratch/\n*.bak.txt\n");
  dir.write(".git/info/exclude", "private-*.txt\n");
  dir.write("drafts/.gitignore", "sent-*.txt\n!sent-keep.txt\n");
  for (const char* name : {"drafts/a.txt", "drafts/scratch/b.txt", "drafts/c.bak.txt", "drafts/private-d.txt",
                           "drafts/sent-e.txt", "drafts/sent-keep.txt", "drafts/deep/f.txt"})
    dir.write(name, kCleanNote);
  // Walked from inside the repository, the .gitignore files above the folder count too.
  CHECK(paths_of(lint_json(dir, {"drafts"})) ==
        std::vector<std::string>{"drafts/a.txt", "drafts/deep/f.txt", "drafts/sent-keep.txt"});
  // A file named on the command line is linted all the same.
  CHECK(paths_of(lint_json(dir, {"drafts/scratch/b.txt"})) == std::vector<std::string>{"drafts/scratch/b.txt"});
}

TEST_CASE("globs on the command line: gitignore syntax, expanded in path order, a miss reported", "[cli][walk]") {
  TempDir dir;
  for (const char* name : {"drafts/a.txt", "drafts/b.md", "drafts/c.txt", "drafts/old/d.txt", "drafts/e.eml"})
    dir.write(name, kCleanNote);
  dir.write("drafts/f.followup", kCleanNote);
  CHECK(paths_of(lint_json(dir, {"drafts"})) ==
        std::vector<std::string>{"drafts/a.txt", "drafts/b.md", "drafts/c.txt", "drafts/e.eml", "drafts/f.followup",
                                 "drafts/old/d.txt"});
  CHECK(paths_of(lint_json(dir, {"drafts/*.{txt,md}"})) ==
        std::vector<std::string>{"drafts/a.txt", "drafts/b.md", "drafts/c.txt"});
  CHECK(paths_of(lint_json(dir, {"drafts/[bc].*"})) == std::vector<std::string>{"drafts/b.md", "drafts/c.txt"});
  CHECK(paths_of(lint_json(dir, {"**/d.txt"})) == std::vector<std::string>{"drafts/old/d.txt"});
  auto none = lint(dir, {"drafts/*.html"});
  CHECK(none.exit_code == 2);
  CHECK(none.err == "drafts/*.html: error: no draft matches this pattern\n");
}

TEST_CASE("an exclude pattern that matched nothing in a whole walk is reported with its place", "[cli][exclude]") {
  TempDir dir;
  dir.write(".followup-lint.toml", "exclude = [\n  \"archiv/\",\n  \"*.{md,html}\",\n  \"[bc].txt\",\n]\n");
  dir.write("archive/old.txt", kCleanNote);
  dir.write("a.txt", kCleanNote);
  dir.write("b.txt", kCleanNote);
  dir.write("n.md", kCleanNote);
  auto r = lint(dir, {"."});
  CHECK(r.exit_code == 0);
  CHECK(r.err == (dir / ".followup-lint.toml").string() +
                     ":2:3: warning: the exclude pattern 'archiv/' matched no file in the folders linted; "
                     "check its spelling, or remove it if it is stale\n");
  // Linting one file says nothing about the patterns.
  CHECK(lint(dir, {"a.txt"}).err.empty());
  // A pattern that cannot match at all is a config error, with its place.
  dir.write(".followup-lint.toml", "exclude = [\"drafts/[ab.txt\"]\n");
  auto bad = lint(dir, {"a.txt"});
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, ".followup-lint.toml:1:12: error: 'drafts/[ab.txt' is not a glob that can match: an unclosed '['"));
}

TEST_CASE("did you mean: flags, values, rule IDs and context keys", "[cli][suggest]") {
  TempDir dir;
  dir.write("a.txt", kCleanNote);
  CHECK(lint(dir, {"--fomat", "json", "a.txt"}).err ==
        "followup-lint: error: unknown option '--fomat'; did you mean '--format'? (see --help)\n");
  CHECK(lint(dir, {"--statistic", "a.txt"}).err ==
        "followup-lint: error: unknown option '--statistic'; did you mean '--statistics'? (see --help)\n");
  CHECK(lint(dir, {"--format", "jsno", "a.txt"}).err ==
        "followup-lint: error: unknown format 'jsno'; did you mean 'json'? (expected text, json, sarif or github)\n");
  CHECK(lint(dir, {"--explain", "subject.vauge"}).err ==
        "followup-lint: error: unknown rule 'subject.vauge'; did you mean 'subject.vague'?\n");
  CHECK(lint(dir, {"--context", "intervew_date=2026-11-19", "a.txt"}).err ==
        "--context: error: unknown context key 'intervew_date'; did you mean 'interview_date'?\n");
  // Nothing near: no guess.
  CHECK(lint(dir, {"--explain", "zzz"}).err == "followup-lint: error: unknown rule 'zzz' (see --list-rules)\n");
}

TEST_CASE("the summary reads as a sentence, not as a finding an editor would jump to", "[cli][summary]") {
  TempDir dir;
  dir.write(".followup-lint.toml", "[rules.\"cliche.soft-skill\"]\nseverity = \"info\"\n");
  dir.write("thanks.txt", kMixedNote);
  dir.write("good.txt", kCleanNote);
  // Vim's default errorformat and most task runners take FILE:LINE: as a location.
  std::regex location(R"(^[^ :]+:\d+:)");
  for (const auto& args : std::vector<std::vector<std::string>>{{"good.txt"}, {"thanks.txt"}, {"."}}) {
    auto r = lint(dir, args);
    auto lines = lines_of(r.out);
    REQUIRE_FALSE(lines.empty());
    INFO(lines.back());
    CHECK_FALSE(std::regex_search(lines.back(), location));
  }
  auto one = lint(dir, {"thanks.txt"});
  std::regex summary(R"(^thanks\.txt: (\d+ errors?, )?\d+ warnings?, \d+ notes? \(read as a thank-you note; if it is not, set --kind or kind in front matter\)$)");
  CHECK(std::regex_match(lines_of(one.out).back(), summary));
  CHECK(contains(one.out, ": note: "));
  CHECK_FALSE(contains(one.out, "info"));
}

TEST_CASE("a long line is cut around each caret to the width, with the caret on the finding", "[cli][excerpt]") {
  TempDir dir;
  std::string filler = "and I enjoyed hearing how the team plans the quarter with the other offices ";
  std::string paragraph = "Thank you for the call about the payroll role, " + filler + filler +
                          "and I am a team player " + filler + filler + "so thank you again.";
  std::string note = "Dear Ms. Rivera,\n\n" + paragraph + "\n\nSincerely,\nAna Cruz\nana@example.com\n";
  dir.write("long.txt", note);
  for (int width : {60, 100, 140}) {
    auto r = lint(dir, {"--select", "cliche", "long.txt"}, "", {"COLUMNS=" + std::to_string(width)});
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() >= 3);
    INFO(r.out);
    const std::string& excerpt = lines[1];
    const std::string& caret = lines[2];
    CHECK(excerpt.size() <= static_cast<size_t>(width) + 4);  // "…" is 3 bytes, one column
    CHECK(contains(excerpt, "…"));
    // The caret sits under 'team player', counted in columns ("…" is one).
    size_t col = caret.find('^');
    REQUIRE(col != std::string::npos);
    std::string shown = excerpt;
    size_t ellipsis = shown.find("…");
    if (ellipsis != std::string::npos && ellipsis < col) shown.replace(ellipsis, 3, ".");
    CHECK(shown.substr(col, 11) == "team player");
  }
  // Without COLUMNS and off a terminal, 140 columns.
  auto r = lint(dir, {"--select", "cliche", "long.txt"});
  CHECK(lines_of(r.out)[1].size() <= 146);
}

TEST_CASE("cli: --diff shows each fix as its own small hunk and writes nothing", "[cli][diff]") {
  TempDir dir;
  std::string middle;
  for (int i = 0; i < 12; ++i) middle += "Line " + std::to_string(i) + " of a long middle paragraph.\n";
  std::string note = "Dear Mr. Jones\n\nThank you for your time.\n\n" + middle +
                     "\nYou can reach me at (555) 010-4477.\n\nCheers,\nAna Cruz\nana.cruz@example.com\n";
  dir.write("note.txt", note);
  auto r = lint(dir, {"--diff", "note.txt"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(read_text(dir / "note.txt") == note);
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() >= 4);
  CHECK(lines[0] == "--- a/note.txt");
  CHECK(lines[1] == "+++ b/note.txt");
  std::vector<std::string> changed, hunks;
  for (const auto& line : lines) {
    if (line.rfind("@@", 0) == 0) hunks.push_back(line);
    else if ((line[0] == '-' || line[0] == '+') && line.rfind("---", 0) != 0 && line.rfind("+++", 0) != 0)
      changed.push_back(line);
  }
  CHECK(hunks == std::vector<std::string>{"@@ -1,4 +1,4 @@", "@@ -17,6 +17,6 @@"});
  CHECK(changed == std::vector<std::string>{"-Dear Mr. Jones", "+Dear Mr. Jones,", "-Cheers,", "+Sincerely,"});
  CHECK_FALSE(contains(r.out, "warning:"));  // the diff alone

  // Nothing to fix: no diff, exit 0.
  dir.write("clean.txt", kCleanNote);
  auto clean = lint(dir, {"--diff", "clean.txt"});
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.empty());
}

TEST_CASE("cli: --list-rules --format json and --show-config with parameters", "[cli][rules]") {
  TempDir dir;
  dir.write("a.txt", kCleanNote);
  auto listed = lint(dir, {"--list-rules", "--format", "json"});
  CHECK(listed.exit_code == 0);
  json doc = json::parse(listed.out, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  auto text_rows = lines_of(lint(dir, {"--list-rules"}).out);
  REQUIRE(doc["rules"].size() == text_rows.size());
  for (size_t i = 0; i < text_rows.size(); ++i) {
    const auto& rule = doc["rules"][i];
    CHECK(text_rows[i].rfind(rule["id"].get<std::string>() + " ", 0) == 0);
    CHECK(rule["group"] == rule["id"].get<std::string>().substr(0, rule["id"].get<std::string>().find('.')));
  }

  auto before = lint(dir, {"--show-config", "a.txt"});
  CHECK(contains(before.out, "paragraph.too-long           warning\n    max_sentences            = 3\n"));
  dir.write(".followup-lint.toml", "[rules.\"paragraph.too-long\"]\nmax_sentences = 4\n");
  auto after = lint(dir, {"--show-config", "a.txt"});
  CHECK(contains(after.out, "    max_sentences            = 4  # set in the config\n"));
}

TEST_CASE("configs: the project's, else FOLLOWUP_LINT_CONFIG's, else the user's own", "[cli][config]") {
  TempDir dir;
  dir.write("home/followup-lint/config.toml", "[rules.\"cliche.soft-skill\"]\nseverity = \"error\"\n");
  dir.write("elsewhere.toml", "[rules.\"cliche.soft-skill\"]\nseverity = \"off\"\n");
  dir.write("loose/a.txt", kClicheNote);
  dir.write("project/.followup-lint.toml", "[rules.\"cliche.soft-skill\"]\nseverity = \"info\"\n");
  dir.write("project/a.txt", kClicheNote);
  std::string xdg = "XDG_CONFIG_HOME=" + (dir / "home").string();
  auto severity_in = [&](const std::string& file, const std::vector<std::string>& env) {
    auto doc = lint_json(dir, {file}, "", env);
    for (const auto& d : doc["files"][0]["diagnostics"])
      if (d["rule"] == "cliche.soft-skill") return d["severity"].get<std::string>();
    return std::string("none");
  };
  CHECK(severity_in("loose/a.txt", {}) == "warning");
  CHECK(severity_in("loose/a.txt", {xdg}) == "error");     // the user's own config
  CHECK(severity_in("project/a.txt", {xdg}) == "info");    // the project's wins
  std::string env_config = "FOLLOWUP_LINT_CONFIG=" + (dir / "elsewhere.toml").string();
  CHECK(severity_in("project/a.txt", {xdg, env_config}) == "none");  // like --config
  CHECK(severity_in("project/a.txt", {env_config}) == "none");
  auto flag = lint_json(dir, {"--config", (dir / "home/followup-lint/config.toml").string(), "project/a.txt"}, "",
                        {env_config});
  CHECK(rules_of(flag).count("cliche.soft-skill") == 1);  // --config wins over the variable
}

TEST_CASE("colors: --color wins, then FORCE_COLOR, then NO_COLOR", "[cli][color]") {
  TempDir dir;
  dir.write("a.txt", kClicheNote);
  auto colored = [&](const std::vector<std::string>& args, const std::vector<std::string>& env) {
    return contains(lint(dir, args, "", env).out, "\x1b[");
  };
  CHECK_FALSE(colored({"a.txt"}, {}));  // a pipe
  CHECK(colored({"a.txt"}, {"FORCE_COLOR=1"}));
  CHECK(colored({"a.txt"}, {"FORCE_COLOR=1", "NO_COLOR=1"}));
  CHECK_FALSE(colored({"a.txt"}, {"FORCE_COLOR=0"}));
  CHECK_FALSE(colored({"--color", "never", "a.txt"}, {"FORCE_COLOR=1"}));
  CHECK(colored({"--color", "always", "a.txt"}, {"NO_COLOR=1"}));
}

TEST_CASE("folder walks skip symlinked drafts unless --follow-links, and a named link is read", "[cli][walk]") {
  TempDir dir;
  dir.write("outside/secret.txt", "extraheader = AUTHORIZATION: basic c2VjcmV0\n");
  dir.write("drafts/a.txt", kCleanNote);
  std::filesystem::create_symlink("../outside/secret.txt", dir / "drafts/n.txt");
  auto walked = lint(dir, {"drafts"});
  CHECK_FALSE(contains(walked.out + walked.err, "AUTHORIZATION"));
  CHECK_FALSE(contains(walked.out, "n.txt"));
  CHECK(paths_of(lint_json(dir, {"drafts"})) == std::vector<std::string>{"drafts/a.txt"});
  CHECK(paths_of(lint_json(dir, {"--follow-links", "drafts"})) ==
        std::vector<std::string>{"drafts/a.txt", "drafts/n.txt"});
  CHECK(paths_of(lint_json(dir, {"drafts/n.txt"})) == std::vector<std::string>{"drafts/n.txt"});
  // --fix in a walk never reaches the file outside through the link.
  std::string before = read_text(dir / "outside/secret.txt");
  lint(dir, {"--fix", "--unsafe-fixes", "drafts"});
  CHECK(read_text(dir / "outside/secret.txt") == before);
}

TEST_CASE("robustness: a report that cannot be written exits 2 with a message", "[cli][robustness]") {
  TempDir dir;
  dir.write("d.txt", kClicheNote);
  for (const char* format : {"text", "json", "sarif", "github"}) {
    auto r = followup::testing::run_command(
        {"sh", "-c", std::string("\"$BIN\" --format ") + format + " d.txt > /dev/full"}, dir.str(),
        {std::string("BIN=") + FOLLOWUP_BINARY});
    INFO(format << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "cannot write the report"));
  }
}

TEST_CASE("robustness: --fix on a draft with a 250-byte name", "[cli][robustness]") {
  TempDir dir;
  std::string name = std::string(246, 'n') + ".txt";
  dir.write(name, replace_once(kCleanNote, "Sincerely,", "Cheers,"));
  auto r = lint(dir, {"--fix", name});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(read_text(dir / name), "\nSincerely,\n"));
}

TEST_CASE("robustness: front matter disable = [1, 2] is reported, not ignored", "[cli][robustness]") {
  TempDir dir;
  dir.write("d.txt", "+++\ndisable = [1, \"style.shouting\"]\n+++\n" + kCleanNote);
  auto doc = lint_json(dir, {"d.txt"});
  auto rules = rules_of(doc);
  CHECK(rules.count("front-matter.invalid") == 1);
  for (const auto& d : doc["files"][0]["diagnostics"])
    if (d["rule"] == "front-matter.invalid") {
      CHECK(d["line"] == 2);
      CHECK(contains(d["message"].get<std::string>(), "not an integer"));
    }
}

TEST_CASE("robustness: SARIF percent-encodes a backslash in a file name", "[cli][robustness]") {
  TempDir dir;
  dir.write("a\\b.txt", kClicheNote);
  auto r = lint(dir, {"--format", "sarif", "a\\b.txt"});
  auto doc = json::parse(r.out);
  CHECK(doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a%5Cb.txt");
}

TEST_CASE("robustness: control characters from drafts, names and rules never reach the terminal raw",
          "[cli][robustness]") {
  TempDir dir;
  // An escape sequence in the draft, a newline and an escape in its name, a rule message with a newline.
  std::string draft = replace_once(kClicheNote, "team player", "team player\x1b]0;pwned\x07");
  std::string name = "evil\n::stop-commands::x\x1b[31m.txt";
  dir.write(name, draft);
  dir.write(".followup-lint.toml", "rule_paths = [\"house.toml\"]\n");
  dir.write("house.toml",
            "[loud]\ncheck = \"existence\"\nsections = [\"paragraph\"]\nseverity = \"warning\"\n"
            "patterns = ['team player']\nmessage = \"line one\\n::stop-commands::token\\u001b[2J\"\n"
            "summary = \"loud\"\nexplain = \"A test rule.\"\n");
  for (const char* format : {"text", "github"}) {
    auto r = lint(dir, {"--format", format, "--color", "never", name});
    INFO(format << ":\n" << r.out << r.err);
    CHECK(r.exit_code == 1);
    std::string all = r.out + r.err;
    CHECK(all.find('\x1b') == std::string::npos);
    CHECK(all.find('\x07') == std::string::npos);
    for (const auto& line : lines_of(r.out)) CHECK(line.rfind("::stop-commands::", 0) != 0);
    CHECK(contains(r.out, "\xE2\x90\x9B"));  // ESC shown as the symbol U+241B
  }
  // The caret still sits under the finding when the line holds a control character.
  auto text = lint(dir, {"--select", "cliche", "--color", "never", name});
  auto lines = lines_of(text.out);
  REQUIRE(lines.size() >= 3);
  INFO(text.out);
  size_t caret = lines[2].find('^');
  // Count columns: each UTF-8 sequence (a control picture too) is one column here.
  size_t column = 0, i = 0;
  while (i < lines[1].size() && column < caret) {
    unsigned char c = static_cast<unsigned char>(lines[1][i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++column;
  }
  CHECK(lines[1].substr(i, 11) == "team player");
}

namespace {
// Runs the linter as an unprivileged user when this test runs as root (root
// reads any folder whatever its mode), as itself otherwise.
RunResult lint_unprivileged(const TempDir& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv;
  if (::geteuid() == 0) argv = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"};
  argv.push_back(FOLLOWUP_BINARY);
  argv.insert(argv.end(), args.begin(), args.end());
  return followup::testing::run_command(argv, dir.str(), {"XDG_CONFIG_HOME=/nonexistent"});
}
}  // namespace

TEST_CASE("robustness: a folder the walk cannot open is reported, the rest still linted", "[cli][robustness]") {
  TempDir dir;
  dir.write("drafts/a.txt", kCleanNote);
  dir.write("drafts/locked/b.txt", kClicheNote);
  dir.write("drafts/z.txt", kCleanNote);
  namespace fs = std::filesystem;
  for (const char* p : {"", "drafts", "drafts/a.txt", "drafts/z.txt"})
    fs::permissions(dir / p, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                 fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(dir / "drafts/locked", fs::perms::none);
  auto r = lint_unprivileged(dir, {"drafts"});
  fs::permissions(dir / "drafts/locked", fs::perms::owner_all);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "drafts/locked: error: cannot read the folder: Permission denied; its drafts were not linted"));
  CHECK(contains(r.out, "2 files checked"));
}

TEST_CASE("robustness: a .followup-lint.toml that is not a readable file is an error, not skipped",
          "[cli][robustness]") {
  namespace fs = std::filesystem;
  TempDir dir;
  dir.write(".followup-lint.toml", "[rules.\"cliche.soft-skill\"]\nseverity = \"off\"\n");  // must not be reached
  dir.write("as-folder/d.txt", kClicheNote);
  fs::create_directories(dir / "as-folder/.followup-lint.toml");
  dir.write("dangling/d.txt", kClicheNote);
  fs::create_symlink("nowhere.toml", dir / "dangling/.followup-lint.toml");
  dir.write("loop/d.txt", kClicheNote);
  fs::create_symlink(".followup-lint.toml", dir / "loop/.followup-lint.toml");
  for (const char* folder : {"as-folder", "dangling", "loop"}) {
    auto r = lint(dir, {std::string(folder) + "/d.txt"});
    INFO(folder << ": " << r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, std::string(folder) + "/.followup-lint.toml"));
    CHECK(contains(r.err, "cannot read the config file"));
  }
}

TEST_CASE("robustness: rule_paths stay inside the repository that holds the config", "[cli][robustness]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "repo/.git");
  dir.write("outside.toml", "[x]\ncheck = \"SECRET-TOKEN-42\"\n");
  dir.write("repo/rules/house.toml",
            "[jargon]\ncheck = \"existence\"\nsections = [\"paragraph\"]\nseverity = \"warning\"\n"
            "patterns = ['\\butilize\\b']\nmessage = \"'{match}' is jargon\"\nsummary = \"jargon\"\nexplain = \"x\"\n");
  dir.write("repo/drafts/.followup-lint.toml", "rule_paths = [\"../rules/house.toml\"]\n");
  dir.write("repo/drafts/d.txt", "Dear Ms. Rivera,\n\nThank you. I would utilize my skills.\n\nSincerely,\nAna Cruz\n");
  // Inside the repository (above the config's folder): allowed.
  auto inside = lint(dir, {"repo/drafts/d.txt"});
  CHECK(contains(inside.out, "[house.jargon]"));
  for (const char* path : {"../../outside.toml", "/etc/passwd"}) {
    dir.write("repo/drafts/.followup-lint.toml", std::string("rule_paths = [\"") + path + "\"]\n");
    auto r = lint(dir, {"repo/drafts/d.txt"});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, std::string("the rule file '") + path + "' is outside the repository"));
    CHECK_FALSE(contains(r.err, "SECRET-TOKEN-42"));
    CHECK_FALSE(contains(r.err, "root:"));
  }
  // Said on purpose, it is read.
  dir.write("repo/drafts/.followup-lint.toml", "rule_paths = [\"../../outside.toml\"]\nrule_paths_outside = true\n");
  CHECK(contains(lint(dir, {"repo/drafts/d.txt"}).err, "SECRET-TOKEN-42"));
}

TEST_CASE("robustness: placeholder.unknown with thousands of allowed names stays small", "[cli][robustness]") {
  TempDir dir;
  std::string names;
  for (int i = 0; i < 2000; ++i) names += (i ? ", " : "") + std::string("\"name_") + std::to_string(i) + "\"";
  std::string body;
  for (int i = 0; i < 500; ++i) body += "Line {{unknown_" + std::to_string(i) + "}} and {{name_" + std::to_string(i) + "}}.\n";
  dir.write("t.txt", "+++\ntemplate = true\nplaceholders = [" + names + "]\n+++\nDear {{name_1}},\n\n" + body +
                         "\nSincerely,\nAna Cruz\n");
  auto r = lint(dir, {"--format", "json", "--select", "placeholder.unknown", "t.txt"});
  auto doc = json::parse(r.out);
  auto& diags = doc["files"][0]["diagnostics"];
  CHECK(diags.size() >= 100);  // a rule reports its first 100 and says how many more
  // Each message names a few allowed names, not all 2,000: the report grows with the draft only.
  for (const auto& d : diags) CHECK(d["message"].get<std::string>().size() < 400);
  CHECK(contains(diags[0]["message"].get<std::string>(), "and 1990 more"));
  // Near misses still get their suggestion.
  dir.write("u.txt", "+++\ntemplate = true\nplaceholders = [" + names + "]\n+++\nDear {{name_12x}},\n\nThanks.\n");
  auto near = json::parse(lint(dir, {"--format", "json", "--select", "placeholder.unknown", "u.txt"}).out);
  CHECK(contains(near["files"][0]["diagnostics"][0]["message"].get<std::string>(), "name_12"));
}
