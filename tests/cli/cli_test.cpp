// End-to-end tests of the command line (SPEC §5, §6): the real binary runs in
// a fresh temporary folder holding drafts and configs written by each test.
// Expectations name well-known rules and check for their presence or absence,
// so that new rules do not break these tests.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include <regex>
#include <cerrno>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/drafts.hpp"
#include "support/process.hpp"
#include "support/skip.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using followup::testing::kCleanNote;
using followup::testing::kClicheNote;
using followup::testing::read_text;
using followup::testing::replace_once;
using followup::testing::run_linter;
using followup::testing::run_linter_on_tty;
using followup::testing::RunResult;
using followup::testing::TempDir;

namespace {

// One finding each, on top of kCleanNote (kClicheNote: cliche.soft-skill at 5:115).
const std::string kIncomplete = replace_once(kCleanNote, "reach me at (555) 010-4477",
                                             "reach me at or by email");  // contact.incomplete
const std::string kOneName =
    replace_once(kCleanNote, "\nAna Cruz\n", "\nAna\n");  // signature.full-name
const std::string kNoSalutation =
    replace_once(kCleanNote, "Dear Mr. Jones,\n\n", "");  // salutation.missing

// A user rule file with a safe fix, so that --fix does not depend on the built-in rules.
const std::string kWordsRules = R"([utilize]
check = "substitution"
sections = ["paragraph"]
severity = "warning"
swap = [['\butilize\b', "use"]]
message = "'{match}' is a long word for '{replacement}'"
summary = "'utilize' where 'use' says the same"
explain = "What it flags: 'utilize'."
)";
const std::string kUtilize =
    replace_once(kCleanNote, "I bring five years",
                 "I would utilize five years");  // words.utilize at 5:60, fix to 'use'

bool has_rule(const std::string& out, const std::string& rule) {
  return out.find("[" + rule + "]") != std::string::npos;
}
bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

size_t count_of(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size()))
    ++n;
  return n;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The first line of `text` that starts with `prefix`, or "" when there is none.
std::string line_starting(const std::string& text, const std::string& prefix) {
  for (const auto& line : lines_of(text))
    if (line.rfind(prefix, 0) == 0) return line;
  return "";
}

RunResult lint(const TempDir& dir, const std::vector<std::string>& args,
               const std::string& input = "", const std::vector<std::string>& env = {}) {
  return run_linter(args, input, dir.str(), env);
}

struct JsonRun {
  json doc;
  RunResult run;
};

JsonRun lint_json(const TempDir& dir, std::vector<std::string> args,
                  const std::string& input = "") {
  args.insert(args.begin(), {"--format", "json"});
  JsonRun r;
  r.run = lint(dir, args, input);
  INFO("stdout: " << r.run.out << "\nstderr: " << r.run.err);
  r.doc = json::parse(r.run.out, nullptr, false);
  REQUIRE_FALSE(r.doc.is_discarded());
  return r;
}

// The rule IDs reported for `path` in a JSON report, in order.
std::vector<std::string> rules_of(const json& doc, const std::string& path) {
  for (const auto& file : doc.at("files"))
    if (file.at("path") == path) {
      std::vector<std::string> out;
      for (const auto& d : file.at("diagnostics")) out.push_back(d.at("rule").get<std::string>());
      return out;
    }
  FAIL("no file '" << path << "' in the report");
  return {};
}

std::vector<std::string> paths_of(const json& doc) {
  std::vector<std::string> out;
  for (const auto& file : doc.at("files")) out.push_back(file.at("path").get<std::string>());
  return out;
}

std::vector<std::string> one(const std::string& rule) { return {rule}; }
const std::vector<std::string> kNone;

bool is_root() { return ::geteuid() == 0; }

}  // namespace

// ---------------------------------------------------------------------------
// Exit codes and the basic options

TEST_CASE("exit code 0 for a clean draft / 1 for findings / and --fail-on moves the bar", "[cli]") {
  TempDir dir;
  dir.write("clean.txt", kCleanNote);
  dir.write("cliche.txt", kClicheNote);
  dir.write("incomplete.txt", kIncomplete);

  auto clean = lint(dir, {"clean.txt"});
  CHECK(clean.exit_code == 0);
  CHECK(clean.out == "clean.txt: no problems (read as a thank-you note; if it is not, set --kind or kind in front matter)\n");
  CHECK(clean.err.empty());

  auto cliche = lint(dir, {"--color", "never", "cliche.txt"});
  CHECK(cliche.exit_code == 1);
  CHECK(contains(
      cliche.out,
      "cliche.txt:5:115: warning: 'team player' is a soft-skill cliché that anyone can claim "
      "[cliche.soft-skill]\n"));
  CHECK(contains(cliche.out, "cliche.txt: 1 warning (read as a thank-you note"));
  CHECK(cliche.err.empty());

  // A warning does not fail --fail-on error, but it is still shown.
  auto lenient = lint(dir, {"--fail-on", "error", "cliche.txt"});
  CHECK(lenient.exit_code == 0);
  CHECK(has_rule(lenient.out, "cliche.soft-skill"));

  auto error = lint(dir, {"--fail-on", "error", "incomplete.txt"});
  CHECK(error.exit_code == 1);
  CHECK(contains(error.out,
                 ": error: 'reach me at' is not followed by a phone number or email address "
                 "[contact.incomplete]"));
  CHECK(lint(dir, {"--fail-on", "info", "clean.txt"}).exit_code == 0);
}

TEST_CASE("cli: --fail-on note (or info) counts notes / the default (warning) does not", "[cli]") {
  TempDir dir;
  dir.write(".followup-lint.toml", "[rules.\"cliche.soft-skill\"]\nseverity = \"info\"\n");
  dir.write("cliche.txt", kClicheNote);
  auto by_default = lint(dir, {"--color", "never", "cliche.txt"});
  CHECK(by_default.exit_code == 0);
  CHECK(contains(by_default.out, "cliche.txt:5:115: note: 'team player'"));
  CHECK(contains(by_default.out, "cliche.txt: 1 note (read as a thank-you note"));
  CHECK(lint(dir, {"--fail-on", "warning", "cliche.txt"}).exit_code == 0);
  CHECK(lint(dir, {"--fail-on", "info", "cliche.txt"}).exit_code == 1);
  CHECK(lint(dir, {"--fail-on", "note", "cliche.txt"}).exit_code == 1);
}

TEST_CASE("usage errors exit 2 with one message on stderr and nothing on stdout", "[cli]") {
  TempDir dir;
  dir.write("clean.txt", kCleanNote);
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{}, "followup-lint: error: no input: give files, folders or '-' (see --help)\n"},
      {{"--frobnicate", "clean.txt"},
       "followup-lint: error: unknown option '--frobnicate' (see --help)\n"},
      {{"--fomat", "json", "clean.txt"},
       "followup-lint: error: unknown option '--fomat'; did you mean '--format'? (see --help)\n"},
      {{"--format", "yaml", "clean.txt"},
       "followup-lint: error: unknown format 'yaml' (expected text, json, sarif or github)\n"},
      {{"--jobs", "0", "clean.txt"},
       "followup-lint: error: --jobs needs a number from 1 to 1024\n"},
      {{"--jobs", "2x", "clean.txt"},
       "followup-lint: error: --jobs needs a number from 1 to 1024\n"},
      {{"--color", "maybe", "clean.txt"},
       "followup-lint: error: unknown color mode 'maybe' (expected auto, always or never)\n"},
      {{"--fail-on", "never", "clean.txt"},
       "followup-lint: error: --fail-on needs error, warning or note\n"},
      {{"--kind", "interview", "clean.txt"},
       "followup-lint: error: unknown kind of note 'interview' (expected thank-you, status-inquiry or rejection-reply)\n"},
      {{"--dry-run", "clean.txt"},
       "followup-lint: error: --unsafe-fixes and --dry-run go with --fix (or use --diff)\n"},
      {{"--fix=no", "clean.txt"},
       "followup-lint: error: --fix takes no value (found '--fix=no')\n"},
      {{"--context", "company", "clean.txt"}, "followup-lint: error: --context needs KEY=VALUE\n"},
      {{"--context", "=Acme", "clean.txt"},
       "followup-lint: error: --context =Acme: expected KEY=VALUE\n"},
  };
  for (const auto& c : cases) {
    std::string joined;
    for (const auto& a : c.args) joined += a + " ";
    INFO("args: " << joined);
    auto r = lint(dir, c.args);
    CHECK(r.exit_code == 2);
    CHECK(r.err == c.message);
    CHECK(r.out.empty());
  }
}

TEST_CASE("cli: --help and --version print to stdout and exit 0", "[cli]") {
  TempDir dir;
  auto help = lint(dir, {"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.rfind("usage: followup-lint [OPTIONS] PATH...", 0) == 0);
  CHECK(contains(help.out, "--fail-on SEVERITY"));
  // Every short flag is in the help, beside its long name.
  for (const char* both : {"-c, --config", "-f, --format", "-j, --jobs", "-q, --quiet", "-V, --version", "-o, --output-file"})
    CHECK(contains(help.out, both));
  CHECK(help.err.empty());
  CHECK(lint(dir, {"-h"}).out == help.out);

  auto version = lint(dir, {"--version"});
  CHECK(version.exit_code == 0);
  // The version and the commit it was built from (no commit outside a git checkout).
  std::smatch m;
  REQUIRE(std::regex_match(version.out, m, std::regex(std::string("followup-lint ") + FOLLOWUP_VERSION +
                                                      R"( \(([0-9a-f]{12})(-modified)?\)\n|followup-lint .* \(unknown\)\n)")));
  if (fs::exists(fs::path(FOLLOWUP_SOURCE_DIR) / ".git") && !followup::testing::find_program("git").empty()) {
    // A commit of this repository (HEAD when the build is fresh).
    auto commit = followup::testing::run_command({"git", "rev-parse", "--verify", "--quiet", m[1].str() + "^{commit}"},
                                                 FOLLOWUP_SOURCE_DIR);
    CHECK(commit.exit_code == 0);
  }
  CHECK(version.err.empty());
}

TEST_CASE("cli: --context values the context refuses exit 2 with a clear message", "[cli]") {
  TempDir dir;
  dir.write("clean.txt", kCleanNote);
  auto unknown = lint(dir, {"--context", "colour=red", "clean.txt"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "--context: error: unknown context key 'colour'\n");
  CHECK(unknown.out.empty());

  auto kind = lint(dir, {"--context", "kind=banana", "clean.txt"});
  CHECK(kind.exit_code == 2);
  CHECK(kind.err ==
        "--context: error: unknown kind 'banana' (expected thank-you, status-inquiry or "
        "rejection-reply)\n");

  auto date = lint(dir, {"--context", "sent_date=last week", "clean.txt"});
  CHECK(date.exit_code == 2);
  CHECK(contains(date.err, "context key 'sent_date' must be a date"));

  // A position TOML would read as a number is kept as text.
  auto number = lint(dir, {"--context", "position=2026", "--show-config", "clean.txt"});
  CHECK(number.exit_code == 0);
  CHECK(contains(line_starting(number.out, "position "), "= 2026 "));
}

// ---------------------------------------------------------------------------
// Inputs: files, folders, stdin, and bad input

TEST_CASE("'-' reads the draft from stdin / named <stdin> / with the config of the current folder",
          "[cli]") {
  TempDir dir;
  auto plain = lint(dir, {"--color", "never", "-"}, kClicheNote);
  CHECK(plain.exit_code == 1);
  CHECK(contains(plain.out, "<stdin>:5:115: warning: 'team player'"));

  auto clean = lint(dir, {"-"}, kCleanNote);
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.rfind("<stdin>: no problems (read as a thank-you note", 0) == 0);

  dir.write(".followup-lint.toml", "[rules.\"cliche.soft-skill\"]\nseverity = \"off\"\n");
  auto configured = lint_json(dir, {"-"}, kClicheNote);
  CHECK(configured.run.exit_code == 0);
  CHECK(rules_of(configured.doc, "<stdin>") == kNone);
}

TEST_CASE("folders are linted recursively in sorted order / skipping hidden folders and other files",
          "[cli]") {
  TempDir dir;
  dir.write("drafts/b.txt", kClicheNote);
  dir.write("drafts/a.md", kOneName);
  dir.write("drafts/2026/acme/c.eml", kNoSalutation);
  dir.write("drafts/2026/d.TXT", kIncomplete);
  dir.write("drafts/notes.pdf", "%PDF-1.4 not a draft");
  dir.write("drafts/.git/e.txt", kClicheNote);
  dir.write("drafts/node_modules/f.txt", kClicheNote);
  dir.write("drafts/build/g.txt", kClicheNote);
  dir.write("drafts/.hidden.txt", kCleanNote);  // hidden files are not skipped, only hidden folders

  auto r = lint_json(dir, {"drafts"});
  CHECK(r.run.exit_code == 1);
  CHECK(r.run.err.empty());
  CHECK(paths_of(r.doc) == std::vector<std::string>{"drafts/.hidden.txt", "drafts/2026/acme/c.eml",
                                                    "drafts/2026/d.TXT", "drafts/a.md",
                                                    "drafts/b.txt"});
  CHECK(rules_of(r.doc, "drafts/2026/acme/c.eml") == one("salutation.missing"));
  CHECK(rules_of(r.doc, "drafts/2026/d.TXT") == one("contact.incomplete"));
  CHECK(rules_of(r.doc, "drafts/a.md") == one("signature.full-name"));
  CHECK(rules_of(r.doc, "drafts/b.txt") == one("cliche.soft-skill"));
  CHECK(r.doc.at("summary") ==
        json::parse(R"({"files": 5, "errors": 1, "warnings": 3, "infos": 0})"));

  // A file named on the command line is linted whatever its extension.
  dir.write("note.draft", kOneName);
  auto named = lint_json(dir, {"note.draft"});
  CHECK(rules_of(named.doc, "note.draft") == one("signature.full-name"));
}

TEST_CASE("a symlinked folder is not followed / and a symlink loop does not hang the walk",
          "[cli]") {
  TempDir dir;
  dir.write("real/a.txt", kClicheNote);
  dir.write("drafts/b.txt", kCleanNote);
  fs::create_directory_symlink(dir / "real", dir / "drafts/link");
  fs::create_directory_symlink(dir / "drafts", dir / "drafts/loop");
  auto r = lint_json(dir, {"drafts"});
  CHECK(r.run.exit_code == 0);
  CHECK(paths_of(r.doc) == std::vector<std::string>{"drafts/b.txt"});
}

TEST_CASE(
    "missing paths, dangling links, pipes and empty folders: one message each, the rest still "
    "linted",
    "[cli]") {
  TempDir dir;
  dir.write("cliche.txt", kClicheNote);
  dir.write("clean.txt", kCleanNote);
  dir.mkdir("empty");
  dir.write("no-drafts/readme.pdf", "%PDF");
  fs::create_symlink(dir / "nowhere.txt", dir / "dangling.txt");
  REQUIRE(::mkfifo((dir / "pipe.txt").c_str(), 0600) == 0);

  auto r = lint(dir, {"--color", "never", "cliche.txt", "missing.txt", "empty", "dangling.txt",
                      "pipe.txt", "no-drafts", "clean.txt"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "missing.txt: error: no such file or folder\n"
        "empty: error: no drafts (*.txt, *.md, *.eml, *.html, *.followup) in this folder\n"
        "dangling.txt: error: no such file or folder\n"
        "pipe.txt: error: not a regular file (a device, socket or pipe cannot be linted)\n"
        "no-drafts: error: no drafts (*.txt, *.md, *.eml, *.html, *.followup) in this folder\n");
  CHECK(contains(r.out, "cliche.txt:5:115: warning: 'team player'"));
  CHECK(contains(r.out, "2 files checked: 1 warning ("));

  // Only an I/O error, with nothing else: still exit 2, and no report.
  auto alone = lint(dir, {"missing.txt"});
  CHECK(alone.exit_code == 2);
  CHECK(alone.err == "missing.txt: error: no such file or folder\n");
  CHECK(alone.out.empty());

  // Exit 2 wins over findings in the machine formats too, and stdout stays one document.
  auto as_json = lint_json(dir, {"cliche.txt", "missing.txt"});
  CHECK(as_json.run.exit_code == 2);
  CHECK(paths_of(as_json.doc) == std::vector<std::string>{"cliche.txt"});
}

TEST_CASE("an unreadable file is reported and the other files are still linted",
          "[cli][skippable]") {
  TempDir dir;
  dir.write("cliche.txt", kClicheNote);
  std::string locked = dir.write("locked.txt", kCleanNote);
  ::chmod(locked.c_str(), 0);
  if (is_root() || ::access(locked.c_str(), R_OK) == 0) {
    ::chmod(locked.c_str(), 0644);
    FOLLOWUP_SKIP(
        "running as root: chmod 000 does not stop root from reading; the test below "
        "covers a dangling symlink and a folder passed as a config instead");
  }
  auto r = lint(dir, {"locked.txt", "cliche.txt"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "locked.txt: error: cannot open: Permission denied\n");
  CHECK(has_rule(r.out, "cliche.soft-skill"));
  ::chmod(locked.c_str(), 0644);
}

TEST_CASE(
    "a dangling symlink or a folder passed as a config is reported / the other files are still "
    "linted",
    "[cli]") {
  TempDir dir;
  dir.write("cliche.txt", kClicheNote);
  fs::create_symlink(dir / "gone.txt", dir / "unreadable.txt");
  auto r = lint(dir, {"unreadable.txt", "cliche.txt"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "unreadable.txt: error: no such file or folder\n");
  CHECK(has_rule(r.out, "cliche.soft-skill"));

  dir.mkdir("config-folder");
  auto folder = lint(dir, {"--config", "config-folder", "cliche.txt"});
  CHECK(folder.exit_code == 2);
  CHECK(folder.err == "config-folder: error: cannot read the config file: not a regular file\n");

  auto show = lint(dir, {"--show-config", "config-folder"});
  CHECK(show.exit_code == 2);
  CHECK(show.err == "config-folder: error: not a regular file\n");
}

TEST_CASE("invalid UTF-8 / NUL bytes / binary files and empty files get one diagnostic each",
          "[cli]") {
  TempDir dir;
  dir.write("a-invalid.txt", "Dear Mr. Jones,\n\nThank you \xFF\xFE for your time.\n");
  dir.write("b-nul.txt", std::string("Dear Mr. Jones,\n\nThank\0 you.\n", 29));
  dir.write("c-image.png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  dir.write("d-empty.txt", "");
  dir.write("e-blank.txt", "\n  \n\t\n");
  dir.write("f-cliche.txt", kClicheNote);
  std::vector<std::string> files = {"a-invalid.txt", "b-nul.txt",   "c-image.png",
                                    "d-empty.txt",   "e-blank.txt", "f-cliche.txt"};

  auto r = lint_json(dir, files);
  CHECK(r.run.exit_code == 1);  // findings, not an I/O error
  CHECK(r.run.err.empty());
  CHECK(paths_of(r.doc) == files);
  const auto& reports = r.doc.at("files");
  auto only = [&](size_t i) -> const json& {
    REQUIRE(reports.at(i).at("diagnostics").size() == 1);
    return reports.at(i).at("diagnostics").at(0);
  };
  CHECK(only(0).at("rule") == "input.encoding");
  CHECK(only(0).at("message") == "invalid UTF-8 at byte offset 27 (byte 0xFF)");
  CHECK(only(0).at("line") == 3);
  CHECK(only(0).at("severity") == "error");
  CHECK(only(1).at("rule") == "input.encoding");
  CHECK(only(1).at("message") ==
        "NUL byte at byte offset 22: this looks like a binary file, not a text draft");
  CHECK(only(1).at("line") == 3);
  CHECK(only(1).at("column") == 6);
  CHECK(only(2).at("rule") == "input.encoding");
  CHECK(only(2).at("message") == "invalid UTF-8 at byte offset 0 (byte 0x89)");
  CHECK(only(3).at("rule") == "input.empty");
  CHECK(only(4).at("rule") == "input.empty");
  CHECK(only(5).at("rule") == "cliche.soft-skill");
  CHECK(r.doc.at("summary").at("errors") == 3);

  // The text report survives the same bytes.
  auto text = lint(dir, files);
  CHECK(text.exit_code == 1);
  CHECK(count_of(text.out, "[input.encoding]") == 3);
  CHECK(count_of(text.out, "[input.empty]") == 2);
  CHECK(has_rule(text.out, "cliche.soft-skill"));
  CHECK(contains(text.out, "6 files checked: 3 errors, 3 warnings ("));
}

// ---------------------------------------------------------------------------
// Output: formats, order, quiet, color

TEST_CASE("cli: --format json is one document with positions / severities and a summary", "[cli]") {
  TempDir dir;
  dir.write("cliche.txt", kClicheNote);
  dir.write("clean.txt", kCleanNote);
  auto r = lint_json(dir, {"cliche.txt", "clean.txt"});
  CHECK(r.run.exit_code == 1);
  CHECK(r.doc.at("version") == 1);
  REQUIRE(r.doc.at("files").size() == 2);
  const json& file = r.doc.at("files").at(0);
  CHECK(file.at("path") == "cliche.txt");
  CHECK(file.at("kind") == "thank-you");
  REQUIRE(file.at("diagnostics").size() == 1);
  const json& d = file.at("diagnostics").at(0);
  CHECK(d.at("rule") == "cliche.soft-skill");
  CHECK(d.at("severity") == "warning");
  CHECK(d.at("message") == "'team player' is a soft-skill cliché that anyone can claim");
  CHECK(d.at("line") == 5);
  CHECK(d.at("column") == 115);
  CHECK(d.at("end_line") == 5);
  CHECK(d.at("end_column") == 126);  // exclusive
  CHECK(d.at("fix").is_null());
  CHECK(r.doc.at("files").at(1).at("diagnostics").empty());
  CHECK(r.doc.at("summary") ==
        json::parse(R"({"files": 2, "errors": 0, "warnings": 1, "infos": 0})"));

  CHECK(lint_json(dir, {"clean.txt"}).run.exit_code == 0);
}

TEST_CASE("cli: --format json stays valid UTF-8 and carries the fix of a finding", "[cli]") {
  TempDir dir;
  // A file name that is not UTF-8 (a Latin-1 'e' with acute accent), and a closing with a fix.
  const std::string name = "r\xE9sum\xE9 note.txt";
  dir.write(name, replace_once(kCleanNote, "Sincerely,", "Best regards,"));
  auto r = lint_json(dir, {name});  // parses only when every string is valid UTF-8
  REQUIRE(r.doc.at("files").size() == 1);
  const json& file = r.doc.at("files").at(0);
  CHECK(file.at("path") == "r\uFFFDsum\uFFFD note.txt");
  REQUIRE(file.at("diagnostics").size() == 1);
  const json& d = file.at("diagnostics").at(0);
  CHECK(d.at("rule") == "closing.familiarity");
  CHECK(d.at("fix").at("replacement") == "Sincerely,");
  CHECK(d.at("fix").at("safe") == false);
  CHECK(d.at("fix").at("line") == d.at("line"));
  CHECK(d.at("fix").at("end_column") == d.at("end_column"));
  CHECK(d.at("help").get<std::string>().find("Sincerely") != std::string::npos);
}

TEST_CASE("cli: --jobs 2 over 20 files reports in input order / the same as --jobs 1", "[cli]") {
  TempDir dir;
  dir.write(".followup-lint.toml", "[rules.\"length.too-long\"]\nseverity = \"off\"\n");
  std::vector<std::string> order;
  std::string padding;
  for (int i = 0; i < 40; ++i)
    padding += "\nThank you again for your time on Tuesday, and for the tour of the floor.\n";
  for (int i = 0; i < 20; ++i) {
    std::string name = "draft-" + std::to_string(i) + ".txt";
    std::string text = i % 3 == 0 ? kClicheNote : i % 3 == 1 ? kCleanNote : kOneName;
    // Some drafts are much longer, so that the two workers finish out of order.
    if (i % 4 == 0) text = replace_once(text, "\nSincerely,", padding + "\nSincerely,");
    dir.write(name, text);
    order.push_back(name);
  }
  // An order that is neither sorted nor the order the files were written in, with two errors
  // inside.
  std::reverse(order.begin(), order.end());
  std::rotate(order.begin(), order.begin() + 7, order.end());
  std::vector<std::string> args = order;
  args.insert(args.begin() + 5, "missing-1.txt");
  args.insert(args.begin() + 15, "missing-2.txt");

  std::vector<std::string> parallel = args, serial = args;
  parallel.insert(parallel.begin(), {"--jobs", "2", "--color", "never"});
  serial.insert(serial.begin(), {"--jobs", "1", "--color", "never"});
  auto two = lint(dir, parallel);
  auto one_job = lint(dir, serial);
  CHECK(two.exit_code == 2);
  CHECK(two.out == one_job.out);
  CHECK(two.err == one_job.err);
  CHECK(two.err ==
        "missing-1.txt: error: no such file or folder\nmissing-2.txt: error: no such file or "
        "folder\n");

  // Each file's diagnostics appear in input order in the text report.
  size_t last = 0;
  for (const auto& name : order) {
    auto at = two.out.find(name + ":");
    if (at == std::string::npos) continue;  // a clean file shows only in the summary
    CHECK(at >= last);
    last = at;
  }
  CHECK(contains(two.out, "20 files checked: "));

  for (int run = 0; run < 3; ++run) {
    std::vector<std::string> json_args = order;
    json_args.insert(json_args.begin(), {"--jobs", "2"});
    auto r = lint_json(dir, json_args);
    CHECK(paths_of(r.doc) == order);
    for (size_t i = 0; i < order.size(); ++i) {
      int n = std::stoi(order[i].substr(6));
      INFO(order[i]);
      CHECK(rules_of(r.doc, order[i]) == (n % 3 == 0   ? one("cliche.soft-skill")
                                          : n % 3 == 1 ? kNone
                                                       : one("signature.full-name")));
    }
  }
}

TEST_CASE("cli: --quiet prints diagnostics only / without the summary", "[cli]") {
  TempDir dir;
  dir.write("cliche.txt", kClicheNote);
  dir.write("clean.txt", kCleanNote);
  auto loud = lint(dir, {"--color", "never", "cliche.txt", "clean.txt"});
  auto quiet = lint(dir, {"--quiet", "--color", "never", "cliche.txt", "clean.txt"});
  CHECK(quiet.exit_code == 1);
  CHECK(has_rule(quiet.out, "cliche.soft-skill"));
  CHECK_FALSE(contains(quiet.out, "files checked"));
  CHECK(contains(loud.out, "2 files checked: 1 warning ("));
  CHECK(loud.out.rfind(quiet.out, 0) == 0);  // the same report, minus the summary

  auto clean = lint(dir, {"-q", "clean.txt"});
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.empty());
}

TEST_CASE("cli: --color always|never on a pipe / and NO_COLOR does not override an explicit --color",
          "[cli]") {
  TempDir dir;
  dir.write("cliche.txt", kClicheNote);
  const std::string esc = "\x1b[";
  auto never = lint(dir, {"--color", "never", "cliche.txt"});
  CHECK_FALSE(contains(never.out, esc));
  auto always = lint(dir, {"--color", "always", "cliche.txt"});
  CHECK(contains(always.out, esc));
  CHECK(contains(always.out, "[cliche.soft-skill]"));
  CHECK(always.exit_code == never.exit_code);
  auto auto_pipe = lint(dir, {"cliche.txt"});  // stdout is a pipe here
  CHECK_FALSE(contains(auto_pipe.out, esc));
  auto always_no_color = lint(dir, {"--color", "always", "cliche.txt"}, "", {"NO_COLOR=1"});
  CHECK(contains(always_no_color.out, esc));
  auto json_always = lint(dir, {"--color", "always", "--format", "json", "cliche.txt"});
  CHECK_FALSE(contains(json_always.out, esc));
}

TEST_CASE("cli: --color auto colors a terminal unless NO_COLOR is set and not empty",
          "[cli][skippable]") {
  TempDir dir;
  dir.write("cliche.txt", kClicheNote);
  const std::string esc = "\x1b[";
  auto plain_tty = run_linter_on_tty({"cliche.txt"}, dir.str(), nullptr);
  if (!plain_tty)
    FOLLOWUP_SKIP("no pseudo-terminal available; --color auto on a terminal is not tested");
  CHECK(contains(*plain_tty, esc));
  CHECK(contains(*plain_tty, "[cliche.soft-skill]"));
  std::string no_color = run_linter_on_tty({"cliche.txt"}, dir.str(), "1").value_or("");
  CHECK_FALSE(contains(no_color, esc));
  CHECK(contains(no_color, "[cliche.soft-skill]"));
  std::string empty_no_color = run_linter_on_tty({"cliche.txt"}, dir.str(), "").value_or("");
  CHECK(contains(empty_no_color, esc));  // no-color.org: an empty NO_COLOR is ignored
  std::string never =
      run_linter_on_tty({"--color", "never", "cliche.txt"}, dir.str(), nullptr).value_or("");
  CHECK_FALSE(contains(never, esc));
}

// ---------------------------------------------------------------------------
// --explain, --list-rules

TEST_CASE("cli: --explain RULE prints the rule's docs and examples / an unknown rule exits 2", "[cli]") {
  TempDir dir;
  auto r = lint(dir, {"--explain", "cliche.soft-skill"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("cliche.soft-skill  (warning, kinds: all)\n", 0) == 0);
  CHECK(contains(r.out, "What it flags:"));
  CHECK(contains(r.out, "\nFlagged:\n"));
  CHECK(contains(r.out, "\nFine:\n"));
  CHECK(r.err.empty());

  auto missing = lint(dir, {"--explain", "salutation.missing"});
  CHECK(missing.exit_code == 0);
  CHECK(missing.out.rfind("salutation.missing  (warning, kinds: all)", 0) == 0);

  auto unknown = lint(dir, {"--explain", "cliche.soft-skills"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "followup-lint: error: unknown rule 'cliche.soft-skills'; did you mean 'cliche.soft-skill'?\n");
  CHECK(unknown.out.empty());
}

TEST_CASE("cli: --list-rules lists every rule / sorted / with the severity the config gives it", "[cli]") {
  TempDir dir;
  auto r = lint(dir, {"--list-rules"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  auto lines = lines_of(r.out);
  CHECK(lines.size() >= 14);
  CHECK(std::is_sorted(lines.begin(), lines.end()));
  for (const char* id : {"cliche.soft-skill", "salutation.missing", "signature.full-name",
                         "contact.incomplete", "input.encoding", "suppression.unknown-rule"}) {
    INFO(id);
    CHECK_FALSE(line_starting(r.out, std::string(id) + " ").empty());
  }
  CHECK(contains(line_starting(r.out, "contact.incomplete "), " error "));
  CHECK(contains(line_starting(r.out, "cliche.soft-skill "), " warning "));

  dir.write(".followup-lint.toml",
            "[rules.\"cliche.soft-skill\"]\nseverity = "
            "\"off\"\n[rules.\"signature.full-name\"]\nseverity = "
            "\"error\"\n");
  auto configured = lint(dir, {"--list-rules"});
  CHECK(configured.exit_code == 0);
  CHECK(contains(line_starting(configured.out, "cliche.soft-skill "), " off "));
  CHECK(contains(line_starting(configured.out, "signature.full-name "), " error "));

  dir.write(".followup-lint.toml", "[rules\n");
  auto broken = lint(dir, {"--list-rules"});
  CHECK(broken.exit_code == 2);
  CHECK(broken.out.empty());
  CHECK(contains(broken.err, "/.followup-lint.toml:1:7: error: "));
}

// ---------------------------------------------------------------------------
// Configuration: discovery, errors, rules, overrides, suppressions, exclude

TEST_CASE("config discovery walks up from each draft's folder / the nearest config wins",
          "[cli][config]") {
  TempDir dir;
  dir.write(".followup-lint.toml", "[rules.\"cliche.soft-skill\"]\nseverity = \"off\"\n");
  dir.write("jobs/acme/drafts/deep/a.txt", kClicheNote);
  dir.write("jobs/beta/.followup-lint.toml",
            "[rules.\"cliche.soft-skill\"]\nseverity = \"error\"\n");
  dir.write("jobs/beta/drafts/b.txt", kClicheNote);

  auto r = lint_json(dir, {"jobs"});
  CHECK(r.run.exit_code == 1);
  CHECK(rules_of(r.doc, "jobs/acme/drafts/deep/a.txt") == kNone);
  CHECK(rules_of(r.doc, "jobs/beta/drafts/b.txt") == one("cliche.soft-skill"));
  CHECK(r.doc.at("files").at(1).at("diagnostics").at(0).at("severity") == "error");

  // Discovery starts at the draft, not at the current folder.
  TempDir other;
  auto elsewhere = run_linter({(dir / "jobs/acme/drafts/deep/a.txt").string()}, "", other.str());
  CHECK(elsewhere.exit_code == 0);
  auto beta = run_linter({"--fail-on", "error", (dir / "jobs/beta/drafts/b.txt").string()}, "",
                         other.str());
  CHECK(beta.exit_code == 1);

  // --config replaces discovery for every draft.
  dir.write("strict.toml", "[rules.\"cliche.soft-skill\"]\nseverity = \"info\"\n");
  auto forced = lint_json(dir, {"--config", "strict.toml", "jobs"});
  CHECK(forced.run.exit_code == 0);
  for (const auto& file : forced.doc.at("files")) {
    REQUIRE(file.at("diagnostics").size() == 1);
    CHECK(file.at("diagnostics").at(0).at("severity") == "info");
  }
}

TEST_CASE("broken TOML in a config names file:line:col and what was expected / exit 2",
          "[cli][config]") {
  TempDir dir;
  dir.write("team/.followup-lint.toml", "[context]\ncompany = \"Acme\nposition = \"Clerk\"\n");
  dir.write("team/a.txt", kClicheNote);
  dir.write("solo/b.txt", kClicheNote);
  auto r = lint(dir, {"--color", "never", "team/a.txt", "solo/b.txt"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        (dir / "team/.followup-lint.toml").string() +
            ":2:16: error: Error while parsing string: unescaped control characters other than TAB "
            "(U+0009) are explicitly prohibited\n");
  // The draft under the broken config is not linted; the other one is.
  CHECK_FALSE(contains(r.out, "team/a.txt"));
  CHECK(contains(r.out, "solo/b.txt:5:115: warning: 'team player'"));

  dir.write("team/.followup-lint.toml", "exclude = [\"a\",\n\"b\"\n[context]\n");
  auto array = lint(dir, {"team/a.txt"});
  CHECK(array.exit_code == 2);
  CHECK(array.err ==
        (dir / "team/.followup-lint.toml").string() +
            ":3:1: error: Error while parsing array: expected comma or closing ']', saw '['\n");

  // The same broken config found for many drafts is reported once.
  dir.write("team/.followup-lint.toml", "[rules\n");
  dir.write("team/c.txt", kCleanNote);
  dir.write("team/sub/d.txt", kCleanNote);
  auto many = lint(dir, {"team"});
  CHECK(many.exit_code == 2);
  CHECK(count_of(many.err, ":1:7: error: Error while parsing table header: expected ']'") == 1);
  CHECK(many.err == (dir / "team/.followup-lint.toml").string() +
                        ":1:7: error: Error while parsing table header: expected ']', saw '\\n'\n");
}

TEST_CASE("a missing --config file or a folder given as --config exits 2", "[cli][config]") {
  TempDir dir;
  dir.write("a.txt", kCleanNote);
  auto missing = lint(dir, {"--config", "nope.toml", "a.txt"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "nope.toml: error: cannot read the config file: cannot open: No such file or directory\n");
  CHECK(missing.out.empty());
}

TEST_CASE("unknown rule IDs and context keys in a config: one message each with line:col / exit 2",
          "[cli][config]") {
  TempDir dir;
  dir.write("a.txt", kClicheNote);
  const std::string config = (dir / ".followup-lint.toml").string();

  dir.write(".followup-lint.toml", "\n[rules.\"cliche.soft-skils\"]\nseverity = \"off\"\n");
  auto rule = lint(dir, {"a.txt"});
  CHECK(rule.exit_code == 2);
  CHECK(rule.err == config + ":2:1: error: unknown rule 'cliche.soft-skils' in [rules]; did you mean 'cliche.soft-skill'?\n");
  CHECK(rule.out.empty());

  dir.write(".followup-lint.toml", "[context]\ncompany = \"Acme\"\ninterviewer = \"Ms. Rivera\"\n");
  auto key = lint(dir, {"a.txt"});
  CHECK(key.exit_code == 2);
  CHECK(key.err == config + ":3:15: error: unknown context key 'interviewer'; did you mean 'interviewers'?\n");

  dir.write(".followup-lint.toml", "[[suppress]]\nrule = \"cliche.team-player\"\n");
  auto suppress = lint(dir, {"a.txt"});
  CHECK(suppress.exit_code == 2);
  CHECK(suppress.err ==
        config + ":1:1: error: unknown rule 'cliche.team-player' in [[suppress]] (see --list-rules)\n");

  // An override for files that are not linted in this run is checked all the same.
  dir.write(".followup-lint.toml",
            "[[overrides]]\nfiles = "
            "[\"archive/*.txt\"]\n[overrides.rules.\"signature.fullname\"]\nseverity = "
            "\"off\"\n");
  auto override_rule = lint(dir, {"a.txt"});
  CHECK(override_rule.exit_code == 2);
  CHECK(override_rule.err ==
        config + ":3:1: error: unknown rule 'signature.fullname' in [[overrides]]; did you mean 'signature.full-name'?\n");

  dir.write(".followup-lint.toml", "[rules.\"cliche.soft-skill\"]\nseverity = \"loud\"\n");
  auto severity = lint(dir, {"a.txt"});
  CHECK(severity.exit_code == 2);
  CHECK(severity.err ==
        config + ":2:12: error: unknown severity 'loud' (expected error, warning, info or off)\n");

  dir.write(".followup-lint.toml", "[rules.\"cliche.soft-skill\"]\nmax_cliches = 3\n");
  auto param = lint(dir, {"a.txt"});
  CHECK(param.exit_code == 2);
  CHECK(param.err == config + ":2:15: error: unknown key 'max_cliches' for this rule\n");

  // Several mistakes at once are all reported, in the order of the file.
  dir.write(
      ".followup-lint.toml",
      "[context]\nkind = \"thanks\"\nculture = \"relaxed\"\n[rules.\"x.y\"]\nseverity = \"off\"\n");
  auto several = lint(dir, {"a.txt"});
  CHECK(several.exit_code == 2);
  CHECK(several.err ==
        config +
            ":2:8: error: unknown kind 'thanks' (expected thank-you, status-inquiry or "
            "rejection-reply)\n" +
            config + ":3:11: error: 'culture' must be 'formal' or 'casual', not 'relaxed'\n");
}

TEST_CASE("(rules.'ID') sets a severity (incl. off) and overrides parameters", "[cli][config]") {
  TempDir dir;
  dir.write("cliche.txt", kClicheNote);
  dir.write("one-name.txt", kOneName);
  dir.write("clean.txt", kCleanNote);

  dir.write(".followup-lint.toml",
            "[rules.\"cliche.soft-skill\"]\nseverity = "
            "\"error\"\n\n[rules.\"signature.full-name\"]\nseverity = "
            "\"off\"\n");
  auto r = lint_json(dir, {"--fail-on", "error", "cliche.txt", "one-name.txt"});
  CHECK(r.run.exit_code == 1);
  CHECK(rules_of(r.doc, "cliche.txt") == one("cliche.soft-skill"));
  CHECK(r.doc.at("files").at(0).at("diagnostics").at(0).at("severity") == "error");
  CHECK(rules_of(r.doc, "one-name.txt") == kNone);

  // Parameters: a paragraph of two sentences is too long with max_sentences = 1.
  dir.write(".followup-lint.toml", "[rules.\"paragraph.too-long\"]\nmax_sentences = 1\n");
  auto strict = lint_json(dir, {"clean.txt"});
  CHECK(strict.run.exit_code == 1);
  auto rules = rules_of(strict.doc, "clean.txt");
  CHECK(std::count(rules.begin(), rules.end(), "paragraph.too-long") == 3);

  // A rule's patterns and message can be replaced too.
  dir.write(".followup-lint.toml",
            "[rules.\"cliche.soft-skill\"]\npatterns = ['(?i)\\bcall centers\\b']\nmessage = "
            "\"'{match}' is "
            "jargon here\"\n");
  auto custom = lint_json(dir, {"clean.txt"});
  REQUIRE(rules_of(custom.doc, "clean.txt") == one("cliche.soft-skill"));
  CHECK(custom.doc.at("files").at(0).at("diagnostics").at(0).at("message") ==
        "'call centers' is jargon here");
}

TEST_CASE("rule_paths adds a user rule file / relative to the config", "[cli][config]") {
  TempDir dir;
  dir.write("team/rules/words.toml", kWordsRules);
  dir.write("team/.followup-lint.toml", "rule_paths = [\"rules/words.toml\"]\n");
  dir.write("team/drafts/u.txt", kUtilize);

  auto r = lint(dir, {"--color", "never", "team/drafts/u.txt"});
  CHECK(r.exit_code == 1);
  CHECK(contains(
      r.out,
      "team/drafts/u.txt:5:60: warning: 'utilize' is a long word for 'use' [words.utilize]\n"));
  CHECK(contains(r.out, "= fix: replace with 'use'"));

  auto from_team = run_linter({"--list-rules"}, "", (dir / "team").string());
  CHECK(from_team.exit_code == 0);
  CHECK(contains(line_starting(from_team.out, "words.utilize "),
                 "'utilize' where 'use' says the same"));
  auto explain = run_linter({"--explain", "words.utilize"}, "", (dir / "team").string());
  CHECK(explain.exit_code == 0);
  CHECK(contains(explain.out, "What it flags: 'utilize'."));

  // A user rule can be configured like a built-in one.
  dir.write("team/.followup-lint.toml",
            "rule_paths = [\"rules/words.toml\"]\n[rules.\"words.utilize\"]\nseverity = \"off\"\n");
  CHECK(lint(dir, {"team/drafts/u.txt"}).exit_code == 0);
}

TEST_CASE("a broken or missing user rule file names file:line:col / exit 2", "[cli][config]") {
  TempDir dir;
  dir.write(".followup-lint.toml", "rule_paths = [\"rules/words.toml\"]\n");
  dir.write("a.txt", kCleanNote);
  const std::string rules = (dir / "rules/words.toml").string();

  auto missing = lint(dir, {"a.txt"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == rules + ": error: cannot read the rule file: cannot open: No such file or directory\n");

  dir.write("rules/words.toml",
            "[utilize]\ncheck = \"substitution\"\nswap = [['a', 'b']\nmessage = \"m\"\n");
  auto toml = lint(dir, {"a.txt"});
  CHECK(toml.exit_code == 2);
  CHECK(toml.err ==
        rules + ":4:1: error: Error while parsing array: expected comma or closing ']', saw 'm'\n");

  dir.write("rules/words.toml", replace_once(kWordsRules, "'\\butilize\\b'", "'(utilize'"));
  auto regex = lint(dir, {"a.txt"});
  CHECK(regex.exit_code == 2);
  CHECK(contains(regex.err,
                 rules + ":5:10: error: invalid pattern '(utilize': missing ): (utilize\n"));

  dir.write("rules/words.toml", replace_once(kWordsRules, "{replacement}", "{replacment}"));
  auto placeholder = lint(dir, {"a.txt"});
  CHECK(placeholder.exit_code == 2);
  CHECK(contains(placeholder.err, rules + ":6:11: error: bad message template"));
  CHECK(placeholder.out.empty());
}

TEST_CASE("((overrides)) apply their rule settings only to files matching their globs",
          "[cli][config]") {
  TempDir dir;
  dir.write(".followup-lint.toml", R"([[overrides]]
files = ["drafts/casual/*.txt", "**/friendly-*.md"]
[overrides.rules."cliche.soft-skill"]
severity = "off"

[[overrides]]
files = ["drafts/strict/**"]
[overrides.rules."cliche.soft-skill"]
severity = "error"
)");
  dir.write("drafts/casual/a.txt", kClicheNote);
  dir.write("drafts/casual/deeper/b.txt", kClicheNote);
  dir.write("drafts/x/friendly-c.md", kClicheNote);
  dir.write("drafts/strict/2026/d.txt", kClicheNote);
  dir.write("drafts/e.txt", kClicheNote);

  auto r = lint_json(dir, {"drafts"});
  CHECK(r.run.exit_code == 1);
  CHECK(rules_of(r.doc, "drafts/casual/a.txt") == kNone);
  CHECK(rules_of(r.doc, "drafts/casual/deeper/b.txt") ==
        one("cliche.soft-skill"));  // '*' stays in the folder
  CHECK(rules_of(r.doc, "drafts/x/friendly-c.md") == kNone);
  CHECK(rules_of(r.doc, "drafts/strict/2026/d.txt") == one("cliche.soft-skill"));
  CHECK(rules_of(r.doc, "drafts/e.txt") == one("cliche.soft-skill"));
  for (const auto& file : r.doc.at("files")) {
    if (file.at("diagnostics").empty()) continue;
    INFO(file.at("path"));
    CHECK(file.at("diagnostics").at(0).at("severity") ==
          (file.at("path") == "drafts/strict/2026/d.txt" ? "error" : "warning"));
  }
}

TEST_CASE("globs in a --config named without a folder start at the current folder",
          "[cli][config]") {
  TempDir dir;
  dir.write("team.toml",
            "exclude = [\"drafts/old/**\"]\n[[overrides]]\nfiles = [\"drafts/*.txt\"]\n"
            "[overrides.rules.\"cliche.soft-skill\"]\nseverity = \"off\"\n");
  dir.write("drafts/a.txt", kClicheNote);
  dir.write("drafts/old/b.txt", kClicheNote);
  auto r = lint_json(dir, {"--config", "team.toml", "drafts"});
  CHECK(r.run.exit_code == 0);
  CHECK(paths_of(r.doc) == std::vector<std::string>{"drafts/a.txt"});
  CHECK(rules_of(r.doc, "drafts/a.txt") == kNone);
}

TEST_CASE("((suppress)) silences a rule for matching files and text / a stale one is reported",
          "[cli][config]") {
  TempDir dir;
  // The match text is looked for in the finding and on its line, so the second cliché sits on its
  // own line.
  const std::string two_cliches =
      replace_once(kClicheNote, "I am a team player.", "I am a team player.\nI am a self-starter.");
  dir.write(".followup-lint.toml", R"([[suppress]]
rule = "cliche.soft-skill"
files = ["drafts/*.txt"]
match = "team player"

[[suppress]]
rule = "signature.full-name"
files = ["drafts/hiro.txt"]

[[suppress]]
rule = "salutation.missing"
files = ["archive/**"]
)");
  dir.write("drafts/a.txt", two_cliches);
  dir.write("drafts/hiro.txt", kOneName);
  dir.write("other/b.txt", two_cliches);

  auto r = lint_json(dir, {"drafts", "other"});
  CHECK(r.run.exit_code == 1);
  // 'team player' is silenced in drafts/ only; 'self-starter' does not contain the match text.
  auto a = r.doc.at("files").at(0);
  CHECK(a.at("path") == "drafts/a.txt");
  REQUIRE(a.at("diagnostics").size() == 1);
  CHECK(a.at("diagnostics").at(0).at("message") ==
        "'self-starter' is a soft-skill cliché that anyone can claim");
  CHECK(rules_of(r.doc, "drafts/hiro.txt") == kNone);
  CHECK(rules_of(r.doc, "other/b.txt") ==
        std::vector<std::string>{"cliche.soft-skill", "cliche.soft-skill"});
  CHECK(r.run.err ==
        (dir / ".followup-lint.toml").string() +
            ":10:1: warning: this [[suppress]] for 'salutation.missing' matched nothing; remove it "
            "if it is stale\n");

  // A stale suppression is a warning about the config, not a finding: it does not change the exit
  // code.
  auto clean = lint(dir, {"other/b.txt", "--fail-on", "error"});
  CHECK(clean.exit_code == 0);
  CHECK(count_of(clean.err, "matched nothing") == 3);
}

TEST_CASE(
    "exclude globs drop files in folder walks, but a file named on the command line is linted",
    "[cli][config]") {
  TempDir dir;
  dir.write(".followup-lint.toml",
            "exclude = [\"drafts/old/**\", \"*.bak.md\", \"drafts/tmp-?.txt\"]\n");
  dir.write("drafts/a.txt", kClicheNote);
  dir.write("drafts/old/b.txt", kClicheNote);
  dir.write("drafts/old/2025/c.txt", kClicheNote);
  dir.write("drafts/d.bak.md", kClicheNote);
  dir.write("drafts/deep/e.bak.md", kClicheNote);
  dir.write("drafts/tmp-1.txt", kClicheNote);
  dir.write("drafts/tmp-12.txt", kClicheNote);
  dir.write("drafts/older/f.txt", kClicheNote);

  auto r = lint_json(dir, {"drafts"});
  CHECK(r.run.exit_code == 1);
  CHECK(paths_of(r.doc) ==
        std::vector<std::string>{"drafts/a.txt", "drafts/older/f.txt", "drafts/tmp-12.txt"});

  auto named = lint_json(dir, {"drafts/old/b.txt"});
  CHECK(paths_of(named.doc) == std::vector<std::string>{"drafts/old/b.txt"});

  // A folder whose drafts are all excluded has no drafts.
  auto old = lint(dir, {"drafts/old"});
  CHECK(old.exit_code == 2);
  CHECK(old.err == "drafts/old: error: no drafts in this folder that the config's exclude and .gitignore leave in\n");
}

// ---------------------------------------------------------------------------
// Context resolution order: defaults < config < front matter < headers < flags

TEST_CASE("context: defaults < config < front matter < header block < command-line flags",
          "[cli][config]") {
  TempDir dir;
  dir.write(".followup-lint.toml", R"([context]
kind = "status-inquiry"
company = "Config Co"
position = "Config Role"
candidate = "Ana Cruz"
sent_date = 2026-01-01
attachments = ["config.pdf"]
)");
  dir.write("layers.md",
            "+++\nkind = \"thank-you\"\ncompany = \"FM Co\"\nsent_date = 2026-02-02\nattachments = "
            "[\"fm.pdf\"]\n+++\nSubject: Thank You – Customer Service Associate Interview\nTo: Sam "
            "Jones <sam.jones@example.com>\nDate: 2026-03-03\nAttachments: header.pdf\n\n" +
                kCleanNote);
  const std::string config = (dir / ".followup-lint.toml").string();

  auto shown = lint(dir, {"--show-config", "layers.md"});
  REQUIRE(shown.exit_code == 0);
  INFO(shown.out);
  CHECK(shown.out.rfind("file: layers.md\nconfig: " + config + "\n", 0) == 0);
  auto value = [&](const std::string& out, const std::string& key) {
    return line_starting(out, key + " ");
  };
  CHECK(contains(value(shown.out, "kind"), "= thank-you "));
  CHECK(contains(value(shown.out, "kind"), "# front matter"));
  CHECK(contains(value(shown.out, "company"), "= FM Co "));
  CHECK(contains(value(shown.out, "company"), "# front matter"));
  CHECK(contains(value(shown.out, "position"), "= Config Role "));
  CHECK(contains(value(shown.out, "position"), "# config " + config));
  CHECK(contains(value(shown.out, "candidate"), "# config " + config));
  CHECK(contains(value(shown.out, "sent_date"), "= 2026-03-03 "));
  CHECK(contains(value(shown.out, "sent_date"), "# Date header"));
  CHECK(contains(value(shown.out, "attachments"), "= [\"header.pdf\"] "));
  CHECK(contains(value(shown.out, "attachments"), "# Attachments header"));
  CHECK(contains(value(shown.out, "medium"), "= email "));
  CHECK(contains(value(shown.out, "relationship"), "= new "));
  CHECK(contains(value(shown.out, "relationship"), "# default"));
  CHECK(contains(value(shown.out, "interviewers"), "= (unset) "));

  auto flagged = lint(dir, {"--show-config", "layers.md", "--kind", "rejection-reply", "--context",
                            "company=Flag Co", "--context", "sent_date=2026-04-04", "--context",
                            "attachments=flag.pdf, more.pdf"});
  REQUIRE(flagged.exit_code == 0);
  INFO(flagged.out);
  CHECK(contains(value(flagged.out, "kind"), "= rejection-reply "));
  CHECK(contains(value(flagged.out, "kind"), "# command line"));
  CHECK(contains(value(flagged.out, "company"), "= Flag Co "));
  CHECK(contains(value(flagged.out, "company"), "# command line"));
  CHECK(contains(value(flagged.out, "sent_date"), "= 2026-04-04 "));
  CHECK(contains(value(flagged.out, "attachments"), "= [\"flag.pdf\", \"more.pdf\"] "));
  CHECK(contains(value(flagged.out, "position"), "# config " + config));  // untouched layers stay

  // The same order decides what the rules see: the kind in the JSON report.
  dir.write("no-front-matter.txt", kCleanNote);
  auto kind_of = [&](const std::vector<std::string>& args) {
    auto r = lint_json(dir, args);
    return r.doc.at("files").at(0).at("kind").get<std::string>();
  };
  CHECK(kind_of({"no-front-matter.txt"}) == "status-inquiry");  // config
  CHECK(kind_of({"layers.md"}) == "thank-you");                 // front matter over config
  CHECK(kind_of({"--kind", "rejection-reply", "layers.md"}) == "rejection-reply");
  CHECK(kind_of({"--context", "kind=rejection-reply", "layers.md"}) == "rejection-reply");
  dir.write(".followup-lint.toml", "");
  CHECK(kind_of({"no-front-matter.txt"}) == "thank-you");  // inferred from the text
}

// ---------------------------------------------------------------------------
// Suppressions in the draft

TEST_CASE("front matter `disable` silences rules / unknown and unused entries are reported",
          "[cli]") {
  TempDir dir;
  dir.write("a.md",
            "+++\ndisable = [\"signature.full-name\", \"cliche.soft-skil\"]\n+++\n" + kOneName);
  auto r = lint(dir, {"--color", "never", "a.md"});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(has_rule(r.out, "signature.full-name"));
  CHECK(contains(r.out,
                 "a.md:2:35: warning: unknown rule 'cliche.soft-skil' in a suppression "
                 "[suppression.unknown-rule]\n"));

  dir.write("b.md", "+++\ndisable = \"cliche.soft-skill\"\n+++\n" + kCleanNote);
  auto unused = lint(dir, {"--color", "never", "b.md"});
  CHECK(unused.exit_code == 1);
  CHECK(contains(unused.out,
                 "b.md:2:11: warning: 'cliche.soft-skill' is disabled here but reports nothing in "
                 "this draft [suppression.unused]\n"));

  dir.write("c.md", "+++\ndisable = [\"cliche.soft-skill\"]\n+++\n" + kClicheNote);
  auto used = lint_json(dir, {"c.md"});
  CHECK(used.run.exit_code == 0);
  CHECK(rules_of(used.doc, "c.md") == kNone);

  // A .txt draft can use front matter too.
  dir.write("d.txt", "+++\ndisable = [\"cliche.soft-skill\"]\n+++\n" + kClicheNote);
  CHECK(rules_of(lint_json(dir, {"d.txt"}).doc, "d.txt") == kNone);
}

TEST_CASE("<!-- followup-lint: disable RULE --> pragmas silence the rest of the file", "[cli]") {
  TempDir dir;
  const std::string twice = replace_once(kClicheNote, "I am a team player.",
                                         "I am a team player.\n\nI am a self-starter.");
  // Disabled below the first cliché only.
  dir.write("a.md",
            replace_once(twice, "\n\nI am a self-starter.",
                         "\n\n<!-- followup-lint: disable cliche.soft-skill, salutation.bogus -->\n"
                         "I am a self-starter."));
  auto r = lint_json(dir, {"a.md"});
  auto rules = rules_of(r.doc, "a.md");
  CHECK(std::count(rules.begin(), rules.end(), "cliche.soft-skill") == 1);
  CHECK(std::count(rules.begin(), rules.end(), "suppression.unknown-rule") == 1);
  for (const auto& d : r.doc.at("files").at(0).at("diagnostics")) {
    if (d.at("rule") == "cliche.soft-skill")
      CHECK(d.at("message") == "'team player' is a soft-skill cliché that anyone can claim");
    if (d.at("rule") != "suppression.unknown-rule") continue;
    CHECK(d.at("message") == "unknown rule 'salutation.bogus' in a suppression");
    CHECK(d.at("line") == 7);
    CHECK(d.at("column") == 48);
    CHECK(d.at("end_column") == 64);
  }

  // A pragma that silences nothing is reported where the rule is named.
  dir.write("b.md",
            replace_once(kCleanNote, "Sincerely,",
                         "<!-- followup-lint: disable signature.full-name -->\n\nSincerely,"));
  auto unused = lint(dir, {"--color", "never", "b.md"});
  CHECK(unused.exit_code == 1);
  CHECK(
      contains(unused.out,
               "b.md:9:29: warning: 'signature.full-name' is disabled here but reports nothing in "
               "this draft [suppression.unused]\n"));

  dir.write("c.md",
            replace_once(kOneName, "Sincerely,",
                         "<!-- followup-lint: disable signature.full-name -->\n\nSincerely,"));
  auto used = lint_json(dir, {"c.md"});
  CHECK(used.run.exit_code == 0);
  CHECK(rules_of(used.doc, "c.md") == kNone);
}

TEST_CASE("<!-- followup-lint: disable-next-line RULE --> silences one line", "[cli]") {
  TempDir dir;
  dir.write("a.md",
            replace_once(
                kClicheNote, "I am a team player.",
                "<!-- followup-lint: disable-next-line cliche.soft-skill -->\nI am a team player.\n"
                "I am a self-starter."));
  auto r = lint_json(dir, {"a.md"});
  auto rules = rules_of(r.doc, "a.md");
  REQUIRE(std::count(rules.begin(), rules.end(), "cliche.soft-skill") == 1);
  for (const auto& d : r.doc.at("files").at(0).at("diagnostics"))
    if (d.at("rule") == "cliche.soft-skill")
      CHECK(d.at("message") == "'self-starter' is a soft-skill cliché that anyone can claim");
}

// ---------------------------------------------------------------------------
// --fix and --dry-run

TEST_CASE("cli: --fix rewrites the draft atomically / keeps its permissions and leaves no temporary file",
          "[cli]") {
  TempDir dir;
  dir.write("rules/words.toml", kWordsRules);
  dir.write(".followup-lint.toml", "rule_paths = [\"rules/words.toml\"]\n");
  std::string draft =
      dir.write("drafts/u.txt", replace_once(kUtilize, "speak again soon", "utilize that chance"));
  REQUIRE(::chmod(draft.c_str(), 0640) == 0);
  struct stat before {};
  REQUIRE(::stat(draft.c_str(), &before) == 0);

  auto r = lint(dir, {"--fix", "--color", "never", "drafts/u.txt"});
  CHECK(r.exit_code == 0);  // what remains after fixing decides
  CHECK(r.out.rfind("drafts/u.txt: no problems (read as a", 0) == 0);
  CHECK(r.err == "applied 2 fixes\n");
  CHECK(read_text(draft) == replace_once(replace_once(kUtilize, "utilize five", "use five"),
                                         "speak again soon", "use that chance"));

  struct stat after {};
  REQUIRE(::stat(draft.c_str(), &after) == 0);
  CHECK((after.st_mode & 07777) == 0640);
  CHECK(after.st_ino !=
        before.st_ino);  // a new file renamed over the old one, not rewritten in place
  for (const auto& entry : fs::directory_iterator(dir / "drafts")) {
    INFO(entry.path());
    CHECK(entry.path().filename() == "u.txt");
  }

  // Nothing left to fix: the file is not touched again.
  auto again = lint(dir, {"--fix", "drafts/u.txt"});
  CHECK(again.exit_code == 0);
  CHECK(again.err.empty());
  struct stat third {};
  REQUIRE(::stat(draft.c_str(), &third) == 0);
  CHECK(third.st_ino == after.st_ino);
}

TEST_CASE("cli: --fix leaves unfixable findings / bad bytes / stdin and symlinks intact", "[cli]") {
  TempDir dir;
  dir.write("rules/words.toml", kWordsRules);
  dir.write(".followup-lint.toml", "rule_paths = [\"rules/words.toml\"]\n");
  dir.write("mixed.txt", replace_once(kUtilize, "\nAna Cruz\n", "\nAna\n"));
  auto r = lint_json(dir, {"--fix", "mixed.txt"});
  CHECK(r.run.exit_code == 1);
  CHECK(rules_of(r.doc, "mixed.txt") == one("signature.full-name"));
  CHECK(contains(read_text((dir / "mixed.txt").string()), "I would use five years"));

  const std::string bad = "Dear Mr. Jones,\n\nI would utilize \xFF this.\n";
  dir.write("bad.txt", bad);
  auto bytes = lint(dir, {"--fix", "bad.txt"});
  CHECK(bytes.exit_code == 1);
  CHECK(read_text((dir / "bad.txt").string()) == bad);

  // Standard input has no file to write back to: it is linted as it is.
  auto from_stdin = lint(dir, {"--fix", "--color", "never", "-"}, kUtilize);
  CHECK(from_stdin.exit_code == 1);
  CHECK(has_rule(from_stdin.out, "words.utilize"));
  CHECK(from_stdin.err.empty());

  // Through a symlink, the draft it names is fixed and the link stays a link.
  dir.write("real/v.txt", kUtilize);
  fs::create_symlink(fs::path("real/v.txt"), dir / "link.txt");
  auto linked = lint(dir, {"--fix", "link.txt"});
  CHECK(linked.exit_code == 0);
  CHECK(fs::is_symlink(dir / "link.txt"));
  CHECK(contains(read_text((dir / "real/v.txt").string()), "I would use five years"));
}

TEST_CASE("cli: --fix --dry-run prints a diff and leaves the file alone", "[cli]") {
  TempDir dir;
  dir.write("rules/words.toml", kWordsRules);
  dir.write(".followup-lint.toml", "rule_paths = [\"rules/words.toml\"]\n");
  std::string draft = dir.write("u.txt", kUtilize);
  struct stat before {};
  REQUIRE(::stat(draft.c_str(), &before) == 0);

  auto r = lint(dir, {"--fix", "--dry-run", "--color", "never", "u.txt"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("--- a/u.txt\n+++ b/u.txt\n@@ -2,7 +2,7 @@\n", 0) == 0);
  CHECK(contains(
      r.out,
      "\n-In addition to my enthusiasm for customer service, I would utilize five years of "
      "experience managing call centers."));
  CHECK(contains(r.out,
                 "\n+In addition to my enthusiasm for customer service, I would use five years of "
                 "experience managing call centers."));
  CHECK(contains(r.out, "u.txt: no problems (read as a"));
  CHECK(r.err.empty());  // nothing was applied
  CHECK(read_text(draft) == kUtilize);
  struct stat after {};
  REQUIRE(::stat(draft.c_str(), &after) == 0);
  CHECK(after.st_ino == before.st_ino);
  CHECK(after.st_mtim.tv_sec == before.st_mtim.tv_sec);
  CHECK(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);

  // In JSON, stdout stays one document and the diff goes to stderr.
  auto json_run = lint_json(dir, {"--fix", "--dry-run", "u.txt"});
  CHECK(rules_of(json_run.doc, "u.txt") == kNone);
  CHECK(json_run.run.err.rfind("--- a/u.txt\n+++ b/u.txt\n", 0) == 0);
  CHECK(read_text(draft) == kUtilize);
}

// ---------------------------------------------------------------------------
// --show-config

TEST_CASE("cli: --show-config prints the resolved context and rule settings with their sources",
          "[cli][config]") {
  TempDir dir;
  dir.write("a.txt", kCleanNote);
  auto defaults = lint(dir, {"--show-config", "a.txt"});
  CHECK(defaults.exit_code == 0);
  CHECK(defaults.out.rfind("file: a.txt\nconfig: (none: built-in defaults)\n\n[context]\n", 0) ==
        0);
  CHECK(contains(line_starting(defaults.out, "kind "), "= thank-you "));
  CHECK(contains(line_starting(defaults.out, "kind "), "# inferred"));
  CHECK(contains(line_starting(defaults.out, "medium "), "= letter "));
  CHECK(contains(defaults.out, "\n[rules]\n"));
  CHECK(line_starting(defaults.out, "cliche.soft-skill ") ==
        "cliche.soft-skill            warning");

  dir.write(".followup-lint.toml",
            "[context]\ncompany = \"Acme\"\n[rules.\"cliche.soft-skill\"]\nseverity = \"off\"\n"
            "[[overrides]]\nfiles = "
            "[\"a.txt\"]\n[overrides.rules.\"signature.full-name\"]\nseverity = \"info\"\n");
  auto configured = lint(dir, {"--show-config", "a.txt"});
  CHECK(configured.exit_code == 0);
  INFO(configured.out);
  CHECK(contains(configured.out, "config: " + (dir / ".followup-lint.toml").string() + "\n"));
  CHECK(contains(line_starting(configured.out, "company "), "= Acme "));
  CHECK(line_starting(configured.out, "cliche.soft-skill ") ==
        "cliche.soft-skill            off      # default warning, set in the config");
  CHECK(line_starting(configured.out, "signature.full-name ") ==
        "signature.full-name          info     # default warning, set in the config");
  for (const auto& line : lines_of(configured.out)) {
    INFO(line);
    CHECK((line.empty() || line.back() != ' '));
  }

  auto missing = lint(dir, {"--show-config", "nope.txt"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "nope.txt: error: cannot open: No such file or directory\n");

  dir.write(".followup-lint.toml", "[context]\nkind = 3\n");
  auto broken = lint(dir, {"--show-config", "a.txt"});
  CHECK(broken.exit_code == 2);
  CHECK(broken.err == (dir / ".followup-lint.toml").string() +
                          ":2:8: error: context key 'kind' must be a string, not an integer\n");
  CHECK(broken.out.empty());
}

TEST_CASE("cli: a draft named twice, through its folder or a link, is linted once", "[cli]") {
  TempDir dir;
  dir.write("drafts/note.txt", kClicheNote);
  dir.write("drafts/other.txt", kCleanNote);
  std::filesystem::create_symlink("note.txt", dir / "drafts/link.md");
  auto r = lint(dir, {"--format", "json", "drafts/other.txt", "drafts", "drafts/note.txt", "drafts/link.md"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  // Each file once, at its first place: the walk passes over the link and
  // finds note.txt; the link named afterwards is the same file.
  CHECK(paths_of(json::parse(r.out)) == std::vector<std::string>{"drafts/other.txt", "drafts/note.txt"});
  // A walk that follows links finds link.md before note.txt.
  auto followed = lint(dir, {"--format", "json", "--follow-links", "drafts/other.txt", "drafts", "drafts/note.txt"});
  CHECK(paths_of(json::parse(followed.out)) == std::vector<std::string>{"drafts/other.txt", "drafts/link.md"});
}
