// Display width of text in a terminal, for carets under wide and combining
// characters. Thread-safe, never throws.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/span.hpp"

namespace followup::text {

// Columns a terminal uses to show `text`: grapheme clusters, two columns for
// East Asian Wide/Fullwidth and emoji presentation (including a pictograph
// with U+FE0F and keycaps), zero for a cluster that starts with a combining
// mark, a control or a format character (ZWSP, soft hyphen), one otherwise
// (East Asian Ambiguous counts as narrow). Tabs count as one column (the
// caller expands them).
uint32_t display_width(std::string_view text);

}  // namespace followup::text
