#include <fmt/format.h>

#include "diag/report.hpp"

namespace followup::diag {
namespace {

// GitHub workflow command escaping: data and, in properties, ':' and ','.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

class GithubRenderer : public ReportRenderer {
 public:
  std::string file(const FileReport& file) const override {
    std::string out;
    for (const auto& d : file.diagnostics) {
      Range r = to_range(*file.source, d.span);
      const char* command = d.severity == core::Severity::kError     ? "error"
                            : d.severity == core::Severity::kWarning ? "warning"
                                                                     : "notice";
      // Control characters become visible symbols first; the one line break
      // meant to be there (before the help) is then escaped as GitHub wants.
      std::string message = printable(d.message, "\r\n");
      if (!d.help.empty()) message += "\n" + printable(d.help, "\r\n");
      out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n", command,
                         escape_property(printable(file.path)), r.line, r.column, r.end_line, r.end_column,
                         escape_property(printable(d.rule_id)), escape_data(message));
    }
    return out;
  }

  // GitHub shows only the first few annotations of a step: say how many there were.
  std::string tail(const RunTotals& totals) const override {
    return fmt::format("followup-lint: {} file{} checked: {}\n", totals.files, totals.files == 1 ? "" : "s",
                       format_counts(totals.counts));
  }
};

}  // namespace

std::unique_ptr<ReportRenderer> github_renderer() { return std::make_unique<GithubRenderer>(); }

}  // namespace followup::diag
