#include "lint/document.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "lint/stage_report.hpp"

namespace followup::lint {
namespace {

// A plain UTF-8 draft with nothing a decoder would change is linted as it
// is: no copy, no map (the common case, and what editors send).
bool needs_decoding(std::string_view bytes, input::Format format, const LintSettings& settings) {
  if (format != input::Format::kPlain || !settings.encoding.empty()) return true;
  if (bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0) return true;  // UTF-16
  std::string_view after_bom = bytes.substr(bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
  if (after_bom.rfind("+++", 0) == 0 && bytes.find("encoding") != std::string_view::npos) return true;
  // Quoted history and client footers the parser does not know itself.
  static constexpr std::array<std::string_view, 6> kMarkers = {"Sent from ", "Get Outlook", "From: ",
                                                               "Forwarded message", "____", "Begin forwarded"};
  return std::any_of(kMarkers.begin(), kMarkers.end(),
                     [&](std::string_view m) { return bytes.find(m) != std::string_view::npos; });
}

// Moves a finding from the decoded text onto the file's bytes.
void map_to_file(diag::Diagnostic& d, const input::SourceMap& map) {
  d.span = map.to_file(d.span);
  for (auto& note : d.notes) note.span = map.to_file(note.span);
  std::erase_if(d.fixes, [&](const diag::Fix& fix) {
    return std::any_of(fix.edits.begin(), fix.edits.end(), [&](const diag::Edit& e) { return !map.one_to_one(e.span); });
  });
  for (auto& fix : d.fixes)
    for (auto& edit : fix.edits) edit.span = map.to_file(edit.span);
}

void report_problems(const input::Decoded& decoded, const LintSettings& settings, LintResult& result) {
  const auto size = static_cast<uint32_t>(decoded.file().size());
  for (const auto& p : decoded.problems) {
    uint32_t at = std::min(p.file_offset, size);
    report_stage_finding(*settings.rules, result.diagnostics, "input.encoding", {at, std::min(at + 1, size)},
                         p.message);
  }
}

// An .eml that does not open with a mail header ("From: ...") is a note
// saved under that name (front matter and a plain layout): plain text.
input::Format effective_format(std::string_view bytes, input::Format format) {
  if (format != input::Format::kEmail) return format;
  size_t i = 0;
  while (i < bytes.size() && i < 80 && (std::isalnum(static_cast<unsigned char>(bytes[i])) || bytes[i] == '-')) ++i;
  bool header = i > 0 && i < bytes.size() && bytes[i] == ':';
  return header ? format : input::Format::kPlain;
}

// A decoded text with nothing in it comes from a file that may hold plenty:
// a reply that is all quotes, a page of markup. "the file is empty" would
// send the writer looking at the wrong thing.
void explain_empty_text(LintResult& result, std::string_view file_text) {
  if (file_text.find_first_not_of(" \t\r\n\xEF\xBB\xBF") == std::string_view::npos) return;
  for (auto& d : result.diagnostics) {
    if (d.rule_id != "input.empty") continue;
    d.message =
        "nothing of your own to check: the file holds only quoted history ('>' lines, block "
        "quotes), markup or mail headers, which are left out";
  }
}

}  // namespace

LintedDocument lint_document(const std::string& path, std::string bytes, const LintSettings& settings) {
  LintedDocument out;
  out.format = effective_format(bytes, input::format_for(path));
  if (!needs_decoding(bytes, out.format, settings)) {
    auto source = std::make_shared<const core::Source>(path, std::move(bytes));
    out.result = lint(*source, settings);
    out.file = std::move(source);
    return out;
  }
  input::ReadOptions options;
  options.encoding = settings.encoding;
  input::Decoded decoded = input::read(bytes, out.format, options);
  out.file = std::make_shared<const core::Source>(path, std::string(decoded.file()));
  // Text that is not the encoding it claims stops at the first bad byte:
  // guessing further would lint garbage. A mail is linted as far as it reads.
  if (out.format != input::Format::kEmail && !decoded.problems.empty()) {
    out.result.context = settings.context;
    out.result.readable = false;
    report_problems(decoded, settings, out.result);
    return out;
  }
  const core::Source text(path, std::move(decoded.text));
  out.result = lint(text, settings);
  explain_empty_text(out.result, out.file->text());
  if (!decoded.map.is_identity())
    for (auto& d : out.result.diagnostics) map_to_file(d, decoded.map);
  // A transcoded file (UTF-16, a declared charset) is not rewritten by --fix.
  out.result.readable = out.result.readable && out.file->text() == bytes;
  report_problems(decoded, settings, out.result);
  std::stable_sort(out.result.diagnostics.begin(), out.result.diagnostics.end(),
                   [](const diag::Diagnostic& a, const diag::Diagnostic& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace followup::lint
