// Comparing names as people read them: case- and accent-insensitive keys, a
// bounded edit distance, and lowercase of a single code point. Thread-safe.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace followup::text {

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

// "Did you mean": the candidate nearest to `word` when it is a plausible
// slip (at most a third of the word's length in edits, and at least one
// edit allowed), or empty. Ties go to the earlier candidate.
std::string closest_word(std::string_view word, const std::vector<std::string>& candidates);

// The simple lowercase mapping of one code point (Unicode's, as ICU has it).
char32_t to_lower(char32_t code_point);

}  // namespace followup::text
