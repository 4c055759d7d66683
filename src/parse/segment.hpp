// Text segmentation and Unicode properties: sentences, words, display width,
// emoji, and accent/case-insensitive comparison keys. This is the only file
// pair in the project that uses ICU. All functions take and return UTF-8 with
// byte offsets relative to the string passed in; they are thread-safe (ICU
// iterators are kept per thread) and never throw.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace followup::parse {

// Sentences of a paragraph. Line breaks inside the text are read as spaces
// (hard-wrapped paragraphs), except before a bulleted or numbered line
// ("- ", "* ", "• ", "1. ", "2) "), which starts a new segment marked
// list_item. Titles (Mr., Ms., Mrs., Dr., Prof., St., Jr., Sr.), initials
// ("A. J. Rivera", "J. R. R. Tolkien") and "a.m."/"p.m."/"e.g."/"i.e."/"etc."
// followed by a lowercase word do not end a sentence. Spans are trimmed of
// surrounding whitespace and never empty.
struct SentenceSpan {
  core::Span span;
  bool list_item = false;
};
std::vector<SentenceSpan> split_sentences(std::string_view text);

// Words (ICU word break, rule status letter, number, kana or ideographic);
// punctuation and spaces are skipped. "O'Brien", "Smith-Jones" handling
// follows ICU: an apostrophe inside a word keeps it whole.
std::vector<core::Span> split_words(std::string_view text);

// Columns a terminal uses to show `text`: grapheme clusters, two columns for
// East Asian Wide/Fullwidth and emoji presentation, zero for a cluster made
// only of combining marks or controls. Tabs count as one column (the caller
// expands them).
uint32_t display_width(std::string_view text);

// Byte spans of emoji (code points with Extended_Pictographic, whole grapheme
// clusters so that ZWJ sequences and skin tones are one span). Digits, '#'
// and '*' are not emoji unless followed by U+FE0F/U+20E3.
std::vector<core::Span> find_emoji(std::string_view text);

// A key for comparing names: case-folded, NFD with combining marks removed,
// so "Núñez" and "nunez" give the same key.
std::string comparison_key(std::string_view text);

// Levenshtein distance counted in code points.
uint32_t edit_distance(std::string_view a, std::string_view b);

}  // namespace followup::parse
