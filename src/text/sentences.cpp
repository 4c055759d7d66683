#include "text/sentences.hpp"

#include <unicode/uchar.h>

#include <array>

#include "text/stand_in.hpp"
#include "text/unicode_buffer.hpp"

namespace followup::text {
namespace {

using namespace detail;

// ---------------------------------------------------------------------------
// ASCII character classes for the fast paths, following UAX #29 as ICU 72
// implements it. The fast paths are checked against ICU in the tests; they
// were also fuzzed against it (millions of random strings, and every code
// point that has a stand-in in a few dozen contexts) with no difference.

enum AsciiClass : uint8_t {
  kOther,
  kSpace,      // Sentence_Break=Sp: space, tab, VT, FF (CR and LF are patched out)
  kLower,      // a-z
  kUpper,      // A-Z
  kDigit,      // 0-9
  kATerm,      // .
  kSTerm,      // ! ?
  kClose,      // " ' ( ) [ ] { }
  kSContinue,  // , - :  (not ';' before Unicode 15.1)
};

constexpr std::array<AsciiClass, 128> make_ascii_classes() {
  std::array<AsciiClass, 128> table{};
  for (auto& c : table) c = kOther;
  table[' '] = table['\t'] = table['\v'] = table['\f'] = table['\n'] = table['\r'] = kSpace;
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<size_t>(c)] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<size_t>(c)] = kUpper;
  for (int c = '0'; c <= '9'; ++c) table[static_cast<size_t>(c)] = kDigit;
  table['.'] = kATerm;
  table['!'] = table['?'] = kSTerm;
  for (char c : {'"', '\'', '(', ')', '[', ']', '{', '}'}) {
    table[static_cast<size_t>(c)] = kClose;
  }
  for (char c : {',', '-', ':'}) table[static_cast<size_t>(c)] = kSContinue;
  return table;
}
constexpr std::array<AsciiClass, 128> kAsciiClass = make_ascii_classes();

AsciiClass ascii_class(char c) { return kAsciiClass[static_cast<unsigned char>(c) & 0x7F]; }

// ICU's sentence iterator over pure ASCII, rules SB6-SB11 of UAX #29 (there
// is no ParaSep in ASCII once CR and LF are patched to spaces). Returns
// boundaries after 0 in increasing order, the text length last, then -1; the
// same contract as BreakIterator::next() after first().
class AsciiSentenceBreaks {
 public:
  AsciiSentenceBreaks(const char* text, int32_t length) : text_(text), length_(length) {}

  int32_t next() {
    if (pos_ >= length_) return -1;
    int32_t i = pos_;
    while (i < length_) {
      const AsciiClass c = ascii_class(text_[i]);
      if (c != kATerm && c != kSTerm) {
        ++i;
        continue;
      }
      if (c == kATerm && i + 1 < length_) {
        const AsciiClass after = ascii_class(text_[i + 1]);
        // SB6 "3.5"; SB7 "U.S" (letter, period, uppercase with no space).
        if (after == kDigit) {
          ++i;
          continue;
        }
        if (after == kUpper && i > 0) {
          const AsciiClass before = ascii_class(text_[i - 1]);
          if (before == kUpper || before == kLower) {
            ++i;
            continue;
          }
        }
      }
      // SB9, SB10: closing punctuation and spaces stay with the terminator.
      int32_t k = i + 1;
      while (k < length_ && ascii_class(text_[k]) == kClose) ++k;
      while (k < length_ && ascii_class(text_[k]) == kSpace) ++k;
      if (k >= length_) break;
      if (c == kATerm) {
        // SB8: a lowercase letter before any other letter or terminator means
        // the period was an abbreviation ("p.m. today", "etc. 5 more").
        int32_t m = k;
        while (m < length_) {
          const AsciiClass x = ascii_class(text_[m]);
          if (x == kLower || x == kUpper || x == kATerm || x == kSTerm) break;
          ++m;
        }
        if (m < length_ && ascii_class(text_[m]) == kLower) {
          i = m;
          continue;
        }
      }
      // SB8a: "Wait, what?!" and "end. - continued" do not break.
      const AsciiClass at = ascii_class(text_[k]);
      if (at == kSContinue || at == kATerm || at == kSTerm) {
        i = k;
        continue;
      }
      pos_ = k;  // SB11
      return k;
    }
    pos_ = length_;
    return length_;
  }

 private:
  const char* text_;
  int32_t length_;
  int32_t pos_ = 0;
};

// Adapts a BreakIterator (already given its text) to the same interface.
class IcuBreaks {
 public:
  explicit IcuBreaks(icu::BreakIterator* it) : it_(it) { it_->first(); }
  int32_t next() {
    const int32_t b = it_->next();
    return b == icu::BreakIterator::DONE ? -1 : b;
  }

 private:
  icu::BreakIterator* it_;
};

// ---------------------------------------------------------------------------
// Sentences.

template <typename Char>
bool is_space_unit(Char c) {
  const uint32_t u = unit_value(c);
  if (u < 0x80) return u == ' ' || (u >= '\t' && u <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(u)) != 0;
}

// Opening brackets and quotes may sit between a boundary and the next word,
// or in front of an abbreviation: `(Dr. Smith)`, `"Mr. Jones`, `“Dr. Rivera`.
template <typename Char>
bool is_opening_punct(Char c) {
  const uint32_t u = unit_value(c);
  if (u == '(' || u == '[' || u == '{' || u == '"' || u == '\'') return true;
  if (u < 0x80) return false;
  const int8_t type = u_charType(static_cast<UChar32>(u));
  // Final quotes open quotations in Swedish and Finnish (”Hej”) and in the
  // autocorrected ’Tis; skipping one in front of a word is always harmless.
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION ||
         type == U_FINAL_PUNCTUATION;
}

template <typename Char, size_t N>
bool equals_any(const Char* units, int32_t begin, int32_t end,
                const std::string_view (&literals)[N]) {
  const auto size = static_cast<size_t>(end - begin);
  for (std::string_view literal : literals) {
    if (literal.size() != size) continue;
    size_t k = 0;
    while (k < size && unit_value(units[static_cast<size_t>(begin) + k]) ==
                           static_cast<unsigned char>(literal[k])) {
      ++k;
    }
    if (k == size) return true;
  }
  return false;
}

// Abbreviations that precede a name, so a following capitalized word is the
// name and not a new sentence. Matched exactly as written: "DR." is shouting,
// not a title, and "st." in lowercase is rarely "Saint"/"Street".
constexpr std::string_view kTitles[] = {"Mr.", "Ms.",  "Mrs.", "Dr.", "Prof.",
                                        "St.", "Jr.", "Sr.",  "Mt.", "vs."};

// Abbreviations that end sentences as often as not; only a lowercase word
// after them proves the sentence goes on ("at 3 p.m. today" vs "at 3 p.m. Then").
// ICU's rule SB8 already joins most of these; the list covers what it misses.
constexpr std::string_view kLowercaseContinues[] = {"a.m.", "p.m.",    "A.M.", "P.M.",
                                                    "e.g.", "i.e.",    "etc.", "approx.",
                                                    "Inc.", "Ltd.",    "Co."};

// Whether `[begin, end)` is a single uppercase letter followed by a period.
template <typename Char>
bool is_initial(const Char* units, int32_t begin, int32_t end) {
  if (end - begin < 2 || unit_value(units[end - 1]) != '.') return false;
  int32_t i = begin;
  const UChar32 c = next_code_point(units, i, end - 1);
  return i == end - 1 && u_isupper(c) != 0;
}

// Decides whether the boundary at `cut` is a false one after an abbreviation
// or initial. `start` is where the current sentence begins and `limit` is
// where the look-ahead must stop (the next forced boundary).
template <typename Char>
bool joins_next(const Char* units, int32_t start, int32_t cut, int32_t limit) {
  int32_t end = cut;
  while (end > start && is_space_unit(units[end - 1])) --end;
  if (end - start < 2 || unit_value(units[end - 1]) != '.') return false;
  int32_t token = end - 1;
  while (token > start && !is_space_unit(units[token - 1])) --token;
  while (token < end && is_opening_punct(units[token])) ++token;

  int32_t next = cut;
  while (next < limit && (is_space_unit(units[next]) || is_opening_punct(units[next]))) ++next;
  if (next >= limit) return false;
  const UChar32 c = next_code_point(units, next, limit);

  if (u_isupper(c) || u_istitle(c)) {
    // "Dr. Rivera", "Dr. A. J. Rivera": an initial starts uppercase too, so a
    // chain of initials is joined one boundary at a time.
    return equals_any(units, token, end, kTitles) || is_initial(units, token, end);
  }
  if (u_islower(c)) return equals_any(units, token, end, kLowercaseContinues);
  return false;
}

// A boundary that is not the sentence iterator's to decide: the start of a
// bulleted or numbered line, or of the first line after a list item or a
// blank line.
struct ForcedBreak {
  int32_t position;
  bool list_item;  // the segment starting here is a list item
};

// Length in units of a list marker ("- ", "* ", "• ", "12. ", "3) ") at `i`,
// without the trailing blank, or 0. Numbers are capped at two digits so that a
// hard-wrapped line starting with a year ("2024. ...") is not taken for a list.
template <typename Char>
int32_t list_marker_length(const Char* units, int32_t i, int32_t length) {
  auto blank_at = [&](int32_t k) {
    return k < length && (unit_value(units[k]) == ' ' || unit_value(units[k]) == '\t');
  };
  if (i >= length) return 0;
  const uint32_t c = unit_value(units[i]);
  if (c == '-' || c == '*' || c == 0x2022) return blank_at(i + 1) ? 1 : 0;
  int32_t k = i;
  while (k < length && k - i < 3 && unit_value(units[k]) - uint32_t{'0'} <= 9) ++k;
  const int32_t digits = k - i;
  if (digits == 0 || digits > 2 || k >= length) return 0;
  const uint32_t after = unit_value(units[k]);
  if ((after == '.' || after == ')') && blank_at(k + 1)) return digits + 1;
  return 0;
}

// Rewrites the copy that the sentence iterator sees: line breaks become spaces
// (ICU would otherwise end a sentence at every hard wrap) and list markers
// become spaces (ICU reads "1. " as a complete sentence), recording forced
// boundaries. Lengths are unchanged so indexes still map to bytes.
//
// A list item runs on over following lines only while they look like its
// wrapped continuation: indented, or starting with a lowercase letter. An
// unindented line that starts otherwise ends the list ("2) Start date\nThanks
// again."). A blank line always ends the segment before it; paragraphs are
// normally split by the caller, but a stray one should not glue
// "Regards,\n\nJohn" into one sentence.
template <typename Char>
void patch_sentence_copy(Char* units, int32_t length, std::vector<ForcedBreak>& breaks) {
  bool in_list = false;
  bool after_blank = false;
  for (int32_t line = 0; line < length;) {
    int32_t line_end = line;
    while (line_end < length && unit_value(units[line_end]) != '\n' &&
           unit_value(units[line_end]) != '\r') {
      ++line_end;
    }
    int32_t i = line;
    while (i < line_end && (unit_value(units[i]) == ' ' || unit_value(units[i]) == '\t')) ++i;

    if (i == line_end) {
      after_blank = line > 0;
    } else if (const int32_t marker = list_marker_length(units, i, line_end); marker > 0) {
      breaks.push_back({line, true});
      std::fill(units + i, units + i + marker, static_cast<Char>(' '));
      in_list = true;
      after_blank = false;
    } else {
      int32_t first = i;
      const bool lowercase = u_islower(next_code_point(units, first, line_end)) != 0;
      if (after_blank || (in_list && i == line && !lowercase)) {
        breaks.push_back({line, false});
        in_list = false;
      }
      after_blank = false;
    }

    if (line_end >= length) break;
    if (unit_value(units[line_end]) == '\r' && line_end + 1 < length &&
        unit_value(units[line_end + 1]) == '\n') {
      units[line_end++] = static_cast<Char>(' ');
    }
    units[line_end++] = static_cast<Char>(' ');
    line = line_end;
  }
}

// Combines the iterator's boundaries with the forced ones, undoes false
// boundaries after abbreviations, trims and appends the sentences.
template <typename Char, typename Breaks, typename ToByte>
void assemble_sentences(const Char* units, int32_t length, const std::vector<ForcedBreak>& forced,
                        Breaks& breaks, const ToByte& to_byte,
                        std::vector<SentenceSpan>& result) {
  int32_t start = 0;
  bool start_is_list = false;
  size_t next_forced = 0;

  auto emit = [&](int32_t begin, int32_t end, bool list_item) {
    while (begin < end && is_space_unit(units[begin])) ++begin;
    while (end > begin && is_space_unit(units[end - 1])) --end;
    if (begin < end) result.push_back({{to_byte(begin), to_byte(end)}, list_item});
  };
  // Forced boundaries always cut.
  auto take_forced_until = [&](int32_t position) {
    for (; next_forced < forced.size() && forced[next_forced].position <= position;
         ++next_forced) {
      emit(start, forced[next_forced].position, start_is_list);
      start = forced[next_forced].position;
      start_is_list = forced[next_forced].list_item;
    }
  };

  for (int32_t cut = breaks.next(); cut >= 0 && cut < length; cut = breaks.next()) {
    take_forced_until(cut);
    if (cut <= start) continue;  // coincides with the forced boundary just taken
    const int32_t limit = next_forced < forced.size() ? forced[next_forced].position : length;
    if (joins_next(units, start, cut, limit)) continue;
    emit(start, cut, start_is_list);
    start = cut;
  }
  take_forced_until(length);
  emit(start, length, start_is_list);
}


}  // namespace


std::vector<SentenceSpan> split_sentences(std::string_view text) {
  std::vector<SentenceSpan> result;
  split_sentences(text, result);
  return result;
}

void split_sentences(std::string_view text, std::vector<SentenceSpan>& result) {
  result.clear();
  if (text.empty() || text.size() > kMaxInput) return;
  thread_local std::vector<ForcedBreak> forced;
  forced.clear();

  // The stand-in is a copy, so it can be patched in place.
  StandInText& simple = thread_stand_in();
  if (build_stand_in(text, is_ascii(text), simple)) {
    char* chars = simple.chars.data();
    const auto length = static_cast<int32_t>(simple.chars.size());
    patch_sentence_copy(chars, length, forced);
    AsciiSentenceBreaks breaks(chars, length);
    auto to_byte = [&simple](int32_t i) { return simple.to_byte(i); };
    assemble_sentences(chars, length, forced, breaks, to_byte, result);
    return;
  }

  forced.clear();
  icu::BreakIterator* it = thread_iterator(IteratorKind::kSentence);
  if (it == nullptr) return;
  Utf16Text& buffer = thread_text();
  auto patch = [](char16_t* units, int32_t length) {
    patch_sentence_copy(units, length, forced);
  };
  if (!load_utf16<true>(buffer, text, patch)) return;
  const char16_t* units = buffer.text.getBuffer();
  if (units == nullptr) return;
  it->setText(buffer.text);
  IcuBreaks breaks(it);
  auto to_byte = [&buffer](int32_t i) { return buffer.to_byte(i); };
  assemble_sentences(units, buffer.text.length(), forced, breaks, to_byte, result);
  return;
}

}  // namespace followup::text
