// Which language a note is written in, from its most common short words.
// Enough to tell an English note from a Spanish, French, German, Portuguese,
// Italian or Dutch one; not a general language identifier.
#pragma once

#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace followup::text {

// "en", "es", "fr", "de", "pt", "it", "nl", or "" when the words are too few
// to tell. `words` are spans of `text` (as the parser gives them).
std::string_view guess_language(std::string_view text, const std::vector<core::Span>& words);
// "Spanish" for "es"; the code itself for one it does not know.
std::string_view language_name(std::string_view code);

}  // namespace followup::text
