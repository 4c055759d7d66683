#include "lsp/convert.hpp"

#include "diag/rule_docs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/utf8.hpp"

namespace followup::lsp {

// UTF-16 positions are counted here and nowhere else: the rest of the
// program works in byte offsets and code points.

uint32_t count_utf16_units(std::string_view text) {
  const auto n = static_cast<uint32_t>(text.size());
  uint32_t count = 0;
  for (uint32_t i = 0; i < n;) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      ++count;
      continue;
    }
    core::Decoded d = core::decode_utf8(text, i);
    i += d.length;
    count += d.code_point >= 0x10000 ? 2 : 1;
  }
  return count;
}

uint32_t utf16_column(const core::Source& source, uint32_t offset) {
  offset = std::min(offset, source.size());
  uint32_t start = source.line_span(source.line_of(offset)).begin;
  offset = std::max(offset, start);
  auto at = source.code_points_before(offset);
  auto line = source.code_points_before(start);
  return (at.all + at.supplementary) - (line.all + line.supplementary);
}

uint32_t offset_of_utf16(const core::Source& source, uint32_t line0, uint32_t character) {
  if (line0 >= source.line_count()) return source.size();
  core::Span line = source.line_span(line0 + 1);
  std::string_view text = source.text();
  uint32_t units = 0;
  uint32_t i = line.begin;
  while (i < line.end && units < character) {
    core::Decoded d = core::decode_utf8(text, i);
    units += d.code_point >= 0x10000 ? 2 : 1;
    if (units > character) break;  // inside a surrogate pair: stay before it
    i += d.length;
  }
  return i;
}

std::string_view encoding_name(PositionEncoding e) {
  return e == PositionEncoding::kUtf8 ? "utf-8" : "utf-16";
}

Position to_position(const core::Source& source, uint32_t offset, PositionEncoding enc) {
  offset = std::min(offset, source.size());
  uint32_t line = source.line_of(offset);  // 1-based
  if (enc == PositionEncoding::kUtf16) return {line - 1, utf16_column(source, offset)};
  return {line - 1, offset - source.line_span(line).begin};
}

uint32_t to_offset(const core::Source& source, Position pos, PositionEncoding enc) {
  if (pos.line >= source.line_count()) return source.size();
  if (enc == PositionEncoding::kUtf16) return offset_of_utf16(source, pos.line, pos.character);
  core::Span line = source.line_span(pos.line + 1);
  uint32_t offset = line.begin + std::min(pos.character, line.size());
  std::string_view text = source.text();
  // Never split a UTF-8 sequence: step back to the start of the character.
  while (offset > line.begin && offset < text.size() &&
         (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
    --offset;
  return offset;
}

Range to_range(const core::Source& source, core::Span span, PositionEncoding enc) {
  return {to_position(source, span.begin, enc), to_position(source, span.end, enc)};
}

core::Span to_span(const core::Source& source, Range range, PositionEncoding enc) {
  uint32_t begin = to_offset(source, range.start, enc);
  uint32_t end = to_offset(source, range.end, enc);
  if (end < begin) std::swap(begin, end);
  return {begin, end};
}

Position PositionMapper::map(uint32_t offset, Cache& cache) {
  offset = std::min(offset, source_.size());
  Position pos;
  if (enc_ == PositionEncoding::kUtf16 && cache.valid && offset >= cache.offset &&
      source_.line_of(offset) == cache.pos.line + 1) {
    std::string_view between = source_.text().substr(cache.offset, offset - cache.offset);
    pos = {cache.pos.line, cache.pos.character + count_utf16_units(between)};
  } else {
    pos = to_position(source_, offset, enc_);
  }
  cache = {true, offset, pos};
  return pos;
}

json to_json(Position p) { return json{{"line", p.line}, {"character", p.character}}; }

json to_json(const Range& r) { return json{{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }

Position position_from_json(const json& j) {
  if (!j.is_object()) throw ParamError("a position must be an object");
  return {require_uint(j, "line"), require_uint(j, "character")};
}

Range range_from_json(const json& j) {
  if (!j.is_object()) throw ParamError("a range must be an object");
  return {position_from_json(require_object(j, "start")),
          position_from_json(require_object(j, "end"))};
}

std::string percent_decode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::optional<std::filesystem::path> uri_to_path(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.size() < kScheme.size()) return std::nullopt;
  for (size_t i = 0; i < kScheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(uri[i])) != kScheme[i]) return std::nullopt;
  std::string_view rest = uri.substr(kScheme.size());
  size_t end = rest.find_first_of("?#");
  if (end != std::string_view::npos) rest = rest.substr(0, end);
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path =
      slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash);
  std::string decoded = percent_decode(path);
  if (!authority.empty() && authority != "localhost")
    decoded = "//" + percent_decode(authority) + decoded;
  // file:///C:/x on Windows names C:/x.
  if (decoded.size() >= 3 && decoded[0] == '/' &&
      std::isalpha(static_cast<unsigned char>(decoded[1])) && decoded[2] == ':')
    decoded.erase(0, 1);
  return std::filesystem::path(decoded);
}

std::string path_to_uri(const std::filesystem::path& path) {
  std::string s = path.generic_string();
  std::string out = "file://";
  if (s.empty() || s[0] != '/') out += '/';
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

int lsp_severity(core::Severity s) {
  switch (s) {
    case core::Severity::kError:
      return 1;
    case core::Severity::kWarning:
      return 2;
    case core::Severity::kInfo:
      return 3;
  }
  return 1;
}

std::string diagnostic_message(const diag::Diagnostic& d) {
  if (d.help.empty()) return d.message;
  return d.message + "\nhelp: " + d.help;
}

json to_lsp_diagnostic(PositionMapper& mapper, const diag::Diagnostic& d, std::string_view uri) {
  json out = {
      {"range", to_json(mapper.range(d.span))},
      {"severity", lsp_severity(d.severity)},
      {"code", d.rule_id},
      {"codeDescription", {{"href", diag::rule_docs_url(d.rule_id)}}},
      {"source", "followup-lint"},
      {"message", diagnostic_message(d)},
  };
  if (!d.notes.empty()) {
    json related = json::array();
    for (const auto& note : d.notes) {
      related.push_back({{"location", {{"uri", uri}, {"range", to_json(mapper.range(note.span))}}},
                         {"message", note.message}});
    }
    out["relatedInformation"] = std::move(related);
  }
  return out;
}

json to_lsp_diagnostic(const core::Source& source, const diag::Diagnostic& d, std::string_view uri,
                       PositionEncoding enc) {
  PositionMapper mapper(source, enc);
  return to_lsp_diagnostic(mapper, d, uri);
}

json to_workspace_edit(PositionMapper& mapper, const diag::Fix& fix, std::string_view uri) {
  json edits = json::array();
  for (const auto& e : fix.edits)
    edits.push_back({{"range", to_json(mapper.range(e.span))}, {"newText", e.replacement}});
  json changes = json::object();
  changes[std::string(uri)] = std::move(edits);
  return json{{"changes", std::move(changes)}};
}

json to_workspace_edit(const core::Source& source, const diag::Fix& fix, std::string_view uri,
                       PositionEncoding enc) {
  PositionMapper mapper(source, enc);
  return to_workspace_edit(mapper, fix, uri);
}

}  // namespace followup::lsp
