// decode_entity: one HTML character reference ("&eacute;", "&#8212;",
// "&#x2014;", a legacy "&nbsp" without its semicolon) -> its UTF-8 text, with
// HTML5's full table (gumbo's own tokenizer decodes it). Used by the HTML and
// Markdown decoders. Never throws: a reference that names nothing returns
// itself unchanged.
#pragma once

#include <string>
#include <string_view>

namespace followup::input {

// The length of the character reference at the start of `s` (which starts
// with '&'): "&name;", "&#123;", "&#x1F;", or "&name" without a semicolon.
// 0 when `s` does not start a reference.
size_t entity_length(std::string_view s);

std::string decode_entity(std::string_view ref);

}  // namespace followup::input
