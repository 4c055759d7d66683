#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/utf8.hpp"
#include "diag/report.hpp"

namespace followup::diag {
namespace {

// One file object at a time, straight into a reused buffer: RapidJSON's
// writer escapes as it goes, with no document tree in between (the tree
// and its serializer were a sixth of a whole --format json run).
class FileWriter {
 public:
  std::string file(const FileReport& file) {
    buffer_.Clear();
    writer_.Reset(buffer_);
    writer_.StartObject();
    field("path", file.path);
    field("kind", file.kind);
    key("diagnostics");
    writer_.StartArray();
    for (const auto& d : file.diagnostics) diagnostic(*file.source, d);
    writer_.EndArray();
    writer_.EndObject();
    return std::string(buffer_.GetString(), buffer_.GetSize());
  }

 private:
  void key(std::string_view name) { writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size())); }
  void field(std::string_view name, std::string_view text) {
    key(name);
    string(text);
  }
  void field(std::string_view name, uint32_t number) {
    key(name);
    writer_.Uint(number);
  }

  // JSON text must be UTF-8: a byte that is not (a file name, a quote from
  // a draft read as Latin-1) is written as U+FFFD.
  void string(std::string_view text) {
    std::string repaired;
    if (core::find_invalid_utf8(text)) {
      for (uint32_t i = 0; i < text.size();) {
        core::Decoded d = core::decode_utf8(text, i);
        core::append_utf8(repaired, d.code_point);
        i += d.length;
      }
      text = repaired;
    }
    writer_.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  }

  void range(const Range& r) {
    field("line", r.line);
    field("column", r.column);
    field("end_line", r.end_line);
    field("end_column", r.end_column);
  }

  void diagnostic(const core::Source& source, const Diagnostic& d) {
    writer_.StartObject();
    field("rule", d.rule_id);
    field("severity", core::severity_name(d.severity));
    field("message", d.message);
    range(to_range(source, d.span));
    key("fix");
    if (!d.fixes.empty() && !d.fixes.front().edits.empty()) {
      const Edit& e = d.fixes.front().edits.front();
      writer_.StartObject();
      range(to_range(source, e.span));
      field("replacement", e.replacement);
      key("safe");
      writer_.Bool(d.fixes.front().applicability == Applicability::kSafe);
      writer_.EndObject();
    } else {
      writer_.Null();
    }
    if (!d.help.empty()) field("help", d.help);
    writer_.EndObject();
  }

  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_{buffer_};
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
