#include "diag/report.hpp"

#include <fmt/format.h>

namespace followup::diag {

void Counts::add(const Diagnostic& d) {
  switch (d.severity) {
    case core::Severity::kError: ++errors; break;
    case core::Severity::kWarning: ++warnings; break;
    case core::Severity::kInfo: ++infos; break;
  }
}

std::string format_counts(const Counts& c) {
  std::vector<std::string> parts;
  if (c.errors) parts.push_back(fmt::format("{} error{}", c.errors, c.errors == 1 ? "" : "s"));
  if (c.warnings) parts.push_back(fmt::format("{} warning{}", c.warnings, c.warnings == 1 ? "" : "s"));
  if (c.infos) parts.push_back(fmt::format("{} note{}", c.infos, c.infos == 1 ? "" : "s"));
  if (parts.empty()) return "no problems";
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

Range to_range(const core::Source& source, core::Span span) {
  core::Position b = source.position(span.begin);
  core::Position e = source.position(span.end);
  return {b.line, b.column, e.line, e.column};
}

FileSummary summarize(const FileReport& file) {
  FileSummary summary;
  summary.path = file.path;
  summary.kind = file.kind;
  for (const auto& d : file.diagnostics) {
    summary.counts.add(d);
    summary.rules.emplace(d.rule_id, d.severity);
  }
  return summary;
}

void RunTotals::add(const FileSummary& file) {
  if (files++ == 0) first = file;
  counts.errors += file.counts.errors;
  counts.warnings += file.counts.warnings;
  counts.infos += file.counts.infos;
  if (!file.kind.empty()) ++kinds[file.kind];
  for (const auto& [id, severity] : file.rules) rules.emplace(id, severity);
}

std::string render_all(const ReportRenderer& renderer, const std::vector<FileReport>& files) {
  std::string out = renderer.head();
  RunTotals totals;
  bool wrote = false;
  for (const auto& file : files) {
    std::string piece = renderer.file(file);
    if (!piece.empty()) {
      if (wrote) out += renderer.separator();
      out += piece;
      wrote = true;
    }
    totals.add(summarize(file));
  }
  return out + renderer.tail(totals);
}

std::string render_text(const std::vector<FileReport>& files, const TextOptions& options, bool summary) {
  return render_all(*text_renderer(options, summary), files);
}
std::string render_json(const std::vector<FileReport>& files) { return render_all(*json_renderer(), files); }
std::string render_sarif(const std::vector<FileReport>& files, const std::vector<RuleDoc>& rules) {
  return render_all(*sarif_renderer(rules), files);
}
std::string render_github(const std::vector<FileReport>& files) { return render_all(*github_renderer(), files); }

std::string printable(std::string_view text, std::string_view keep) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && keep.find(static_cast<char>(c)) == std::string_view::npos) {
      out += "\xE2\x90";  // U+2400 + c, the Control Pictures block
      out += static_cast<char>(0x80 + c);
    } else if (c == 0x7F) {
      out += "\xE2\x90\xA1";  // U+2421 SYMBOL FOR DELETE
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += "\xEF\xBF\xBD";  // a C1 control (U+0080..U+009F) as U+FFFD
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace followup::diag
