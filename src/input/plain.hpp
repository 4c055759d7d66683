// decode_plain: a plain-text draft's bytes -> the writer's text and a map
// back to the file as written. The layout is already the draft's (front
// matter, header block, body); decoding only fixes the charset (Utf8Input)
// and leaves out history and client footers (history.hpp). Line endings are
// kept as written. Never throws: charset trouble is a Problem, a binary file
// has no text, and invalid UTF-8 bytes read as U+FFFD.
#pragma once

#include <string_view>

#include "input/read.hpp"

namespace followup::input {

Decoded decode_plain(std::string_view bytes, const ReadOptions& options = {});

}  // namespace followup::input
