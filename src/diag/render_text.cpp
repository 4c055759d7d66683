#include <fmt/format.h>

#include <map>

#include "diag/report.hpp"
#include "core/utf8.hpp"
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


// The columns one code point takes, tabs expanded.
uint32_t code_point_width(std::string_view line, uint32_t at, uint32_t& length) {
  length = core::decode_utf8(line, at).length;
  return width_of(line.substr(at, length));
}

// The part of `line` (byte offsets) shown in `budget` columns: the caret's
// start keeps about a third of the budget to its left, so the reader sees
// what comes before the finding and as much as fits after it.
struct Window {
  uint32_t from, to;
};
Window fit_window(std::string_view line, uint32_t caret, uint32_t budget) {
  uint32_t from = caret, used = 0, length = 0;
  while (from > 0) {
    uint32_t prev = from - 1;
    while (prev > 0 && (static_cast<unsigned char>(line[prev]) & 0xC0) == 0x80) --prev;
    uint32_t w = code_point_width(line, prev, length);
    if (used + w > budget / 3) break;
    used += w;
    from = prev;
  }
  uint32_t to = from;
  used = 0;
  while (to < line.size()) {
    uint32_t w = code_point_width(line, to, length);
    if (used + w > budget) break;
    used += w;
    to += length;
  }
  return {from, to};
}

template <typename Paint>
std::string excerpt(const core::Source& source, core::Span span, uint32_t line_number, const TextOptions& options,
                    const Paint& paint) {
  core::Span line = source.line_span(line_number);
  std::string_view text = source.slice(line);
  uint32_t begin = std::max(span.begin, line.begin) - line.begin;
  uint32_t end = std::min(std::max(span.end, line.begin), line.end) - line.begin;
  end = std::max(end, begin);
  // Without a width, a 10 MB line is still not echoed whole.
  constexpr uint32_t kGutter = 8, kUnlimited = 400, kNarrowest = 40;
  uint32_t budget = options.width ? std::max(options.width, kGutter + kNarrowest) - kGutter - 2 : kUnlimited;
  Window shown{0, static_cast<uint32_t>(text.size())};
  if (width_of(text.substr(0, std::min<size_t>(text.size(), 4 * budget + 4))) > budget) shown = fit_window(text, begin, budget);
  end = std::min(std::max(end, shown.from), shown.to);
  // Widths are those of the line as printed: each control character shows as one symbol.
  std::string cut = printable(text.substr(shown.from, shown.to - shown.from), "\t");
  std::string_view left = shown.from > 0 ? "…" : "", right = shown.to < text.size() ? "…" : "";
  uint32_t pad = width_of(printable(text.substr(shown.from, begin - shown.from), "\t")) + (shown.from > 0 ? 1 : 0);
  uint32_t width = width_of(printable(text.substr(begin, end - begin), "\t"));
  std::string marker(1, '^');
  marker.append(width > 1 ? width - 1 : 0, '~');
  std::string out = fmt::format("{} {}{}{}\n", paint(kBlue, fmt::format("{:>5} |", line_number)), left,
                                expand_tabs(cut), right);
  out += fmt::format("{} {}{}\n", paint(kBlue, "      |"), std::string(pad, ' '), paint(kGreen, marker));
  return out;
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
  std::string out =
      fmt::format("{} {} {} {}\n", paint(kBold, fmt::format("{}:{}:{}:", printable(file.path), r.line, r.column)),
                  paint(severity_color, fmt::format("{}:", core::severity_label(d.severity))),
                  paint(kBold, printable(d.message)), fmt::format("[{}]", printable(d.rule_id)));
  if (source.valid_utf8() && source.size() > 0) out += excerpt(source, d.span, r.line, options, paint);
  if (!d.help.empty()) out += fmt::format("      {} {}\n", paint(kBold, "= help:"), printable(d.help));
  for (const auto& fix : d.fixes) {
    out += fmt::format("      {} {}{}\n", paint(kBold, "= fix:"), printable(fix.title),
                       fix.applicability == Applicability::kUnsafe ? " (unsafe: check it reads right)" : "");
  }
  for (const auto& note : d.notes) {
    Range nr = to_range(source, note.span);
    out += fmt::format("      {} {}:{}:{}: {}\n", paint(kBold, "= note:"), printable(file.path), nr.line, nr.column,
                       printable(note.message));
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
      return fmt::format("{}: {}{}\n", printable(totals.first.path), format_counts(totals.counts),
                         kind_note(totals.first.kind));
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
