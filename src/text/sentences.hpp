// Sentence segmentation (ICU, with titles, initials and list items handled on top).
// Byte offsets are relative to the string passed in; thread-safe, never throws.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace followup::text {

// Sentences of a paragraph. Line breaks inside the text are read as spaces
// (hard-wrapped paragraphs), except before a bulleted or numbered line
// ("- ", "* ", "• ", "1. ", "2) ", numbers of one or two digits), which starts
// a new segment marked list_item. The span of a list item leaves out its
// marker, and every sentence of the item is marked. An item continues over
// the following lines while they are indented or start with a lowercase
// letter; any other line ends it. A blank line always ends a segment.
//
// Titles (Mr. Ms. Mrs. Dr. Prof. St. Jr. Sr. Mt. vs., case as written) and
// single-letter initials followed by a capitalized word do not end a sentence,
// so "I met Dr. A. J. Rivera at 3 p.m. today." is one; "a.m.", "p.m.", "e.g.",
// "i.e.", "etc.", "approx.", "Inc.", "Ltd.", "Co." end one unless a lowercase
// word follows ("at 3 p.m. Then we left." is two). Known misses: "J.R.R."
// written without spaces splits before the surname, and "Plan B. Then" or
// "Main St. The" are joined. Spans are trimmed of surrounding whitespace and
// never empty.
struct SentenceSpan {
  core::Span span;
  bool list_item = false;
};
std::vector<SentenceSpan> split_sentences(std::string_view text);
// The same into `out` (cleared first), so a caller can reuse its memory.
void split_sentences(std::string_view text, std::vector<SentenceSpan>& out);

}  // namespace followup::text
