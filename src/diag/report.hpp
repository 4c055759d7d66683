// Renderers turn the diagnostics of a run into text for people (like clang),
// JSON, SARIF 2.1.0 or GitHub workflow commands. Byte spans become 1-based
// lines and code-point columns here, at the edge.
#pragma once

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

struct TextOptions {
  bool color = false;
};

// One diagnostic, with its source line, caret and help lines.
std::string render_text_diagnostic(const FileReport& file, const Diagnostic& d, const TextOptions& options);
// Every diagnostic of every file plus the closing summary line.
std::string render_text(const std::vector<FileReport>& files, const TextOptions& options, bool summary);
std::string render_json(const std::vector<FileReport>& files);
std::string render_sarif(const std::vector<FileReport>& files, const std::vector<RuleDoc>& rules);
std::string render_github(const std::vector<FileReport>& files);

// A span as 1-based line and code-point column; end_column is exclusive.
struct Range {
  uint32_t line, column, end_line, end_column;
};
Range to_range(const core::Source& source, core::Span span);

}  // namespace followup::diag
