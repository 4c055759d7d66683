// Hostile mail, HTML and Markdown through the real binary: MIME nested
// 10,000 deep, a boundary that never closes, a 10 KB charset name, broken
// RFC 2047 words, 100,000 nested HTML elements, 50,000 nested block quotes.
// Each must finish, say what it could not read, lint what it could, and
// point its findings at the right place in the file as written. The 100 MB
// base64 line and the growth checks are in tests/slow/huge_test.cpp.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/hostile_inputs.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using json = nlohmann::json;
using followup::testing::run_linter;
using followup::testing::RunResult;
using followup::testing::TempDir;
using followup::testing::write_text;

namespace {

// A thank-you note with one finding at a known place: "!!!" (style.exclamation).
const std::string kNote =
    "Dear Ms. Rivera,\n\nThank you for the interview yesterday!!! I enjoyed it.\n\n"
    "Sincerely,\nBo Li\nbo@li.example\n";

struct Linted {
  RunResult run;
  json findings;  // the file's diagnostics
};

Linted lint_file(const TempDir& dir, const std::string& name, const std::string& content) {
  write_text(dir.path() / name, content);
  Linted out;
  out.run = run_linter({"--format", "json", "--kind", "thank-you", name}, "", dir.str());
  INFO(out.run.err);
  json report = json::parse(out.run.out);
  REQUIRE(report["files"].size() == 1);
  out.findings = report["files"][0]["diagnostics"];
  return out;
}

std::vector<json> of_rule(const json& findings, const std::string& rule) {
  std::vector<json> out;
  for (const auto& d : findings)
    if (d["rule"] == rule) out.push_back(d);
  return out;
}

// The 1-based line and column of byte `offset` in ASCII `text`.
std::pair<int, int> line_col(const std::string& text, size_t offset) {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<int>(offset - line_start) + 1};
}

// The exclamation finding sits on the second '!' of the note's "!!!", where
// the file holds it, however deep the markup around it.
void check_exclamation_points_into_file(const Linted& linted, const std::string& content) {
  auto found = of_rule(linted.findings, "style.exclamation");
  REQUIRE(found.size() == 1);
  auto [line, column] = line_col(content, content.find("!!!") + 1);
  CHECK(found[0]["line"] == line);
  CHECK(found[0]["column"] == column);
}

std::string mail_head(const std::string& content_type) {
  return "From: Bo Li <bo@li.example>\nTo: ana@rivera.example\n"
         "Subject: Thank You - Analyst Interview\nMIME-Version: 1.0\nContent-Type: " +
         content_type + "\n\n";
}

// The note as the first part of a multipart whose second part opens
// `depth` multiparts, one inside the other.
std::string nested_multiparts(int depth) {
  std::string mail = mail_head("multipart/mixed; boundary=\"b0\"") +
                     "--b0\nContent-Type: text/plain; charset=utf-8\n\n" + kNote + "\n";
  for (int i = 1; i < depth; ++i)
    mail += "--b" + std::to_string(i - 1) + "\nContent-Type: multipart/mixed; boundary=\"b" +
            std::to_string(i) + "\"\n\n";
  mail += "--b" + std::to_string(depth - 1) + "\nContent-Type: text/plain\n\ninner\n";
  for (int i = depth - 1; i >= 0; --i) mail += "--b" + std::to_string(i) + "--\n";
  return mail;
}

}  // namespace

TEST_CASE("hostile mail: 10,000 nested multiparts are read to a depth and named", "[robustness]") {
  TempDir dir;
  std::string mail = nested_multiparts(10000);
  Linted linted = lint_file(dir, "nested.eml", mail);
  CHECK(linted.run.exit_code == 1);
  auto deep = of_rule(linted.findings, "input.encoding");
  REQUIRE(deep.size() == 1);
  CHECK(deep[0]["message"].get<std::string>().find("nested more than 64 deep") != std::string::npos);
  // The part at the top was read and linted.
  check_exclamation_points_into_file(linted, mail);
  CHECK(of_rule(linted.findings, "salutation.missing").empty());
}

TEST_CASE("hostile mail: a boundary that never closes is named and the part is linted",
          "[robustness]") {
  TempDir dir;
  std::string mail = mail_head("multipart/alternative; boundary=\"zz\"") +
                     "--zz\nContent-Type: text/plain\n\n" + kNote;
  Linted linted = lint_file(dir, "unclosed.eml", mail);
  CHECK(linted.run.exit_code == 1);
  auto unclosed = of_rule(linted.findings, "input.encoding");
  REQUIRE(unclosed.size() == 1);
  CHECK(unclosed[0]["message"].get<std::string>().find("'zz' is never closed") != std::string::npos);
  check_exclamation_points_into_file(linted, mail);
}

TEST_CASE("hostile mail: a 10 KB charset name and a 10 KB subject stay short in messages",
          "[robustness]") {
  TempDir dir;
  std::string mail = "From: Bo Li <bo@li.example>\nSubject: =?" + std::string(10240, 'x') +
                     "?Q?hi?=\nMIME-Version: 1.0\nContent-Type: text/plain; charset=\"" +
                     std::string(10240, 'y') + "\"\n\n" + kNote;
  Linted linted = lint_file(dir, "charset.eml", mail);
  CHECK(linted.run.exit_code == 1);
  auto charset = of_rule(linted.findings, "input.encoding");
  REQUIRE(charset.size() == 1);
  CHECK(charset[0]["message"].get<std::string>().find("unknown charset 'yyy") != std::string::npos);
  for (const auto& d : linted.findings) CHECK(d["message"].get<std::string>().size() < 300);
  // The body was still read, as UTF-8.
  check_exclamation_points_into_file(linted, mail);
}

TEST_CASE("hostile mail: broken RFC 2047 words are kept as written, good ones decoded",
          "[robustness]") {
  TempDir dir;
  std::string runs;
  for (int i = 0; i < 5000; ++i) runs += "=?=E2";
  // Bad base64, a bad Q escape, an unknown encoding letter, a word cut in
  // the middle of a UTF-8 sequence, an unpadded base64 word and 5,000
  // beginnings of words that never end.
  std::string mail = "From: =?utf-8?B?@@@@?= <bo@li.example>\n"
                     "Subject: =?utf-8?Q?Hi=ZZthere?= =?utf-8?X?abc?= =?utf-8?Q?=E2=80?= "
                     "=?utf-8?B?SGVsbG8?= " +
                     runs + "\nMIME-Version: 1.0\nContent-Type: text/plain\n\n" + kNote;
  Linted linted = lint_file(dir, "words.eml", mail);
  CHECK(linted.run.exit_code == 1);
  auto subject = of_rule(linted.findings, "subject.vague");
  REQUIRE(subject.size() == 1);
  std::string message = subject[0]["message"];
  CHECK(message.find("Hi=ZZthere") != std::string::npos);
  CHECK(message.find("=?utf-8?X?abc?=") != std::string::npos);
  CHECK(message.find("Hello") != std::string::npos);  // unpadded, decoded whole
  CHECK(subject[0]["line"] == 2);
  CHECK(subject[0]["column"] == 10);
  check_exclamation_points_into_file(linted, mail);
}

TEST_CASE("hostile HTML: 100,000 nested elements, and 50,000 never closed", "[robustness]") {
  TempDir dir;
  std::string body = kNote;
  for (size_t at = body.find("\n\n"); at != std::string::npos; at = body.find("\n\n", at))
    body.replace(at, 2, "<p>");
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += body;
  for (int i = 0; i < 100000; ++i) deep += "</div>";
  std::string page = "<html><body>" + deep + "</body></html>";
  Linted nested = lint_file(dir, "nested.html", page);
  CHECK(nested.run.exit_code == 0);
  check_exclamation_points_into_file(nested, page);

  std::string unclosed = "<html><body>";
  for (int i = 0; i < 25000; ++i) unclosed += "<b><i>";
  unclosed += body;
  Linted open_tags = lint_file(dir, "unclosed.html", unclosed);
  CHECK(open_tags.run.exit_code == 0);
  check_exclamation_points_into_file(open_tags, unclosed);
}

TEST_CASE("hostile Markdown: 50,000 nested quotes are history, and the note beside them is linted",
          "[robustness]") {
  TempDir dir;
  std::string quotes(50000, '>');
  std::string draft = kNote + "\n" + quotes + " Earlier: can we talk on Tuesday?\n";
  Linted beside = lint_file(dir, "beside.md", draft);
  CHECK(beside.run.exit_code == 0);
  check_exclamation_points_into_file(beside, draft);

  // A file that is nothing but quotes is not "empty": it says why nothing is left.
  std::string only_quotes;
  for (size_t at = 0, next; at < kNote.size(); at = next + 1) {
    next = kNote.find('\n', at);
    only_quotes += quotes + " " + kNote.substr(at, next - at) + "\n";
  }
  Linted quoted = lint_file(dir, "quoted.md", only_quotes);
  auto empty = of_rule(quoted.findings, "input.empty");
  REQUIRE(empty.size() == 1);
  CHECK(empty[0]["message"].get<std::string>().find("only quoted history") != std::string::npos);
}

TEST_CASE("hostile encodings: an unknown encoding in front matter is named at its line, BOM or not",
          "[robustness]") {
  TempDir dir;
  for (std::string bom : {"", "\xEF\xBB\xBF"}) {
    Linted linted = lint_file(dir, "declared.txt", bom + "+++\nencoding = \"windE2\"\n+++\n" + kNote);
    CHECK(linted.run.exit_code == 1);
    auto unknown = of_rule(linted.findings, "input.encoding");
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0]["message"].get<std::string>().find("unknown encoding 'windE2'") == 0);
    CHECK(unknown[0]["line"] == 2);
    CHECK(unknown[0]["column"] == 1);
  }
}
