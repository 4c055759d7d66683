// Text segmentation and Unicode properties: sentences, words, display width,
// emoji, and accent/case-insensitive comparison keys. This is the only file
// pair in the project that uses ICU. All functions take and return UTF-8 with
// byte offsets relative to the string passed in; they are thread-safe (ICU
// iterators are kept per thread) and never throw.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace followup::parse {

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

// Words (ICU word break, rule status letter, number, kana or ideographic);
// punctuation, spaces and emoji are skipped. Following ICU: an apostrophe or
// period between letters keeps a word whole ("O'Brien", "don't", "e.g" from
// "e.g."), commas and periods between digits keep a number whole ("1,000.50"),
// a hyphen splits ("Smith-Jones" is two words), '@' counts as a letter
// ("jane@example.com" is one word), and CJK is split by dictionary.
std::vector<core::Span> split_words(std::string_view text);
void split_words(std::string_view text, std::vector<core::Span>& out);

// Columns a terminal uses to show `text`: grapheme clusters, two columns for
// East Asian Wide/Fullwidth and emoji presentation (including a pictograph
// with U+FE0F and keycaps), zero for a cluster that starts with a combining
// mark, a control or a format character (ZWSP, soft hyphen), one otherwise
// (East Asian Ambiguous counts as narrow). Tabs count as one column (the
// caller expands them).
uint32_t display_width(std::string_view text);

// Byte spans of emoji: whole grapheme clusters (so ZWJ sequences, skin tones
// and flags are one span) that start with an Extended_Pictographic or
// Emoji_Presentation code point. Digits, '#' and '*' are not emoji unless
// followed by U+FE0F/U+20E3 (keycaps). ©, ® and ™ are typography in email
// and count only in their U+FE0F emoji form.
std::vector<core::Span> find_emoji(std::string_view text);

// A key for comparing names: case-folded, NFD with nonspacing marks removed,
// so "Núñez" and "nunez" give the same key (and "Straße" matches "STRASSE").
// Invalid UTF-8 becomes U+FFFD.
std::string comparison_key(std::string_view text);

// Edit distance counted in code points (invalid UTF-8 bytes count as one
// U+FFFD each), where swapping two neighbours is one edit (optimal string
// alignment: "Jonse" is one slip from "Jones", not two). A distance over
// `limit` comes back as limit + 1; only cells within `limit` of the diagonal
// are computed, so the cost is O(length x limit) time and O(length) memory:
// a 20 KB paste against a 20 KB name is cheap.
uint32_t edit_distance(std::string_view a, std::string_view b,
                       uint32_t limit = std::numeric_limits<uint32_t>::max());

}  // namespace followup::parse
