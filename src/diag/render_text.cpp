#include <fmt/format.h>

#include <map>

#include "diag/report.hpp"
#include "text/width.hpp"

namespace followup::diag {
namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kRed = "\x1b[1;31m";
constexpr const char* kMagenta = "\x1b[1;35m";
constexpr const char* kCyan = "\x1b[1;36m";
constexpr const char* kGreen = "\x1b[1;32m";
constexpr const char* kBlue = "\x1b[1;34m";
constexpr int kTabWidth = 4;

// The line as shown: tabs become spaces so that the caret line can match it.
std::string expand_tabs(std::string_view line) {
  std::string out;
  for (char c : line) {
    if (c == '\t') {
      out.append(kTabWidth, ' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

uint32_t width_of(std::string_view text) {
  uint32_t tabs = 0;
  for (char c : text) tabs += c == '\t' ? 1 : 0;
  return text::display_width(text) + tabs * (kTabWidth - 1);
}

}  // namespace

std::string render_text_diagnostic(const FileReport& file, const Diagnostic& d, const TextOptions& options) {
  const core::Source& source = *file.source;
  auto paint = [&](const char* color, std::string_view text) {
    return options.color ? fmt::format("{}{}{}", color, text, kReset) : std::string(text);
  };
  const char* severity_color = d.severity == core::Severity::kError     ? kRed
                               : d.severity == core::Severity::kWarning ? kMagenta
                                                                        : kCyan;
  Range r = to_range(source, d.span);
  std::string out = fmt::format("{} {} {} {}\n", paint(kBold, fmt::format("{}:{}:{}:", file.path, r.line, r.column)),
                                paint(severity_color, fmt::format("{}:", core::severity_name(d.severity))),
                                paint(kBold, d.message), fmt::format("[{}]", d.rule_id));
  if (source.valid_utf8() && source.size() > 0) {
    core::Span line = source.line_span(r.line);
    std::string_view line_text = source.slice(line);
    constexpr size_t kMaxShown = 400;  // a 10 MB line is not echoed whole
    uint32_t begin = std::max(d.span.begin, line.begin);
    uint32_t end = std::min(std::max(d.span.end, begin), line.end);
    if (line_text.size() <= kMaxShown || begin - line.begin < kMaxShown) {
      std::string_view shown = line_text.substr(0, std::min(line_text.size(), kMaxShown));
      uint32_t shown_end = line.begin + static_cast<uint32_t>(shown.size());
      end = std::min(end, shown_end);
      uint32_t pad = width_of(source.slice({line.begin, begin}));
      uint32_t width = width_of(source.slice({begin, end}));
      std::string marker(1, '^');
      marker.append(width > 1 ? width - 1 : 0, '~');
      out += fmt::format("{} {}{}\n", paint(kBlue, fmt::format("{:>5} |", r.line)), expand_tabs(shown),
                         shown.size() < line_text.size() ? " ..." : "");
      out += fmt::format("{} {}{}\n", paint(kBlue, "      |"), std::string(pad, ' '), paint(kGreen, marker));
    }
  }
  if (!d.help.empty()) out += fmt::format("      {} {}\n", paint(kBold, "= help:"), d.help);
  for (const auto& fix : d.fixes) {
    out += fmt::format("      {} {}{}\n", paint(kBold, "= fix:"), fix.title,
                       fix.applicability == Applicability::kUnsafe ? " (unsafe: check it reads right)" : "");
  }
  for (const auto& note : d.notes) {
    Range nr = to_range(source, note.span);
    out += fmt::format("      {} {}:{}:{}: {}\n", paint(kBold, "= note:"), file.path, nr.line, nr.column, note.message);
  }
  return out;
}

namespace {

// What the run took the note for, and how to say otherwise: a wrong kind
// silently switches the kind's rules off, so the summary shows it.
std::string kind_note(const std::string& kind) {
  if (kind.empty()) return "";
  if (kind == "unknown")
    return " (the kind of note is unclear, so kind-specific rules did not run: set it with --kind or "
           "kind = \"thank-you\" in front matter)";
  return fmt::format(" (read as a {} note; if it is not, set --kind or kind in front matter)", kind);
}

// "(12 thank-you, 3 status-inquiry, 1 unknown)" for a run over many drafts.
std::string kinds_note(const std::map<std::string, size_t>& by_kind) {
  std::string out;
  for (const auto& [kind, n] : by_kind) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, kind);
  return out.empty() ? out : " (" + out + ")";
}

class TextRenderer : public ReportRenderer {
 public:
  TextRenderer(const TextOptions& options, bool summary) : options_(options), summary_(summary) {}

  std::string file(const FileReport& file) const override {
    std::string out;
    for (const auto& d : file.diagnostics) out += render_text_diagnostic(file, d, options_);
    return out;
  }

  std::string tail(const RunTotals& totals) const override {
    if (!summary_ || totals.files == 0) return {};
    if (totals.files == 1)
      return fmt::format("{}: {}{}\n", totals.first.path, format_counts(totals.counts), kind_note(totals.first.kind));
    return fmt::format("{} files checked: {}{}\n", totals.files, format_counts(totals.counts),
                       kinds_note(totals.kinds));
  }

 private:
  TextOptions options_;
  bool summary_;
};

}  // namespace

std::unique_ptr<ReportRenderer> text_renderer(const TextOptions& options, bool summary) {
  return std::make_unique<TextRenderer>(options, summary);
}

}  // namespace followup::diag
