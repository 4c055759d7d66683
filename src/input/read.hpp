// input::read: a file's bytes -> the text the parser reads, plus a map back
// to the file as written. The format comes from the file name (SPEC §1):
// .eml mail, .md/.markdown Markdown, .html/.htm HTML, anything else plain
// text. Every decoder lays its result out as a plain-text draft (front
// matter, a header block, a blank line, the body), so the parser and the
// rules never know which format a draft came in. Only the writer's own text
// is kept: quoted history, forwarded messages, client footers and MIME
// scaffolding are left out of `text` (they never produce a finding).
// Errors never throw: a problem becomes an entry of `problems` (one
// input.encoding diagnostic each) and decoding goes on as far as it can.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "input/source_map.hpp"

namespace followup::input {

enum class Format { kPlain, kMarkdown, kEmail, kHtml };

// From the extension, case-insensitive; unknown extensions are plain text.
Format format_for(std::string_view file_name);
std::string_view format_name(Format format);  // "text", "markdown", "email", "html"

struct ReadOptions {
  std::string encoding;  // declared in config [input] or front matter; empty = UTF-8
};

struct Problem {
  uint32_t file_offset = 0;  // into Decoded::file_text
  std::string message;       // "invalid UTF-8 at byte 120; the file looks like windows-1252: ..."
};

struct Decoded {
  Format format = Format::kPlain;
  // The file as written, as UTF-8, for line and column numbers: the bytes
  // themselves, or their transcoding when the file is UTF-16 or in a
  // declared charset (columns count code points, which transcoding keeps).
  // Empty when it equals `text` (plain UTF-8 with nothing left out), so the
  // common case holds one copy.
  std::string file_text;
  std::string text;  // what the parser reads
  SourceMap map;     // text offsets -> file_text offsets (or text offsets when file_text is empty)
  std::vector<Problem> problems;

  std::string_view file() const { return file_text.empty() ? std::string_view(text) : file_text; }
};

Decoded read(std::string_view bytes, Format format, const ReadOptions& options = {});

}  // namespace followup::input
