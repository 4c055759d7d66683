// Emoji in text, as whole grapheme clusters. Thread-safe, never throws.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace followup::text {

// Byte spans of emoji: whole grapheme clusters (so ZWJ sequences, skin tones
// and flags are one span) that start with an Extended_Pictographic or
// Emoji_Presentation code point. Digits, '#' and '*' are not emoji unless
// followed by U+FE0F/U+20E3 (keycaps). ©, ® and ™ are typography in email
// and count only in their U+FE0F emoji form.
std::vector<core::Span> find_emoji(std::string_view text);

}  // namespace followup::text
