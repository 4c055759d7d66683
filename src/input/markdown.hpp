// decode_markdown_file: a Markdown (CommonMark + GitHub tables) draft -> the
// writer's text laid out as a plain-text draft, plus a map back to the file.
// Read with md4c, whose text pointers point into the input, so text copied
// from the file maps byte for byte. TOML front matter is kept as written;
// flat YAML front matter becomes the same keys as TOML (each line mapped onto
// its YAML line); a first `#` heading becomes a `Subject:` header line;
// emphasis, links, code and breaks read as their text; a list right under a
// paragraph stays in it; block quotes are history and left out; HTML
// comments (suppression pragmas) are kept verbatim, other raw HTML dropped.
// Never throws; linear in the input.
#pragma once

#include <string_view>

#include "input/read.hpp"

namespace followup::input {

Decoded decode_markdown_file(std::string_view bytes, const ReadOptions& options = {});

}  // namespace followup::input
