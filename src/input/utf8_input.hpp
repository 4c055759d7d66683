// Utf8Input: the first step of every decoder that reads a file (plain text,
// Markdown, HTML): the file as UTF-8, whatever it was saved as. UTF-8 with or
// without a BOM is used as it is; UTF-16 with a BOM and a declared charset
// are transcoded (the transcoding becomes the file as written, for line and
// column numbers). Bytes that are not UTF-8 without a declaration, NUL bytes
// and unknown charset names become one Problem each; never throws.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "input/read.hpp"

namespace followup::input {

struct Utf8Input {
  std::string transcoded;      // the file as UTF-8 when it was not UTF-8 already
  std::string_view file;       // the file as UTF-8: `transcoded`, or the bytes themselves
  uint32_t content_begin = 0;  // after a byte order mark
  bool binary = false;         // NUL bytes: not a text draft, nothing to read
  bool invalid = false;        // not valid UTF-8 and no charset declared (a Problem says so)
  std::vector<Problem> problems;
};

// `declared` is the charset the format itself declares (a <meta charset> of
// an HTML file); options.encoding and a front matter `encoding` key win over it.
Utf8Input to_utf8_input(std::string_view bytes, const ReadOptions& options,
                        std::string_view declared = {});

// The value of an `encoding = "…"` line in TOML front matter (`+++` … `+++`)
// at the top of `bytes`; empty when there is none. A line scan, bounded to
// the first few kilobytes. `line_at`, when given, gets the byte offset of
// that `encoding` key, for a diagnostic about its value.
std::string front_matter_encoding(std::string_view bytes, uint32_t* line_at = nullptr);

// "invalid UTF-8 at byte N; the file looks like windows-1252: …", naming the
// likely charset and how to declare it.
Problem invalid_utf8_problem(std::string_view bytes, uint32_t at);

}  // namespace followup::input
