// Hostile inputs through the real binary: random bytes, invalid and overlong
// UTF-8, mixed line endings, broken front matter, pipes and devices named as
// drafts, symlink loops, unreadable files, and text built to stress each
// rule. Each must end with the exit code and message SPEC §1 and §6 give.
// The large inputs (100 MB, a 10 MB line, ...) are in tests/slow/.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "rules/rule.hpp"
#include "support/hostile_inputs.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using followup::testing::find_program;
using followup::testing::kCleanNote;
using followup::testing::note_with_body;
using followup::testing::pathological_bodies;
using followup::testing::run_command;
using followup::testing::run_linter;
using followup::testing::RunResult;
using followup::testing::TempDir;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string& kCliche = followup::testing::kClicheNote;  // 5:115

RunResult lint(const TempDir& dir, std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), {"--color", "never"});
  return run_linter(args, input, dir.str());
}

// For inputs that could block a careless reader (pipes, devices, links):
// the same binary under coreutils' timeout, so that a hang fails the test
// with exit 124 instead of stalling the suite.
RunResult lint_bounded(const TempDir& dir, std::vector<std::string> args) {
  std::string timeout = find_program("timeout");
  if (timeout.empty()) return lint(dir, args);
  std::vector<std::string> argv = {timeout,         "--kill-after=5", "60",
                                   FOLLOWUP_BINARY, "--color",        "never"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, dir.str());
}

json parse_report(const RunResult& r) {
  INFO("stdout: " << r.out.substr(0, 2000) << "\nstderr: " << r.err.substr(0, 2000));
  json doc = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  return doc;
}

const json& report_for(const json& doc, const std::string& path) {
  for (const auto& file : doc.at("files"))
    if (file.at("path") == path) return file;
  FAIL("no file '" << path << "' in the report");
  throw std::logic_error("unreachable");
}

std::vector<std::string> rules_in(const json& file) {
  std::vector<std::string> out;
  for (const auto& d : file.at("diagnostics")) out.push_back(d.at("rule").get<std::string>());
  return out;
}

bool has(const std::vector<std::string>& rules, const std::string& rule) {
  return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

std::vector<std::string> paths_of(const json& doc) {
  std::vector<std::string> out;
  for (const auto& file : doc.at("files")) out.push_back(file.at("path").get<std::string>());
  return out;
}

std::string random_bytes(uint32_t seed, size_t size) {
  std::mt19937 engine(seed);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string out(size, '\0');
  for (auto& c : out) c = static_cast<char>(byte(engine));
  return out;
}

}  // namespace

TEST_CASE(
    "hostile: random bytes get one input.encoding error each and the other files are still linted",
    "[robustness]") {
  TempDir dir;
  std::vector<std::string> files;
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    std::string name = "random-" + std::to_string(seed) + ".txt";
    dir.write(name, random_bytes(seed, 64 * 1024));
    files.push_back(name);
  }
  // Random bytes after a valid first line: the error is not at offset 0.
  dir.write("late.txt", "Dear Ms. Lee,\n" + random_bytes(9, 4096));
  dir.write("clean.txt", kCleanNote);
  files.push_back("late.txt");
  files.push_back("clean.txt");

  auto r = lint(dir, [&] {
    std::vector<std::string> args = {"--format", "json"};
    args.insert(args.end(), files.begin(), files.end());
    return args;
  }());
  CHECK(r.exit_code == 1);  // findings, not an I/O error
  CHECK(r.err.empty());
  json doc = parse_report(r);
  CHECK(paths_of(doc) == files);
  for (size_t i = 0; i + 1 < files.size(); ++i) {
    INFO(files[i]);
    const json& diagnostics = report_for(doc, files[i]).at("diagnostics");
    REQUIRE(diagnostics.size() == 1);
    const json& d = diagnostics.at(0);
    CHECK(d.at("rule") == "input.encoding");
    CHECK(d.at("severity") == "error");
    std::string message = d.at("message");
    CHECK((message.rfind("invalid UTF-8 at byte offset ", 0) == 0 ||
           message.rfind("NUL byte at byte offset ", 0) == 0));
    CHECK(d.at("line").get<int>() >= 1);
    CHECK(d.at("column").get<int>() >= 1);
  }
  CHECK(report_for(doc, "late.txt").at("diagnostics").at(0).at("line").get<int>() >= 2);
  CHECK(report_for(doc, "clean.txt").at("diagnostics").empty());

  // Standard input takes the same path, named <stdin>.
  auto in = lint(dir, {"-"}, random_bytes(5, 8192));
  CHECK(in.exit_code == 1);
  CHECK(contains(in.out, "<stdin>:"));
  CHECK(contains(in.out, "[input.encoding]"));
}

TEST_CASE(
    "hostile: overlong forms / UTF-8-encoded surrogates / code points past U+10FFFF are named with "
    "line:col",
    "[robustness]") {
  struct Case {
    std::string name;
    std::string bad;
    const char* byte;
  };
  const std::vector<Case> cases = {
      {"overlong-2.txt", "\xC0\xAF", "0xC0"},             // '/' in two bytes
      {"overlong-nul.txt", "\xC0\x80", "0xC0"},           // NUL in two bytes (modified UTF-8)
      {"overlong-3.txt", "\xE0\x80\xAF", "0xE0"},         // '/' in three bytes
      {"overlong-4.txt", "\xF0\x80\x80\xAF", "0xF0"},     // '/' in four bytes
      {"overlong-euro.txt", "\xF0\x82\x82\xAC", "0xF0"},  // U+20AC in four bytes
      {"surrogate-high.txt", "\xED\xA0\x80", "0xED"},     // U+D800
      {"surrogate-low.txt", "\xED\xBF\xBF", "0xED"},      // U+DFFF
      {"surrogate-pair.txt", "\xED\xA0\xBD\xED\xB8\x80", "0xED"},  // CESU-8 for U+1F600
      {"past-max.txt", "\xF4\x90\x80\x80", "0xF4"},                // U+110000
      {"five-byte.txt", "\xF8\x88\x80\x80\x80", "0xF8"},           // old 5-byte form
      {"lone-continuation.txt", "\x80", "0x80"},
      {"cut-sequence.txt", "\xE2\x82 ", "0xE2"},  // € missing its last byte
  };
  TempDir dir;
  std::vector<std::string> args;
  for (const auto& c : cases) {
    // "Dear Ms. Lee,\n" (14) + "\n" (1) + "Thank you " (10): the bad bytes start at offset 25,
    // 3:11.
    dir.write(c.name, "Dear Ms. Lee,\n\nThank you " + c.bad + " for the talk.\n");
    args.push_back(c.name);
  }
  // Columns count code points: after "Thank José " the column is 12 for byte offset 27.
  dir.write("after-accent.txt", "Dear Ms. Lee,\n\nThank José \xED\xA0\x80 for the talk.\n");
  // CRLF and a lone CR before the bad byte: still line 3.
  dir.write("crlf.txt", "Dear Ms. Lee,\r\n\r\nThank you \xC0\xAF\r\n");
  dir.write("cr.txt", "Dear Ms. Lee,\r\rThank you \xC0\xAF\r");
  // At the very end of the file, with nothing after it.
  dir.write("at-end.txt", "Dear Ms. Lee,\n\nThank you \xF0\x9F\x98");
  for (const char* extra : {"after-accent.txt", "crlf.txt", "cr.txt", "at-end.txt"})
    args.push_back(extra);

  auto r = lint(dir, args);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  for (const auto& c : cases) {
    CHECK(contains(r.out, c.name + ":3:11: error: invalid UTF-8 at byte offset 25 (byte " + c.byte +
                              ") [input.encoding]\n"));
  }
  CHECK(contains(r.out,
                 "after-accent.txt:3:12: error: invalid UTF-8 at byte offset 27 (byte 0xED) "
                 "[input.encoding]\n"));
  CHECK(contains(
      r.out,
      "crlf.txt:3:11: error: invalid UTF-8 at byte offset 27 (byte 0xC0) [input.encoding]\n"));
  CHECK(contains(
      r.out, "cr.txt:3:11: error: invalid UTF-8 at byte offset 25 (byte 0xC0) [input.encoding]\n"));
  CHECK(contains(
      r.out,
      "at-end.txt:3:11: error: invalid UTF-8 at byte offset 25 (byte 0xF0) [input.encoding]\n"));
  CHECK(contains(r.out, std::to_string(cases.size() + 4) +
                            " files checked: " + std::to_string(cases.size() + 4) + " errors ("));

  // The valid neighbours of those forms are text, not errors.
  dir.write("valid.txt",
            note_with_body("Thank you \xE2\x82\xAC \xF0\x9F\x98\x80 \xED\x9F\xBF "
                           "\xEE\x80\x80 \xF4\x8F\xBF\xBF \xEF\xBF\xBD for the talk."));
  auto valid = lint(dir, {"--format", "json", "valid.txt"});
  CHECK_FALSE(has(rules_in(report_for(parse_report(valid), "valid.txt")), "input.encoding"));
}

TEST_CASE("hostile: mixed CRLF / LF / CR line endings keep every line and column", "[robustness]") {
  // Each "\n" becomes CRLF, LF or CR in turn. A CR is always followed by the
  // next CRLF's CR, never by a LF, so the number of line breaks is unchanged.
  const char* endings[] = {"\r\n", "\n", "\r"};
  std::string mixed;
  size_t turn = 0;
  for (char c : kCliche) {
    if (c == '\n') {
      mixed += endings[turn++ % 3];
    } else {
      mixed += c;
    }
  }
  TempDir dir;
  dir.write("lf.txt", kCliche);
  dir.write("mixed.txt", mixed);
  auto r = lint(dir, {"--format", "json", "lf.txt", "mixed.txt"});
  CHECK(r.exit_code == 1);
  json doc = parse_report(r);
  const json& lf = report_for(doc, "lf.txt").at("diagnostics");
  const json& mx = report_for(doc, "mixed.txt").at("diagnostics");
  REQUIRE(lf.size() == mx.size());
  for (size_t i = 0; i < lf.size(); ++i) {
    INFO(lf.at(i).dump());
    CHECK(mx.at(i).at("rule") == lf.at(i).at("rule"));
    for (const char* key : {"line", "column", "end_line", "end_column"})
      CHECK(mx.at(i).at(key) == lf.at(i).at(key));
  }
  CHECK(has(rules_in(report_for(doc, "mixed.txt")), "cliche.soft-skill"));
  auto text = lint(dir, {"mixed.txt"});
  CHECK(contains(text.out, "mixed.txt:5:115: warning: 'team player'"));
}

TEST_CASE(
    "hostile: front matter never closed / nested thousands deep / with a bad value is a diagnostic",
    "[robustness]") {
  TempDir dir;
  const std::string letter = kCleanNote;
  dir.write("unclosed.md", "+++\nkind = \"thank-you\"\ncompany = \"Acme\"\n\n" + letter);
  dir.write("nested-arrays.md",
            "+++\nx = " + std::string(20000, '[') + std::string(20000, ']') + "\n+++\n" + letter);
  std::string tables;
  for (int i = 0; i < 5000; ++i) tables += "{a = ";
  tables += "1" + std::string(5000, '}');
  dir.write("nested-tables.md", "+++\nx = " + tables + "\n+++\n" + letter);
  dir.write("open-string.md",
            "+++\nposition = \"\"\"never ends\n" + std::string(10000, 'x') + "\n+++\n" + letter);
  dir.write("only-opener.md", "+++");
  dir.write("many-fences.md", followup::testing::repeat_to("+++\n", 40000));
  std::vector<std::string> files = {"unclosed.md",    "nested-arrays.md", "nested-tables.md",
                                    "open-string.md", "only-opener.md",   "many-fences.md"};
  std::vector<std::string> args = {"--format", "json"};
  args.insert(args.end(), files.begin(), files.end());
  auto r = lint(dir, args);
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  json doc = parse_report(r);
  CHECK(paths_of(doc) == files);
  const json& unclosed = report_for(doc, "unclosed.md").at("diagnostics").at(0);
  CHECK(unclosed.at("rule") == "front-matter.invalid");
  CHECK(unclosed.at("line") == 1);
  CHECK(unclosed.at("column") == 1);
  CHECK(contains(unclosed.at("message"), "never closed"));
  for (const char* name : {"nested-arrays.md", "nested-tables.md", "open-string.md"}) {
    INFO(name);
    const json* invalid = nullptr;
    for (const auto& d : report_for(doc, name).at("diagnostics"))
      if (d.at("rule") == "front-matter.invalid" && !invalid) invalid = &d;
    REQUIRE(invalid != nullptr);
    CHECK(invalid->at("severity") == "error");
    CHECK(invalid->at("line").get<int>() >= 2);
  }
}

TEST_CASE(
    "hostile: a FIFO or a device named as a draft is refused at once and the rest still linted",
    "[robustness]") {
  TempDir dir;
  dir.write("cliche.txt", kCliche);
  REQUIRE(::mkfifo((dir / "pipe.txt").c_str(), 0600) == 0);
  std::vector<std::string> devices;
  for (const char* device : {"/dev/zero", "/dev/null", "/dev/urandom"})
    if (fs::exists(device)) devices.push_back(device);
  REQUIRE_FALSE(devices.empty());

  std::vector<std::string> args = {"pipe.txt"};
  args.insert(args.end(), devices.begin(), devices.end());
  args.push_back("cliche.txt");
  auto r = lint_bounded(dir, args);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  std::string expected =
      "pipe.txt: error: not a regular file (a device, socket or pipe cannot be linted)\n";
  for (const auto& d : devices)
    expected += d + ": error: not a regular file (a device, socket or pipe cannot be linted)\n";
  CHECK(r.err == expected);
  CHECK(contains(r.out, "cliche.txt:5:115: warning: 'team player'"));

  // A pipe or device elsewhere: inside a folder being walked (passed over),
  // as --config, and as --show-config's draft.
  dir.write("drafts/clean.txt", kCleanNote);
  REQUIRE(::mkfifo((dir / "drafts/pipe.txt").c_str(), 0600) == 0);
  REQUIRE(::mkfifo((dir / "drafts/.followup-lint.toml").c_str(), 0600) == 0);
  fs::create_symlink("/dev/zero", dir / "drafts/zero.txt");
  auto walk = lint_bounded(dir, {"--format", "json", "drafts"});
  INFO(walk.out << walk.err);
  // The pipe and the link to a device are passed over; the FIFO config is
  // the folder's config, refused at once and reported (exit 2).
  CHECK(walk.exit_code == 2);
  CHECK(walk.err.find("drafts/.followup-lint.toml") != std::string::npos);
  CHECK(walk.err.find("not a regular file") != std::string::npos);
  fs::remove(dir / "drafts/.followup-lint.toml");
  walk = lint_bounded(dir, {"--format", "json", "drafts"});
  CHECK(walk.exit_code == 0);
  CHECK(walk.err.empty());
  CHECK(paths_of(parse_report(walk)) == std::vector<std::string>{"drafts/clean.txt"});

  auto config = lint_bounded(dir, {"--config", "pipe.txt", "cliche.txt"});
  CHECK(config.exit_code == 2);
  CHECK(config.err == "pipe.txt: error: cannot read the config file: not a regular file\n");
  // A config's rule_paths naming a pipe or a device: refused, never read
  // (rule_paths_outside lets the check reach them outside the folder).
  dir.write("pipe-rules/.followup-lint.toml", "rule_paths = [\"../pipe.txt\", \"/dev/zero\"]\nrule_paths_outside = true\n");
  dir.write("pipe-rules/note.txt", kCleanNote);
  auto rule_paths = lint_bounded(dir, {"pipe-rules/note.txt"});
  INFO(rule_paths.out << rule_paths.err);
  CHECK(rule_paths.exit_code == 2);
  CHECK(contains(rule_paths.err, "pipe.txt: error: cannot read the rule file: not a regular file"));
  CHECK(contains(rule_paths.err, "/dev/zero: error: cannot read the rule file: not a regular file"));
  auto show = lint_bounded(dir, {"--show-config", "/dev/zero"});
  CHECK(show.exit_code == 2);
  CHECK(show.err == "/dev/zero: error: not a regular file\n");
}

TEST_CASE("hostile: symlink loops end the folder walk and a looping path is named as one",
          "[robustness]") {
  TempDir dir;
  dir.write("drafts/clean.txt", kCleanNote);
  dir.write("drafts/sub/cliche.txt", kCliche);
  fs::create_directory_symlink(dir / "drafts", dir / "drafts/sub/loop");  // back up the tree
  fs::create_directory_symlink("..", dir / "drafts/sub/up");
  fs::create_symlink("self.txt", dir / "drafts/self.txt");  // a link to itself
  fs::create_symlink("pong.txt", dir / "drafts/ping.txt");  // two links naming each other
  fs::create_symlink("ping.txt", dir / "drafts/pong.txt");
  fs::create_directory_symlink("knot", dir / "knot");

  auto r = lint_bounded(dir, {"--format", "json", "drafts"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  CHECK(paths_of(parse_report(r)) ==
        std::vector<std::string>{"drafts/clean.txt", "drafts/sub/cliche.txt"});

  auto named = lint_bounded(dir, {"drafts/self.txt", "knot", "drafts/clean.txt"});
  CHECK(named.exit_code == 2);
  CHECK(named.err ==
        "drafts/self.txt: error: a symlink loop (too many levels of symbolic links)\n"
        "knot: error: a symlink loop (too many levels of symbolic links)\n");
  CHECK(contains(named.out, "drafts/clean.txt:"));
  CHECK_FALSE(contains(named.out, "error"));
}

TEST_CASE(
    "hostile: an unreadable file among readable ones is reported / the others are linted / exit 2",
    "[robustness]") {
  // chmod 000 does not stop root, so as root the linter runs as nobody.
  const bool as_nobody = ::geteuid() == 0;
  TempDir dir;
  dir.write("drafts/a-cliche.txt", kCliche);
  std::string locked = dir.write("drafts/b-locked.txt", kCleanNote);
  dir.write("drafts/c-clean.txt", kCleanNote);
  dir.write("drafts/private/d.txt", kCliche);
  REQUIRE(::chmod(locked.c_str(), 0) == 0);
  REQUIRE(::chmod((dir / "drafts/private").c_str(), 0) == 0);
  for (const auto& folder : {dir.path(), dir / "drafts"})
    REQUIRE(::chmod(folder.c_str(), 0755) == 0);

  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--color", "never"});
    if (!as_nobody) return lint(dir, args);
    std::string setpriv = find_program("setpriv");
    REQUIRE_FALSE(setpriv.empty());  // util-linux
    std::vector<std::string> argv = {setpriv, "--reuid=65534", "--regid=65534", "--clear-groups",
                                     FOLLOWUP_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, dir.str());
  };

  auto named =
      run({"--format", "json", "drafts/a-cliche.txt", "drafts/b-locked.txt", "drafts/c-clean.txt"});
  INFO(named.out << named.err);
  CHECK(named.exit_code == 2);
  CHECK(named.err == "drafts/b-locked.txt: error: cannot open: Permission denied\n");
  json doc = parse_report(named);
  CHECK(paths_of(doc) == std::vector<std::string>{"drafts/a-cliche.txt", "drafts/c-clean.txt"});
  CHECK(has(rules_in(report_for(doc, "drafts/a-cliche.txt")), "cliche.soft-skill"));

  // Walking the folder: the unreadable file is reported the same way, the
  // unreadable subfolder is reported and passed over, and the rest is linted.
  auto walked = run({"drafts"});
  INFO(walked.out << walked.err);
  CHECK(walked.exit_code == 2);
  CHECK(walked.err == "drafts/b-locked.txt: error: cannot open: Permission denied\n"
                      "drafts/private: error: cannot read the folder: Permission denied; its drafts were not linted\n");
  CHECK(contains(walked.out, "drafts/a-cliche.txt:5:115: warning: 'team player'"));
  CHECK(contains(walked.out, "2 files checked: 1 warning ("));

  ::chmod((dir / "drafts/private").c_str(), 0755);
  ::chmod(locked.c_str(), 0644);
}

TEST_CASE("hostile: pathological text for every rule finishes with findings and exit 1",
          "[robustness]") {
  // 1 KB each, small enough for the sanitizer build; tests/slow runs them at 200 KB.
  TempDir dir;
  std::vector<std::string> files;
  for (const auto& [name, body] : pathological_bodies(1000)) {
    files.push_back(name + ".txt");
    dir.write(files.back(), note_with_body(body));
  }
  // The parts outside the body: salutation, closing, signature and headers.
  auto add = [&](const std::string& name, const std::string& text) {
    files.push_back(name);
    dir.write(name, text);
  };
  const std::string body = "Thank you for your time.\n\n";
  const std::string signature = "Sincerely,\nAna Cruz\n(555) 010-4477\n";
  add("salutation-many.txt", "Dear " + followup::testing::repeat_to("Mr. Jones and ", 1000) +
                                 "Ms. Smith,\n\n" + body + signature);
  add("salutation-no-spaces.txt", "Dear " + std::string(1000, 'J') + ",\n\n" + body + signature);
  add("closings.txt", "Dear Mr. Jones,\n\n" + body +
                          followup::testing::repeat_to("Cheers,\n", 1000) + "Ana Cruz\n");
  add("signature-lines.txt", "Dear Mr. Jones,\n\n" + body + "Sincerely,\n" +
                                 followup::testing::repeat_to("Ana Cruz\n", 1000));
  std::string to = "Subject: Thank you\nTo: ";
  for (int i = 0; i < 300; ++i)
    to += "p" + std::to_string(i) + " <p" + std::to_string(i) + "@example.com>, ";
  add("recipients.txt", to + "x@example.com\n\nDear Mr. Jones,\n\n" + body + signature);
  add("recipient-quotes.txt", "Subject: Thank you\nTo: " + std::string(1000, '"') +
                                  "\n\nDear Mr. Jones,\n\n" + body + signature);
  add("subject-long.txt", "Subject: " + followup::testing::repeat_to("Thank you ", 1000) +
                              "\n\nDear Mr. Jones,\n\n" + body + signature);
  add("date-long.txt",
      "Subject: Thank you\nDate: " + followup::testing::repeat_to("Fri, 21 Nov 2026 ", 1000) +
          "\n\nDear Mr. Jones,\n\n" + body + signature);
  std::string headers;
  for (int i = 0; i < 400; ++i) headers += "X-Field-" + std::to_string(i) + ": value\n";
  add("headers-many.txt", headers + "Subject: Thank you\n\nDear Mr. Jones,\n\n" + body + signature);
  std::string allowed, used;
  for (int i = 0; i < 100; ++i) {
    allowed += (i ? ", " : "") + std::string("\"p") + std::to_string(i) + "\"";
    used += "{{x" + std::to_string(i) + "}} ";
  }
  add("template-names.md", "+++\ntemplate = true\nplaceholders = [" + allowed +
                               "]\n+++\nDear {{name}},\n\n" + used + "\n\n" + signature);
  add("company-near-misses.md",
      "+++\nkind = \"thank-you\"\ncompany = \"Acme Corporation\"\n+++\nDear Mr. Jones,\n\n" +
          followup::testing::repeat_to("Acme Corporatoin ", 1000) + "\n\n" + body + signature);
  std::string interviewers, names;
  for (int i = 0; i < 40; ++i) {
    interviewers += (i ? ", " : "") + std::string("\"Mr. Jones") + std::to_string(i) + "\"";
    names += (i ? " and " : "") + std::string("Mr. Jonse") + std::to_string(i);
  }
  add("interviewers.md", "+++\nkind = \"thank-you\"\ninterviewers = [" + interviewers +
                             "]\n+++\nDear " + names + ",\n\n" + body + signature);
  add("pragmas.md", "<!-- followup-lint: disable " +
                        followup::testing::repeat_to("style.emoji, ", 1000) + "style.emoji -->\n" +
                        kCleanNote);

  std::vector<std::string> args = {"--format", "json"};
  args.insert(args.end(), files.begin(), files.end());
  auto r = lint(dir, args);
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  json doc = parse_report(r);
  CHECK(paths_of(doc) == files);
  // Spot checks that the rules aimed at still fire on the pathological text.
  auto fired = [&](const std::string& file, const std::string& rule) {
    INFO(file << " " << rule);
    CHECK(has(rules_in(report_for(doc, file)), rule));
  };
  fired("repeated-word.txt", "style.repeated-word");
  fired("exclamations.txt", "style.exclamation");
  fired("emoji.txt", "style.emoji");
  fired("shouting.txt", "style.shouting");
  fired("informal.txt", "style.informal");
  fired("cliches.txt", "cliche.soft-skill");
  fired("placeholder-words.txt", "placeholder.unfilled");
  fired("closed-braces.txt", "placeholder.unfilled");
  fired("attachments.txt", "attachment.missing");
  fired("reach-me.txt", "contact.incomplete");
  fired("salutation-many.txt", "salutation.combined");
  fired("closings.txt", "closing.unprofessional");
  fired("template-names.md", "placeholder.unknown");
  fired("company-near-misses.md", "company.name-mismatch");
  // 250 repeated words: the first 100 are listed, the 101st says how many more.
  const json& repeated = report_for(doc, "repeated-word.txt").at("diagnostics");
  std::vector<std::string> messages;
  for (const auto& d : repeated)
    if (d.at("rule") == "style.repeated-word") messages.push_back(d.at("message").get<std::string>());
  REQUIRE(messages.size() == followup::rules::Emitter::kMaxPerRule + 1);
  CHECK(messages.back().find("more findings of this rule from here on are not listed") != std::string::npos);
}

TEST_CASE("hostile: a draft over the 1 GiB limit is refused by its size without reading it",
          "[robustness]") {
  TempDir dir;
  dir.write("clean.txt", kCleanNote);
  std::string sparse = dir.write("huge.txt", "");
  REQUIRE(::truncate(sparse.c_str(), off_t{2048} << 20) == 0);  // a hole: no disk space used
  auto r = lint_bounded(dir, {"huge.txt", "clean.txt"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "huge.txt: error: the file is too large to lint (2048 MB; the limit is 1024 MB)\n");
  CHECK(contains(r.out, "clean.txt:"));
}
