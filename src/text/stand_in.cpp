#include "text/stand_in.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/unicode_buffer.hpp"

namespace followup::text::detail {
namespace {
// ---------------------------------------------------------------------------
// The fast path for simple text. ICU's sentence and word iterators cost tens
// of nanoseconds per boundary; over letters, digits, spaces and punctuation the
// UAX #29 rules are simple enough to run directly (AsciiSentenceBreaks and
// ascii_words). Text qualifies when each code point is ASCII or has an ASCII
// stand-in with the same Word_Break and Sentence_Break values and the same
// answers to the questions the code above asks (upper/lowercase, space,
// opening punctuation, list marker), so that segmenting the stand-in string
// gives exactly ICU's result. Accented and Greek or Cyrillic letters, curly
// quotes, dashes and no-break spaces, the usual non-ASCII in English email, all
// have one; combining marks, CJK, emoji and the like do not, and send the text
// to ICU.

// The ASCII stand-in for a non-ASCII code point, or 0 when there is none.
char stand_in(UChar32 c) {
  if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) return 0;
  // ICU segments these scripts with dictionaries, whatever their properties.
  if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) return 0;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  if (U_FAILURE(status) || script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
      script == USCRIPT_KATAKANA) {
    return 0;
  }
  const int32_t wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
  const int32_t sb = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
  const int8_t type = u_charType(c);
  const bool quote_like = type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION ||
                          type == U_FINAL_PUNCTUATION;
  // None of these letters occurs in an abbreviation that joins_next knows.
  if (wb == U_WB_ALETTER && sb == U_SB_UPPER && type == U_UPPERCASE_LETTER) return 'Q';
  if (wb == U_WB_ALETTER && sb == U_SB_LOWER && type == U_LOWERCASE_LETTER) return 'q';
  if (wb == U_WB_MIDNUMLET && sb == U_SB_CLOSE && quote_like) return '\'';  // ’ ‘
  if (wb == U_WB_OTHER && sb == U_SB_CLOSE && quote_like) return '"';         // “ ” « »
  if (wb == U_WB_OTHER && sb == U_SB_SCONTINUE && !u_isUWhiteSpace(c)) {
    return ':';  // – —, which unlike '-' do not start a list line
  }
  if ((wb == U_WB_OTHER || wb == U_WB_WSEGSPACE) && sb == U_SB_SP && u_isUWhiteSpace(c)) {
    return '\f';  // no-break and other spaces, which unlike ' ' do not indent a line
  }
  if (wb == U_WB_OTHER && sb == U_SB_OTHER) {
    if (c == 0x2022) return '*';  // the bullet, for list_marker_length
    if (type != U_CONTROL_CHAR && type != U_FORMAT_CHAR && type != U_SURROGATE &&
        type != U_PRIVATE_USE_CHAR && type != U_UNASSIGNED && !u_isUWhiteSpace(c)) {
      return '#';  // symbols: € £ ° … and U+FFFD for invalid bytes
    }
  }
  return 0;
}


}  // namespace

bool build_stand_in(std::string_view text, bool ascii, StandInText& out) {
  if (out.chars.capacity() > static_cast<size_t>(kKeepCapacity) &&
      text.size() < static_cast<size_t>(kKeepCapacity / 4)) {
    std::string().swap(out.chars);
    std::vector<uint32_t>().swap(out.byte_offsets);
  }
  out.identity = ascii;
  if (ascii) {
    out.chars.assign(text);
    return true;
  }
  out.chars.clear();
  out.byte_offsets.clear();
  const auto size = static_cast<uint32_t>(text.size());
  for (uint32_t i = 0; i < size;) {
    const auto byte = static_cast<unsigned char>(text[i]);
    out.byte_offsets.push_back(i);
    if (byte < 0x80) {
      out.chars.push_back(static_cast<char>(byte));
      ++i;
      continue;
    }
    const core::Decoded d = core::decode_utf8(text, i);
    const char c = stand_in(static_cast<UChar32>(d.code_point));
    if (c == 0) return false;
    out.chars.push_back(c);
    i += d.length;
  }
  out.byte_offsets.push_back(size);
  return true;
}


StandInText& thread_stand_in() {
  thread_local StandInText buffer;
  return buffer;
}

}  // namespace followup::text::detail
