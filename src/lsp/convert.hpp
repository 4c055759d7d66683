// Conversions at the editor edge: byte offsets <-> LSP positions in the
// negotiated encoding (UTF-16 by default, UTF-8 when the client offers it),
// file:// URIs <-> paths, and Diagnostic/Fix -> LSP JSON. Positions past the
// end of a line or of the text are clamped, as LSP asks; a position inside a
// multi-byte character (or a surrogate pair) moves to that character's start.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/source.hpp"
#include "diag/diagnostic.hpp"
#include "lsp/protocol.hpp"

namespace followup::lsp {

enum class PositionEncoding { kUtf16, kUtf8 };

std::string_view encoding_name(PositionEncoding e);

struct Position {
  uint32_t line = 0;       // 0-based
  uint32_t character = 0;  // 0-based, in code units of the encoding
  friend bool operator==(Position a, Position b) {
    return a.line == b.line && a.character == b.character;
  }
};

struct Range {
  Position start, end;
};

// UTF-16 code units of a UTF-8 string (a stray byte counts as one U+FFFD).
uint32_t count_utf16_units(std::string_view text);
// The 0-based UTF-16 column of `offset` on its line, and its inverse
// (clamped to the line; a column inside a surrogate pair stays before it).
uint32_t utf16_column(const core::Source& source, uint32_t offset);
uint32_t offset_of_utf16(const core::Source& source, uint32_t line0, uint32_t character);

Position to_position(const core::Source& source, uint32_t offset, PositionEncoding enc);
uint32_t to_offset(const core::Source& source, Position pos, PositionEncoding enc);
Range to_range(const core::Source& source, core::Span span, PositionEncoding enc);
core::Span to_span(const core::Source& source, Range range, PositionEncoding enc);

// Converts many offsets into one Source. Successive offsets on the same line
// count only the text between them, so a long line with many findings stays
// linear instead of counting from the line start each time.
class PositionMapper {
 public:
  PositionMapper(const core::Source& source, PositionEncoding enc) : source_(source), enc_(enc) {}
  Position position(uint32_t offset) { return map(offset, begin_); }
  Range range(core::Span span) { return {map(span.begin, begin_), map(span.end, end_)}; }

 private:
  struct Cache {
    bool valid = false;
    uint32_t offset = 0;
    Position pos;
  };
  Position map(uint32_t offset, Cache& cache);

  const core::Source& source_;
  PositionEncoding enc_;
  Cache begin_, end_;  // begins and ends each tend to ascend
};

json to_json(Position p);
json to_json(const Range& r);
// ParamError when `j` is not a Position / Range.
Position position_from_json(const json& j);
Range range_from_json(const json& j);

// file:///a/b%20c.txt -> /a/b c.txt; nullopt for other schemes.
std::optional<std::filesystem::path> uri_to_path(std::string_view uri);
std::string path_to_uri(const std::filesystem::path& path);
std::string percent_decode(std::string_view s);

// LSP DiagnosticSeverity: error 1, warning 2, information 3.
int lsp_severity(core::Severity s);
// "message" or "message\nhelp: help".
std::string diagnostic_message(const diag::Diagnostic& d);

// The LSP Diagnostic for `d` (notes become relatedInformation in `uri`).
json to_lsp_diagnostic(PositionMapper& mapper, const diag::Diagnostic& d, std::string_view uri);
json to_lsp_diagnostic(const core::Source& source, const diag::Diagnostic& d, std::string_view uri,
                       PositionEncoding enc);
// A WorkspaceEdit {changes: {uri: [TextEdit...]}} for one fix.
json to_workspace_edit(PositionMapper& mapper, const diag::Fix& fix, std::string_view uri);
json to_workspace_edit(const core::Source& source, const diag::Fix& fix, std::string_view uri,
                       PositionEncoding enc);

}  // namespace followup::lsp
