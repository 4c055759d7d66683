// Word segmentation (ICU word break). Byte offsets are relative to the string
// passed in; thread-safe, never throws.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace followup::text {

// Words (ICU word break, rule status letter, number, kana or ideographic);
// punctuation, spaces and emoji are skipped. Following ICU: an apostrophe or
// period between letters keeps a word whole ("O'Brien", "don't", "e.g" from
// "e.g."), commas and periods between digits keep a number whole ("1,000.50"),
// a hyphen splits ("Smith-Jones" is two words), '@' counts as a letter
// ("jane@example.com" is one word), and CJK is split by dictionary.
std::vector<core::Span> split_words(std::string_view text);
void split_words(std::string_view text, std::vector<core::Span>& out);
// The words of `text` appended to `out`, each shifted by `offset` (where
// `text` starts in the draft): no buffer in between, which for a draft that
// is one huge paragraph held a second copy of all its words.
void append_words(std::string_view text, uint32_t offset, std::vector<core::Span>& out);

}  // namespace followup::text
