// Document: one open text document as the editor sees it (URI, version,
// text) plus the result of its last lint. The server owns every Document;
// the text changes only through set_text/apply_change, which mark it dirty
// so that the next lint sees the new text.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "diag/diagnostic.hpp"
#include "lsp/convert.hpp"
#include "lint/lint.hpp"

namespace followup::lsp {

class Document {
 public:
  Document(std::string uri, std::filesystem::path path, std::string text, int64_t version);

  const std::string& uri() const { return uri_; }
  // Where the document lives on disk, for config discovery (for a non-file
  // URI, a made-up name in the workspace folder).
  const std::filesystem::path& path() const { return path_; }
  int64_t version() const { return version_; }
  const std::string& text() const { return text_; }

  void set_text(std::string text, int64_t version);
  // Replaces `range` (in `enc` units of the current text) with `replacement`.
  void apply_change(const Range& range, std::string_view replacement, PositionEncoding enc);
  void set_version(int64_t version) { version_ = version; }

  // The current text with its line index (rebuilt after a change).
  const core::Source& source();
  std::shared_ptr<const core::Source> shared_source();

  // Lint state, kept by the server.
  bool dirty = true;                           // text changed since the last lint
  bool unpublished = true;                     // diagnostics not yet sent to the client
  std::shared_ptr<const core::Source> linted;  // the text the diagnostics refer to
  int64_t linted_version = 0;
  std::vector<diag::Diagnostic> diagnostics;            // rule findings, byte spans into `linted`
  std::vector<json> extra;                              // config errors etc., already in LSP form
  std::shared_ptr<const lint::LintSettings> settings;  // for hover (rule docs)

 private:
  std::string uri_;
  std::filesystem::path path_;
  std::string text_;
  int64_t version_ = 0;
  std::shared_ptr<const core::Source> source_;  // index of text_, built on demand
};

}  // namespace followup::lsp
