#include "text/emoji.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>

#include "text/unicode_buffer.hpp"

namespace followup::text {

using namespace detail;

namespace {

// Whether a code point can start or complete an emoji cluster. Used to skip
// the grapheme iterator for the usual emoji-free text.
bool may_be_emoji(UChar32 c) {
  return c == 0x20E3 || c == 0xFE0F || u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
         u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION);
}

bool is_emoji_cluster(const char16_t* units, int32_t begin, int32_t end) {
  int32_t i = begin;
  const UChar32 first = next_code_point(units, i, end);
  bool has_vs16 = false;
  while (i < end) {
    const UChar32 c = next_code_point(units, i, end);
    if (c == 0x20E3) return true;  // keycap: "1️⃣", "#⃣"
    if (c == 0xFE0F) has_vs16 = true;
  }
  // Emoji_Presentation covers what Extended_Pictographic leaves out: regional
  // indicator flags and lone skin-tone modifiers.
  if (u_hasBinaryProperty(first, UCHAR_EMOJI_PRESENTATION)) return true;
  if (u_hasBinaryProperty(first, UCHAR_EXTENDED_PICTOGRAPHIC)) {
    // ©, ® and ™ are Extended_Pictographic but in an email they are company
    // and trademark typography; only their VS16 form is an emoji.
    if (first == 0xA9 || first == 0xAE || first == 0x2122) return has_vs16;
    return true;
  }
  // "#️", "1️": a text character with the emoji property asked to be an emoji.
  return has_vs16 && u_hasBinaryProperty(first, UCHAR_EMOJI);
}

}  // namespace

std::vector<Span> find_emoji(std::string_view text) {
  std::vector<Span> result;
  if (is_ascii(text)) return result;
  Utf16Text& buffer = thread_text();
  if (!load_utf16<true>(buffer, text)) return result;
  const char16_t* units = buffer.text.getBuffer();
  const int32_t length = buffer.text.length();
  if (units == nullptr) return result;

  bool candidate = false;
  for (int32_t i = 0; i < length && !candidate;) {
    if (units[i] < 0xA9) {
      ++i;
      continue;
    }
    candidate = may_be_emoji(next_code_point(units, i, length));
  }
  if (!candidate) return result;

  icu::BreakIterator* it = thread_iterator(IteratorKind::kCharacter);
  if (it == nullptr) return result;
  it->setText(buffer.text);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    if (units[start] < 0xA9 && end - start == 1) continue;  // plain ASCII/Latin-1
    if (is_emoji_cluster(units, start, end)) {
      result.push_back({buffer.to_byte(start), buffer.to_byte(end)});
    }
  }
  return result;
}

}  // namespace followup::text
