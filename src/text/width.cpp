#include "text/width.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>

#include "text/unicode_buffer.hpp"

namespace followup::text {

using namespace detail;

namespace {

// Width of a cluster from its first code point alone; see display_width.
uint32_t first_code_point_width(UChar32 first) {
  if (first == '\t') return 1;
  if (first < 0x7F) return first < 0x20 ? 0 : 1;
  const int8_t type = u_charType(first);
  // A cluster can only start with a mark when nothing precedes it to attach
  // to; format characters (ZWSP, a stray ZWJ, soft hyphen) are invisible.
  if (type == U_CONTROL_CHAR || type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
      type == U_FORMAT_CHAR) {
    return 0;
  }
  const int32_t eaw = u_getIntPropertyValue(first, UCHAR_EAST_ASIAN_WIDTH);
  if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) return 2;
  if (u_hasBinaryProperty(first, UCHAR_EMOJI_PRESENTATION)) return 2;
  return 1;
}

// Width of one grapheme cluster `[begin, end)`; see display_width.
uint32_t cluster_width(const char16_t* units, int32_t begin, int32_t end) {
  int32_t i = begin;
  const UChar32 first = next_code_point(units, i, end);
  const uint32_t width = first_code_point_width(first);
  if (width != 1) return width;
  // Text-default pictographs ("❤", "☺") switch to the two-column emoji form
  // with VS16; keycaps ("1️⃣") always render as emoji.
  bool pictographic = u_hasBinaryProperty(first, UCHAR_EXTENDED_PICTOGRAPHIC) != 0;
  while (i < end) {
    const UChar32 c = next_code_point(units, i, end);
    if ((c == 0xFE0F && pictographic) || c == 0x20E3) return 2;
    if (!pictographic) pictographic = u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) != 0;
  }
  return 1;
}

}  // namespace

uint32_t display_width(std::string_view text) {
  // Grapheme clusters only span several code points when one of them has a
  // Grapheme_Cluster_Break value other than Other or Control (marks, ZWJ,
  // Hangul jamo, regional indicators, prepended signs, emoji modifiers...) or
  // for CR LF (two controls: width 0 either way). Text without those, which is
  // nearly all text, is measured one code point at a time without ICU.
  uint32_t width = 0;
  const auto size = static_cast<uint32_t>(std::min(text.size(), kMaxInput));
  bool simple = true;
  for (uint32_t i = 0; i < size;) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      width += (byte == '\t' || (byte >= 0x20 && byte < 0x7F)) ? 1 : 0;
      ++i;
      continue;
    }
    const core::Decoded d = core::decode_utf8(text, i);
    const auto cp = static_cast<UChar32>(d.code_point);
    const int32_t gcb = u_getIntPropertyValue(cp, UCHAR_GRAPHEME_CLUSTER_BREAK);
    if (gcb != U_GCB_OTHER && gcb != U_GCB_CONTROL) {
      simple = false;
      break;
    }
    width += first_code_point_width(cp);
    i += d.length;
  }
  if (simple) return width;

  Utf16Text& buffer = thread_text();
  if (!load_utf16<false>(buffer, text)) return 0;
  const char16_t* units = buffer.text.getBuffer();
  const int32_t length = buffer.text.length();
  if (units == nullptr) return 0;
  width = 0;
  icu::BreakIterator* it = thread_iterator(IteratorKind::kCharacter);
  if (it == nullptr) {
    // Best effort without grapheme data: every code point is its own cluster.
    for (int32_t i = 0; i < length;) {
      const int32_t begin = i;
      next_code_point(units, i, length);
      width += cluster_width(units, begin, i);
    }
    return width;
  }
  it->setText(buffer.text);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    width += cluster_width(units, start, end);
  }
  return width;
}

}  // namespace followup::text
