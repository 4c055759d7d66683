#include <fmt/format.h>

#include <iterator>

#include "core/utf8.hpp"
#include "diag/report.hpp"

namespace followup::diag {
namespace {

// Appends `text` as a JSON string (RFC 8259, section 7): quotes,
// backslashes and control characters escaped, the rest as it is. JSON text
// must be UTF-8, so a byte that is not (a file name, a quote from a draft
// read as Latin-1) is written as U+FFFD.
void append_string(std::string& out, std::string_view text) {
  std::string repaired;
  if (core::find_invalid_utf8(text)) {
    repaired = core::replace_invalid_utf8(text);
    text = repaired;
  }
  out.push_back('"');
  size_t plain = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    }
  }
  out.append(text, plain, text.size() - plain);
  out.push_back('"');
}

// One file object, appended field by field to a string that is reused: no
// document tree in between (the tree and its serializer were a sixth of a
// whole --format json run). The keys and their order are the format's.
class FileWriter {
 public:
  std::string file(const FileReport& file) {
    out_.clear();
    out_ += R"({"path":)";
    append_string(out_, file.path);
    out_ += R"(,"kind":)";
    append_string(out_, file.kind);
    out_ += R"(,"diagnostics":[)";
    for (size_t i = 0; i < file.diagnostics.size(); ++i) {
      if (i) out_.push_back(',');
      diagnostic(*file.source, file.diagnostics[i]);
    }
    out_ += "]}";
    return out_;
  }

 private:
  void string_field(std::string_view key, std::string_view text) {
    fmt::format_to(std::back_inserter(out_), R"(,"{}":)", key);
    append_string(out_, text);
  }

  void range(const Range& r) {
    fmt::format_to(std::back_inserter(out_), R"("line":{},"column":{},"end_line":{},"end_column":{})", r.line,
                   r.column, r.end_line, r.end_column);
  }

  void diagnostic(const core::Source& source, const Diagnostic& d) {
    out_ += R"({"rule":)";
    append_string(out_, d.rule_id);
    string_field("severity", core::severity_name(d.severity));
    string_field("message", d.message);
    out_.push_back(',');
    range(to_range(source, d.span));
    out_ += R"(,"fix":)";
    if (!d.fixes.empty() && !d.fixes.front().edits.empty()) {
      const Edit& e = d.fixes.front().edits.front();
      out_.push_back('{');
      range(to_range(source, e.span));
      string_field("replacement", e.replacement);
      out_ += d.fixes.front().applicability == Applicability::kSafe ? R"(,"safe":true})" : R"(,"safe":false})";
    } else {
      out_ += "null";
    }
    if (!d.help.empty()) string_field("help", d.help);
    out_.push_back('}');
  }

  std::string out_;
};

// {"version":1,"files":[{...},{...}],"summary":{...}}, one file object per piece.
class JsonRenderer : public ReportRenderer {
 public:
  std::string head() const override { return R"({"version":1,"files":[)"; }
  std::string separator() const override { return ","; }

  // Workers render files in parallel: each thread keeps its own writer.
  std::string file(const FileReport& file) const override {
    thread_local FileWriter writer;
    return writer.file(file);
  }

  std::string tail(const RunTotals& totals) const override {
    return fmt::format(R"(],"summary":{{"files":{},"errors":{},"warnings":{},"infos":{}}}}})"
                       "\n",
                       totals.files, totals.counts.errors, totals.counts.warnings, totals.counts.infos);
  }
};

}  // namespace

std::unique_ptr<ReportRenderer> json_renderer() { return std::make_unique<JsonRenderer>(); }

}  // namespace followup::diag
