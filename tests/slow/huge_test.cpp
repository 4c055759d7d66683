// Large hostile inputs through the real binary: 1 / 10 / 100 MB drafts, a
// 10 MB line, a million blank lines, a header block of 100,000 fields, huge
// front matter, and each rule's pathological text at full size. Each run's
// peak RSS and CPU time are measured; memory must stay under 20x the input
// plus 100 MB, and growth must be linear: ten times the input may take at
// most 25 times the CPU time. No test holds a wall-clock limit, since the
// machines are shared. Label `slow`: the release build runs these.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "support/hostile_inputs.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using followup::testing::note_with_body;
using followup::testing::pathological_bodies;
using followup::testing::realistic_draft;
using followup::testing::repeat_to;
using followup::testing::run_linter;
using followup::testing::RunResult;
using followup::testing::single_line_draft;
using followup::testing::TempDir;

namespace {

constexpr size_t kMB = size_t{1} << 20;

struct Measured {
  int exit_code = -1;
  double cpu_seconds = 0;  // user + system of the linter alone
  double wall_seconds = 0;
  uint64_t peak_rss = 0;  // bytes
  size_t out_size = 0;
  std::string out_head;  // the first KB of stdout
  std::string err_head;  // the first KB of stderr
};

// Runs the linter in `dir`; the CPU time and peak RSS are the linter's own.
Measured measure(const std::vector<std::string>& args, const TempDir& dir) {
  auto start = std::chrono::steady_clock::now();
  RunResult r = run_linter(args, "", dir.str());
  Measured m;
  m.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.exit_code = r.exit_code;
  m.cpu_seconds = r.cpu_seconds;
  m.peak_rss = static_cast<uint64_t>(r.peak_rss_kb) * 1024;
  m.out_size = r.out.size();
  m.out_head = r.out.substr(0, 1024);
  m.err_head = r.err.substr(0, 1024);
  return m;
}

Measured lint_json(const TempDir& dir, const std::string& file) {
  Measured m = measure({"--format", "json", file}, dir);
  INFO(file << ": exit " << m.exit_code << ", " << m.cpu_seconds << " s CPU, " << m.wall_seconds
            << " s wall, " << (m.peak_rss >> 20) << " MB peak RSS\nstdout: " << m.out_head
            << "\nstderr: " << m.err_head);
  CHECK(m.out_head.rfind("{\"version\":1", 0) == 0);
  CHECK(m.err_head.empty());
  return m;
}

// Peak RSS under 20 times the input plus 100 MB.
void check_memory(const Measured& m, size_t input_bytes) {
  INFO((m.peak_rss >> 20) << " MB peak RSS for " << (input_bytes >> 10) << " KB of input");
  CHECK(m.peak_rss < 20 * static_cast<uint64_t>(input_bytes) + 100 * kMB);
}

// `large` holds `factor` times the input of `small`: CPU time and memory
// above the start-up cost may grow by at most 2.5 times that factor.
void check_linear(const Measured& small, const Measured& large, double factor) {
  constexpr double kFloorSeconds = 0.05;  // start-up noise on a shared machine
  INFO("CPU " << small.cpu_seconds << " s -> " << large.cpu_seconds << " s; peak RSS "
              << (small.peak_rss >> 20) << " MB -> " << (large.peak_rss >> 20) << " MB; input x"
              << factor);
  CHECK(large.cpu_seconds < 2.5 * factor * std::max(small.cpu_seconds, kFloorSeconds));
  CHECK(static_cast<double>(large.peak_rss) <
        2.5 * factor * static_cast<double>(small.peak_rss) + 50.0 * kMB);
}

std::string header_block(size_t fields) {
  std::string out;
  for (size_t i = 0; i < fields; ++i)
    out += "X-Field-" + std::to_string(i) + ": value " + std::to_string(i) + "\n";
  return out + "Subject: Thank you - Customer Service Associate interview\n\n";
}

std::string interviewers_front_matter(size_t names) {
  std::string list;
  for (size_t i = 0; i < names; ++i)
    list += (i ? ", " : "") + std::string("\"Mr. Jones") + std::to_string(i) + "\"";
  return "+++\nkind = \"thank-you\"\ninterviewers = [" + list + "]\n+++\n";
}

}  // namespace

TEST_CASE("huge: realistic drafts of 1 / 10 / 100 MB in memory and time linear in their size",
          "[slow]") {
  TempDir dir;
  std::vector<Measured> runs;
  for (size_t mb : {1, 10, 100}) {
    std::string name = std::to_string(mb) + "mb.txt";
    std::string text = realistic_draft(mb * kMB);
    dir.write(name, text);
    Measured m = lint_json(dir, name);
    CHECK(m.exit_code == 1);  // findings: one long note with clichés, casual closings, ...
    check_memory(m, text.size());
    runs.push_back(m);
    std::filesystem::remove(dir / name);
  }
  check_linear(runs[0], runs[1], 10);
  check_linear(runs[1], runs[2], 10);
}

TEST_CASE("huge: a single line of 10 MB", "[slow]") {
  TempDir dir;
  std::vector<Measured> runs;
  for (size_t mb : {1, 10}) {
    std::string name = "line-" + std::to_string(mb) + "mb.txt";
    std::string text = single_line_draft(mb * kMB);
    dir.write(name, text);
    Measured m = lint_json(dir, name);
    CHECK(m.exit_code == 1);  // paragraph.too-long, length.too-long
    check_memory(m, text.size());
    runs.push_back(m);
  }
  check_linear(runs[0], runs[1], 10);
}

TEST_CASE("huge: a million blank lines", "[slow]") {
  TempDir dir;
  std::vector<Measured> runs;
  const std::string& note = followup::testing::kCleanNote;
  size_t split = note.find("In addition");
  for (size_t lines : {100000, 1000000}) {
    std::string name = "blank-" + std::to_string(lines) + ".txt";
    std::string text = note.substr(0, split) + std::string(lines, '\n') + note.substr(split);
    dir.write(name, text);
    Measured m = lint_json(dir, name);
    CHECK(m.exit_code == 0);  // blank lines only separate the paragraphs
    check_memory(m, text.size());
    runs.push_back(m);
  }
  check_linear(runs[0], runs[1], 10);
}

TEST_CASE("huge: a header block of 100000 fields", "[slow]") {
  TempDir dir;
  std::vector<Measured> runs;
  for (size_t fields : {10000, 100000}) {
    std::string name = "headers-" + std::to_string(fields) + ".eml";
    std::string text = header_block(fields) + followup::testing::kCleanNote;
    dir.write(name, text);
    Measured m = measure({"--format", "json", name}, dir);
    INFO(m.out_head << m.err_head);
    CHECK(m.exit_code == 0);  // the fields it does not know are kept and ignored
    CHECK(m.err_head.empty());
    check_memory(m, text.size());
    runs.push_back(m);
  }
  check_linear(runs[0], runs[1], 10);
}

TEST_CASE("huge: front matter of 100000 values / a 5 MB string / never closed", "[slow]") {
  TempDir dir;
  const std::string& note = followup::testing::kCleanNote;
  std::vector<Measured> runs;
  for (size_t names : {10000, 100000}) {
    std::string name = "interviewers-" + std::to_string(names) + ".md";
    std::string text = interviewers_front_matter(names) + note;
    dir.write(name, text);
    Measured m = lint_json(dir, name);
    CHECK(m.exit_code == 1);  // 'Jones' is none of them exactly: salutation.name-mismatch
    check_memory(m, text.size());
    runs.push_back(m);
  }
  check_linear(runs[0], runs[1], 10);

  std::string big_string = "+++\nkind = \"thank-you\"\nposition = \"\"\"" +
                           repeat_to("Customer Service Associate ", 5 * kMB) + "\"\"\"\n+++\n" +
                           note;
  dir.write("string.md", big_string);
  Measured string_run = lint_json(dir, "string.md");
  CHECK((string_run.exit_code == 0 || string_run.exit_code == 1));
  check_memory(string_run, big_string.size());

  std::string unclosed = "+++\n";
  for (size_t i = 0; i < 200000; ++i) unclosed += "company = \"Acme\"\n";
  unclosed += note;
  dir.write("unclosed.md", unclosed);
  Measured unclosed_run = lint_json(dir, "unclosed.md");
  CHECK(unclosed_run.exit_code == 1);
  CHECK(unclosed_run.out_head.find("front-matter.invalid") != std::string::npos);
  check_memory(unclosed_run, unclosed.size());
}

TEST_CASE("huge: a finding on every word grows linearly", "[slow]") {
  // One diagnostic per repeated word: the report, not the input, dominates.
  TempDir dir;
  std::vector<Measured> runs;
  for (size_t kb : {100, 1000}) {
    std::string name = "repeated-" + std::to_string(kb) + "kb.txt";
    dir.write(name, note_with_body(repeat_to("the ", kb * 1024)));
    Measured m = lint_json(dir, name);
    CHECK(m.exit_code == 1);
    runs.push_back(m);
  }
  check_linear(runs[0], runs[1], 10);
}

TEST_CASE("huge: pathological text for every rule at 200 KB grows linearly", "[slow]") {
  // 200 KB: 50,000 emoji, 50,000 repeated words, 200 KB without a space,
  // 200 KB of "!" in one paragraph for the rules that skip quoted text.
  TempDir dir;
  auto small_bodies = pathological_bodies(20 * 1024);
  auto large_bodies = pathological_bodies(200 * 1024);
  for (size_t i = 0; i < small_bodies.size(); ++i) {
    const std::string& name = small_bodies[i].first;
    INFO(name);
    dir.write(name + "-small.txt", note_with_body(small_bodies[i].second));
    dir.write(name + "-large.txt", note_with_body(large_bodies[i].second));
    Measured a = lint_json(dir, name + "-small.txt");
    Measured b = lint_json(dir, name + "-large.txt");
    // Findings or none, as the text has them; never an error exit or a crash.
    CHECK((a.exit_code == 0 || a.exit_code == 1));
    CHECK((b.exit_code == 0 || b.exit_code == 1));
    check_linear(a, b, 10);
  }
}

TEST_CASE("huge: a realistic note written on one line grows linearly", "[slow]") {
  TempDir dir;
  dir.write("line-small.txt", followup::testing::realistic_single_line(100 * 1024));
  dir.write("line-large.txt", followup::testing::realistic_single_line(1000 * 1024));
  Measured a = lint_json(dir, "line-small.txt");
  Measured b = lint_json(dir, "line-large.txt");
  CHECK(a.exit_code == 1);
  CHECK(b.exit_code == 1);
  check_linear(a, b, 10);
}

namespace {

std::string names_front_matter(const std::string& company, const std::string& interviewer) {
  return "+++\nkind = \"thank-you\"\ncompany = \"" + company + "\"\ninterviewers = [\"" +
         interviewer + "\"]\ncandidate = \"Ana Cruz\"\n+++\n";
}

}  // namespace

TEST_CASE("huge: names from the context against 100,000 paragraphs and 20 KB names", "[slow]") {
  TempDir dir;
  std::vector<Measured> runs;
  // Every paragraph misspells the company: one finding each, and the words
  // are matched to paragraphs in one pass.
  for (size_t paragraphs : {10000, 100000}) {
    std::string body;
    for (size_t i = 0; i < paragraphs; ++i) body += "I admire Northwind Tradres and its team.\n\n";
    std::string name = "company-" + std::to_string(paragraphs) + ".md";
    std::string text = names_front_matter("Northwind Traders", "Mr. Jones") + note_with_body(body);
    dir.write(name, text);
    Measured m = lint_json(dir, name);
    CHECK(m.exit_code == 1);
    CHECK(m.out_head.find("company.name-mismatch") != std::string::npos);
    check_memory(m, text.size());
    runs.push_back(m);
  }
  check_linear(runs[0], runs[1], 10);

  // A 20 KB company and interviewer name, with 20 KB near misses of both in
  // the draft: distances are computed in a band, never as a 20 KB x 20 KB table.
  std::string long_name = repeat_to("Northwind ", 20 * 1024);
  std::string near_miss = long_name;
  near_miss[near_miss.size() / 2] = 'X';
  std::string text = names_front_matter(long_name, long_name) + "Dear " + near_miss + ",\n\n" +
                     "I admire " + near_miss + " and its team.\n\nSincerely,\nAna Cruz\n" +
                     "(555) 010-4477\nana.cruz@example.com\n";
  dir.write("long-names.md", text);
  Measured m = lint_json(dir, "long-names.md");
  CHECK((m.exit_code == 0 || m.exit_code == 1));
  check_memory(m, text.size());
}

namespace {

const std::string kMailNote =
    "Dear Ms. Rivera,\n\nThank you for the interview yesterday. I enjoyed it.\n\n"
    "Sincerely,\nBo Li\nbo@li.example\n";

std::string base64(std::string_view bytes) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t group = static_cast<uint8_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) group |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) group |= static_cast<uint8_t>(bytes[i + 2]);
    out += kDigits[(group >> 18) & 63];
    out += kDigits[(group >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(group >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kDigits[group & 63] : '=';
  }
  return out;
}

// A mail whose whole body is one base64 line of `size` bytes.
std::string base64_line_mail(size_t size) {
  std::string body = kMailNote;
  body += repeat_to("I enjoyed hearing about the team and its plans for the year. ", size * 3 / 4);
  return "From: Bo Li <bo@li.example>\nTo: ana@rivera.example\nSubject: Thank You - Analyst "
         "Interview\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
         "Content-Transfer-Encoding: base64\n\n" +
         base64(body) + "\n";
}

std::string nested_html(size_t depth) {
  std::string page = "<html><body>";
  for (size_t i = 0; i < depth; ++i) page += "<div>";
  page += "<p>Dear Ms. Rivera,</p><p>Thank you for the interview.</p><p>Sincerely,<br>Bo Li</p>";
  for (size_t i = 0; i < depth; ++i) page += "</div>";
  return page + "</body></html>";
}

std::string nested_quotes(size_t depth) {
  return kMailNote + "\n" + std::string(depth, '>') + " Earlier: can we talk on Tuesday?\n";
}

std::string nested_multipart_mail(size_t depth) {
  std::string mail = "From: Bo Li <bo@li.example>\nSubject: Thank You - Analyst Interview\n"
                     "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n"
                     "--b0\nContent-Type: text/plain\n\n" + kMailNote + "\n";
  for (size_t i = 1; i < depth; ++i)
    mail += "--b" + std::to_string(i - 1) + "\nContent-Type: multipart/mixed; boundary=\"b" +
            std::to_string(i) + "\"\n\n";
  for (size_t i = depth; i-- > 0;) mail += "--b" + std::to_string(i) + "--\n";
  return mail;
}

// Lints the input `make(small)` and `make(large)` build and checks memory
// and growth; `large` should be ten times `small`.
void check_format_growth(const std::string& name, const std::function<std::string(size_t)>& make,
                         size_t small, size_t large) {
  TempDir dir;
  std::vector<Measured> runs;
  for (size_t n : {small, large}) {
    std::string text = make(n);
    dir.write(name, text);
    INFO(name << " built from " << n);
    Measured m = lint_json(dir, name);
    CHECK((m.exit_code == 0 || m.exit_code == 1));
    check_memory(m, text.size());
    runs.push_back(m);
  }
  check_linear(runs[0], runs[1], static_cast<double>(large) / static_cast<double>(small));
}

}  // namespace

TEST_CASE("huge: a mail body of one base64 line, 10 and 100 MB", "[slow]") {
  check_format_growth("line.eml", base64_line_mail, 10 * kMB, 100 * kMB);
}

TEST_CASE("huge: HTML nested 10,000 and 100,000 deep grows linearly", "[slow]") {
  check_format_growth("deep.html", nested_html, 10000, 100000);
}

TEST_CASE("huge: Markdown quotes nested 5,000 and 50,000 deep grow linearly", "[slow]") {
  check_format_growth("deep.md", nested_quotes, 5000, 50000);
}

TEST_CASE("huge: multiparts nested 1,000 and 10,000 deep grow linearly", "[slow]") {
  check_format_growth("deep.eml", nested_multipart_mail, 1000, 10000);
}

namespace {

// `depth` folders, one inside the other, with a draft at the bottom. A
// shell makes them one `cd` at a time, since the full path of the deepest
// may be longer than the system lets one call name.
void make_deep_tree(const TempDir& dir, size_t depth) {
  std::string script = "for i in $(seq " + std::to_string(depth) +
                       "); do mkdir d && cd d || exit 1; done; "
                       "printf 'Dear Ana,\\n\\nThank you for the interview!!!\\n\\nSincerely,\\nBo Li\\n' > note.txt";
  REQUIRE(followup::testing::run_command({"bash", "-c", script}, dir.str()).exit_code == 0);
}

}  // namespace

TEST_CASE("huge: folder walks 400 and 1,600 deep hold memory linear in depth, and past the path limit it is an error",
          "[slow]") {
  std::vector<Measured> runs;
  for (size_t depth : {400, 1600}) {
    TempDir dir;
    make_deep_tree(dir, depth);
    Measured m = lint_json(dir, "d");
    CHECK(m.exit_code == 1);  // the draft at the bottom has findings
    CHECK(m.out_head.rfind("{\"version\":1,\"files\":[{\"path\":\"d/d/d/", 0) == 0);
    check_memory(m, 0);
    runs.push_back(m);
  }
  // Memory only: each folder is opened by its full path, which the kernel
  // resolves one segment at a time, so time grows with depth squared (1.4 s
  // at 2,000 deep on the reference machine).
  INFO("peak RSS " << (runs[0].peak_rss >> 20) << " MB -> " << (runs[1].peak_rss >> 20) << " MB");
  CHECK(static_cast<double>(runs[1].peak_rss) < 2.5 * 4 * static_cast<double>(runs[0].peak_rss));

  // 2,500 folders make a path longer than PATH_MAX (4,096 bytes).
  TempDir dir;
  make_deep_tree(dir, 2500);
  RunResult r = run_linter({"d"}, "", dir.str());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot read the folder: File name too long") != std::string::npos);
}

namespace {

// The realistic draft as an HTML page: each paragraph a <p>, line breaks <br>.
std::string html_document(size_t bytes) {
  std::string text = realistic_draft(bytes);
  std::string page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Note</title></head><body><p>";
  for (size_t at = 0; at < text.size(); ++at) {
    if (text.compare(at, 2, "\n\n") == 0) {
      page += "</p>\n<p>";
      ++at;
    } else if (text[at] == '\n') {
      page += "<br>\n";
    } else if (text[at] == '&') {
      page += "&amp;";
    } else {
      page += text[at];
    }
  }
  return page + "</p></body></html>\n";
}

// The realistic draft as Markdown, with a quoted line and emphasis in each note.
std::string markdown_document(size_t bytes) {
  std::string out;
  const std::string extra = "> Earlier: could we talk again on **Tuesday**?\n\n";
  while (out.size() < bytes) out += followup::testing::realistic_draft(1) + "\n" + extra;
  return out;
}

}  // namespace

TEST_CASE("huge: HTML pages of 1 and 10 MB grow linearly", "[slow]") {
  check_format_growth("page.html", html_document, 1 * kMB, 10 * kMB);
}

TEST_CASE("huge: Markdown drafts of 1 and 10 MB grow linearly", "[slow]") {
  check_format_growth("draft.md", markdown_document, 1 * kMB, 10 * kMB);
}
