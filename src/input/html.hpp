// decode_html: an HTML body (a .html/.htm draft, or a mail's text/html part)
// -> the writer's text laid out as a plain-text draft, plus a map back to the
// HTML's bytes. Read with gumbo: head, style, script and title are dropped;
// block elements and <br> become line breaks, paragraphs blank lines;
// entities are decoded (mapped onto the entity's bytes, not verbatim);
// quoting blockquotes, gmail_quote / Outlook reply blocks and the other
// history of SPEC §1 are left out. Never throws: gumbo recovers from any
// malformed markup, so a problem is at most a short text.
#pragma once

#include <cstdint>
#include <string_view>

#include "input/read.hpp"

namespace followup::input {

// `html` must be UTF-8 (transcode a part in another charset first). The map's
// file offsets are offsets into `html` plus `file_offset_base`, so a mail part
// whose bytes sit at that offset in the .eml maps straight onto the file when
// its body is not transfer-encoded. The result's file_text is left empty: the
// caller owns the file as written. format is kHtml.
// The text-level history pass (history.hpp) runs with Layout::kBody.
Decoded decode_html(std::string_view html, uint32_t file_offset_base = 0);

// A .html/.htm draft: its charset (a BOM, options.encoding, a <meta charset>)
// first, then decode_html, with the history pass of a whole draft (a header
// block at the top is the draft's own). file_text is filled in.
Decoded decode_html_file(std::string_view bytes, const ReadOptions& options = {});

}  // namespace followup::input
