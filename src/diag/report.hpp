// Renderers turn the diagnostics of a run into text for people (like clang),
// JSON, SARIF 2.1.0 or GitHub workflow commands. Byte spans become 1-based
// lines and code-point columns here, at the edge.
//
// A run is written one file at a time: a ReportRenderer turns each file
// into its piece of the document on any thread, and the writer puts the
// pieces in input order between head() and tail(), so JSON and SARIF stay
// one valid document while a file's text and findings are freed as soon as
// it is written.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "diag/diagnostic.hpp"
#include "diag/rule_docs.hpp"

namespace followup::diag {

struct FileReport {
  const core::Source* source = nullptr;
  std::string path;  // as shown to the user
  std::string kind;  // resolved kind of note
  std::vector<Diagnostic> diagnostics;
};

struct Counts {
  size_t errors = 0, warnings = 0, infos = 0;
  void add(const Diagnostic& d);
  size_t total() const { return errors + warnings + infos; }
};
std::string format_counts(const Counts& counts);  // "1 error, 3 warnings"

// What the end of a run needs from one file, kept after the file is freed.
struct FileSummary {
  std::string path, kind;
  Counts counts;
  std::map<std::string, core::Severity> rules;  // rule ID -> severity of its first finding
};
FileSummary summarize(const FileReport& file);

// The files of a run so far, as the closing summary needs them.
struct RunTotals {
  size_t files = 0;
  Counts counts;
  std::map<std::string, size_t> kinds;          // kind -> files
  std::map<std::string, core::Severity> rules;  // every rule that reported
  FileSummary first;                            // for a run over one file
  bool failed = false;                          // a file or config could not be read
  void add(const FileSummary& file);
};

class ReportRenderer {
 public:
  virtual ~ReportRenderer() = default;
  virtual std::string head() const { return {}; }
  // One file's piece (may be empty). Called from any thread: it reads only
  // `file` and what the renderer was made with.
  virtual std::string file(const FileReport& file) const = 0;
  // Written between two non-empty pieces.
  virtual std::string separator() const { return {}; }
  virtual std::string tail(const RunTotals& totals) const = 0;
};

struct TextOptions {
  bool color = false;
  // Columns an excerpt may take, gutter included: a longer line is cut
  // around the caret, with "…" where text was left out. 0 shows whole lines.
  uint32_t width = 0;
};

std::unique_ptr<ReportRenderer> text_renderer(const TextOptions& options, bool summary);
std::unique_ptr<ReportRenderer> json_renderer();
std::unique_ptr<ReportRenderer> sarif_renderer(std::vector<RuleDoc> rules);
std::unique_ptr<ReportRenderer> github_renderer();

// The whole document at once: head, the files' pieces, tail.
std::string render_all(const ReportRenderer& renderer, const std::vector<FileReport>& files);

// One diagnostic, with its source line, caret and help lines.
std::string render_text_diagnostic(const FileReport& file, const Diagnostic& d, const TextOptions& options);
// Every diagnostic of every file plus the closing summary line.
std::string render_text(const std::vector<FileReport>& files, const TextOptions& options, bool summary);
std::string render_json(const std::vector<FileReport>& files);
std::string render_sarif(const std::vector<FileReport>& files, const std::vector<RuleDoc>& rules);
std::string render_github(const std::vector<FileReport>& files);

// --statistics: how often each rule fired in a run, most frequent first.
struct RuleCount {
  std::string rule, severity, summary;
  size_t count = 0, fixable = 0;  // fixable: findings with a safe fix
};
std::string render_statistics_text(std::vector<RuleCount> counts);
std::string render_statistics_json(std::vector<RuleCount> counts, const RunTotals& totals);

// --list-rules: each rule with the severity it has here (maybe "off").
struct ListedRule {
  RuleDoc doc;
  std::string severity;
};
std::string render_rule_list_text(const std::vector<ListedRule>& rules);
std::string render_rule_list_json(const std::vector<ListedRule>& rules);

// `text` safe to print on a terminal or in a CI log: each control character
// (C0, DEL, C1) becomes a visible symbol of one column (ESC -> U+241B "␛",
// LF -> U+240A "␊", a C1 byte pair -> U+FFFD), so a draft, a file name or a
// rule message can neither move the cursor, recolor the terminal, nor start
// a line of its own ("::stop-commands::" in a GitHub log). The control
// characters in `keep` are left as they are (a tab the caller expands, line
// breaks GitHub's escaping encodes).
std::string printable(std::string_view text, std::string_view keep = {});

// A span as 1-based line and code-point column; end_column is exclusive.
struct Range {
  uint32_t line, column, end_line, end_column;
};
Range to_range(const core::Source& source, core::Span span);

}  // namespace followup::diag
