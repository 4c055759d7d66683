#include "parse/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <memory>
#include <utility>

#include "core/utf8.hpp"

namespace followup::parse {
namespace {

using core::Span;

// ICU indexes strings with int32_t; anything longer cannot be segmented.
constexpr size_t kMaxInput = static_cast<size_t>(std::numeric_limits<int32_t>::max()) - 1;

// Per-thread buffers keep the capacity of the largest recent input so that
// steady-state calls allocate nothing but their result. One huge input should
// not pin hundreds of MB for the life of the thread, though, so a buffer this
// much larger than the next input is released.
constexpr int32_t kKeepCapacity = 1 << 20;

bool is_ascii(std::string_view text) {
  // OR-reduce in a branch-free loop the compiler can vectorize; ASCII is by far
  // the most common input and every ASCII fast path starts with this check.
  unsigned char acc = 0;
  for (char c : text) acc |= static_cast<unsigned char>(c);
  return acc < 0x80;
}

// ---------------------------------------------------------------------------
// UTF-8 -> UTF-16 with a map back to byte offsets.

struct Utf16Text {
  icu::UnicodeString text;
  // byte_offsets[i] is the byte offset in the UTF-8 input of the code point
  // that UTF-16 unit i belongs to; byte_offsets[length] is the input size.
  // Left unused for ASCII input, where the two index spaces are the same.
  std::vector<uint32_t> byte_offsets;
  bool identity = true;

  uint32_t to_byte(int32_t index) const {
    return identity ? static_cast<uint32_t>(index)
                    : byte_offsets[static_cast<size_t>(index)];
  }
};

Utf16Text& thread_text() {
  thread_local Utf16Text buffer;
  return buffer;
}

struct NoPatch {
  void operator()(char16_t*, int32_t) const {}
};

// Fills `out` with `text` converted to UTF-16 (invalid bytes become U+FFFD,
// one unit per byte, like core::decode_utf8). `patch` may rewrite units in
// place before the string is sealed, which is how split_sentences builds its
// modified copy without a second buffer. Returns false only when the input is
// too large for ICU or ICU cannot allocate.
template <bool kWithMap, typename Patch = NoPatch>
bool load_utf16(Utf16Text& out, std::string_view text, Patch&& patch = Patch{}) {
  if (text.size() > kMaxInput) return false;
  const auto n = static_cast<int32_t>(text.size());
  if (out.text.getCapacity() > kKeepCapacity && n < kKeepCapacity / 4) {
    out.text = icu::UnicodeString();
    std::vector<uint32_t>().swap(out.byte_offsets);
  }
  // Without this getBuffer would copy the previous contents when it grows.
  out.text.remove();
  // A UTF-8 sequence never needs more UTF-16 units than it has bytes.
  char16_t* units = out.text.getBuffer(std::max(n, 1));
  if (units == nullptr) return false;

  int32_t length = 0;
  out.identity = is_ascii(text);
  if (out.identity) {
    for (int32_t i = 0; i < n; ++i) {
      units[i] = static_cast<char16_t>(static_cast<unsigned char>(text[static_cast<size_t>(i)]));
    }
    length = n;
  } else {
    uint32_t* map = nullptr;
    if constexpr (kWithMap) {
      out.byte_offsets.resize(static_cast<size_t>(n) + 1);
      map = out.byte_offsets.data();
    }
    const auto size = static_cast<uint32_t>(n);
    uint32_t i = 0;
    while (i < size) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x80) {
        if constexpr (kWithMap) map[length] = i;
        units[length++] = byte;
        ++i;
        continue;
      }
      const core::Decoded d = core::decode_utf8(text, i);
      const char32_t cp = d.code_point;
      if (cp < 0x10000) {
        if constexpr (kWithMap) map[length] = i;
        units[length++] = static_cast<char16_t>(cp);
      } else {
        if constexpr (kWithMap) map[length] = map[length + 1] = i;
        units[length++] = static_cast<char16_t>(0xD7C0 + (cp >> 10));
        units[length++] = static_cast<char16_t>(0xDC00 | (cp & 0x3FF));
      }
      i += d.length;
    }
    if constexpr (kWithMap) map[length] = size;
  }
  patch(units, length);
  out.text.releaseBuffer(length);
  return true;
}

// Reads the code point at `i` (< end) and advances `i`; unpaired surrogates
// come back as themselves, which is what ICU's property functions expect.
UChar32 next_code_point(const char16_t* units, int32_t& i, int32_t end) {
  const char16_t lead = units[i++];
  if (lead >= 0xD800 && lead <= 0xDBFF && i < end) {
    const char16_t trail = units[i];
    if (trail >= 0xDC00 && trail <= 0xDFFF) {
      ++i;
      return (static_cast<UChar32>(lead) << 10) + trail - ((0xD800 << 10) + 0xDC00 - 0x10000);
    }
  }
  return lead;
}

// ---------------------------------------------------------------------------
// Break iterators, one of each kind per thread.

enum class IteratorKind { kSentence, kWord, kCharacter };

// Creating a break iterator loads and parses rule data (tens of microseconds or
// more), far more than segmenting a typical paragraph, so each thread creates
// one of each kind the first time it needs it and then only calls setText.
// Creating rather than cloning a shared prototype sidesteps any question about
// concurrent clone() calls; it costs once per thread.
icu::BreakIterator* thread_iterator(IteratorKind kind) {
  thread_local std::unique_ptr<icu::BreakIterator> iterators[3];
  thread_local bool failed[3] = {false, false, false};
  const auto slot = static_cast<size_t>(kind);
  if (!iterators[slot] && !failed[slot]) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale en("en");
    std::unique_ptr<icu::BreakIterator> created;
    switch (kind) {
      case IteratorKind::kSentence:
        created.reset(icu::BreakIterator::createSentenceInstance(en, status));
        break;
      case IteratorKind::kWord:
        created.reset(icu::BreakIterator::createWordInstance(en, status));
        break;
      case IteratorKind::kCharacter:
        created.reset(icu::BreakIterator::createCharacterInstance(en, status));
        break;
    }
    // A missing ICU data file fails every time; remember it instead of retrying
    // (and paying for the lookup) on every call.
    if (U_FAILURE(status) || !created) {
      failed[slot] = true;
    } else {
      iterators[slot] = std::move(created);
    }
  }
  return iterators[slot].get();
}

// ---------------------------------------------------------------------------
// Code units. The sentence code runs either on the UTF-16 copy that ICU needs
// or on the one-byte-per-code-point ASCII stand-in of the fast path (see
// StandInText); these overloads let the same templates serve both.

uint32_t unit_value(char c) { return static_cast<unsigned char>(c); }
uint32_t unit_value(char16_t c) { return c; }

UChar32 next_code_point(const char* units, int32_t& i, int32_t /*end*/) {
  return static_cast<unsigned char>(units[i++]);  // stand-ins are ASCII
}

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

// ---------------------------------------------------------------------------
// Words.

// Word break classes of UAX #29 for ASCII as ICU 72 tailors them: ICU counts
// '@' as a letter (so "jane@example.com" is one word) and leaves ':' out of
// MidLetter (so "a:b" is two).
enum WordClass : uint8_t {
  kWordOther,
  kWordLetter,     // A-Z a-z @
  kWordDigit,      // 0-9
  kWordConnector,  // _ (ExtendNumLet)
  kWordMidBoth,    // . ' (MidNumLet, Single_Quote): joins letters or digits
  kWordMidNum,     // , ; (MidNum): joins digits
};

constexpr std::array<WordClass, 128> make_word_classes() {
  std::array<WordClass, 128> table{};
  for (auto& c : table) c = kWordOther;
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<size_t>(c)] = kWordLetter;
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<size_t>(c)] = kWordLetter;
  for (int c = '0'; c <= '9'; ++c) table[static_cast<size_t>(c)] = kWordDigit;
  table['@'] = kWordLetter;
  table['_'] = kWordConnector;
  table['.'] = table['\''] = kWordMidBoth;
  table[','] = table[';'] = kWordMidNum;
  return table;
}
constexpr std::array<WordClass, 128> kWordClass = make_word_classes();

WordClass word_class(char c) { return kWordClass[static_cast<unsigned char>(c) & 0x7F]; }

// split_words for pure ASCII without ICU (checked against ICU in the tests).
// A word is a run of letters, digits and underscores, also joined across one
// '.' or '\'' between two letters or two digits (WB6, WB7, WB11, WB12) and one
// ',' or ';' between two digits. Whether ICU calls the run a word (rule status
// LETTER or NUMBER) or not (NONE) depends on the last rule that matched: every
// run with a letter or digit is a word, and so is "__", but a lone '_' matches
// no rule and is not.
void ascii_words(std::string_view text, std::vector<Span>& result) {
  // Most bytes are letters inside a word or spaces between words: both get
  // a tight loop; the joiners and '_' take the careful path.
  static constexpr auto kFlags = [] {
    std::array<uint8_t, 256> flags{};  // 1: letter or digit, 2: starts a run (also '_')
    for (size_t c = 0; c < 128; ++c) {
      const WordClass k = kWordClass[c];
      if (k == kWordLetter || k == kWordDigit) flags[c] = 3;
      if (k == kWordConnector) flags[c] = 2;
    }
    return flags;
  }();
  auto is_alnum = [](char c) { return (kFlags[static_cast<unsigned char>(c)] & 1) != 0; };
  const auto n = static_cast<uint32_t>(text.size());
  const char* s = text.data();
  uint32_t i = 0;
  while (i < n) {
    while (i < n && !(kFlags[static_cast<unsigned char>(s[i])] & 2)) ++i;
    if (i >= n) break;
    const uint32_t begin = i;
    bool is_word = false;
    while (i < n) {
      if (is_alnum(s[i])) {
        is_word = true;
        do ++i;
        while (i < n && is_alnum(s[i]));
        continue;
      }
      const WordClass c = word_class(s[i]);
      if (c == kWordConnector) {
        is_word = is_word || i > begin;
      } else if (c == kWordMidBoth || c == kWordMidNum) {
        if (i + 1 >= n) break;
        const WordClass before = word_class(s[i - 1]);
        const WordClass after = word_class(s[i + 1]);
        const bool letters = c == kWordMidBoth && before == kWordLetter && after == kWordLetter;
        const bool digits = before == kWordDigit && after == kWordDigit;
        if (!letters && !digits) break;
      } else {
        break;
      }
      ++i;
    }
    if (is_word) result.push_back({begin, i});
  }
}

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

struct StandInText {
  std::string chars;  // one ASCII char per code point of the input
  // byte_offsets[i] is where chars[i]'s code point starts in the input, and
  // byte_offsets[size] the input size; unused when the input is ASCII.
  std::vector<uint32_t> byte_offsets;
  bool identity = true;

  uint32_t to_byte(int32_t index) const {
    return identity ? static_cast<uint32_t>(index)
                    : byte_offsets[static_cast<size_t>(index)];
  }
};

// Builds the stand-in for `text` in `out`; false when some code point has none.
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

std::vector<Span> split_words(std::string_view text) {
  std::vector<Span> result;
  split_words(text, result);
  return result;
}

void split_words(std::string_view text, std::vector<Span>& result) {
  result.clear();
  if (text.empty() || text.size() > kMaxInput) return;
  if (is_ascii(text)) {
    ascii_words(text, result);
    return;
  }
  StandInText& simple = thread_stand_in();
  if (build_stand_in(text, false, simple)) {
    ascii_words(simple.chars, result);
    for (Span& word : result) {
      word = {simple.to_byte(static_cast<int32_t>(word.begin)),
              simple.to_byte(static_cast<int32_t>(word.end))};
    }
    return;
  }

  icu::BreakIterator* it = thread_iterator(IteratorKind::kWord);
  if (it == nullptr) return;
  Utf16Text& buffer = thread_text();
  if (!load_utf16<true>(buffer, text)) return;

  it->setText(buffer.text);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    // The rule status ranges are NONE [0,100), NUMBER, LETTER, KANA, IDEO up to
    // 500; anything from NUMBER on is a word. Spaces, punctuation and emoji are NONE.
    const int32_t status = it->getRuleStatus();
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_IDEO_LIMIT) {
      result.push_back({buffer.to_byte(start), buffer.to_byte(end)});
    }
  }
  return;
}

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

std::string comparison_key(std::string_view text) {
  std::string key;
  if (is_ascii(text)) {
    key.assign(text);
    for (char& c : key) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
  }
  if (text.size() > kMaxInput) return key;
  icu::UnicodeString folded = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  folded.foldCase(U_FOLD_CASE_DEFAULT);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed;
  if (U_SUCCESS(status) && nfd != nullptr) {
    nfd->normalize(folded, decomposed, status);
  }
  // Without normalization data, the folded string is the best key we have.
  const icu::UnicodeString& source = U_SUCCESS(status) ? decomposed : folded;
  const char16_t* units = source.getBuffer();
  const int32_t length = source.length();
  if (units == nullptr) return key;
  key.reserve(text.size());
  for (int32_t i = 0; i < length;) {
    const UChar32 c = next_code_point(units, i, length);
    if (c < 0x80) {
      key.push_back(static_cast<char>(c));
    } else if (u_charType(c) != U_NON_SPACING_MARK) {
      core::append_utf8(key, static_cast<char32_t>(c));
    }
  }
  return key;
}

uint32_t edit_distance(std::string_view a, std::string_view b, uint32_t limit) {
  // Reused per thread: names are compared against each other in loops.
  thread_local std::vector<char32_t> x;
  thread_local std::vector<char32_t> y;
  thread_local std::vector<uint32_t> rows[3];
  auto decode = [](std::string_view text, std::vector<char32_t>& out) {
    out.clear();
    const auto size = static_cast<uint32_t>(std::min(text.size(), kMaxInput));
    for (uint32_t i = 0; i < size;) {
      const core::Decoded d = core::decode_utf8(text, i);
      out.push_back(d.code_point);
      i += d.length;
    }
  };
  decode(a, x);
  decode(b, y);
  const size_t n = x.size(), m = y.size();
  // No distance exceeds the longer length, so `far` cannot overflow.
  limit = static_cast<uint32_t>(std::min<size_t>(limit, std::max(n, m)));
  const uint32_t far = limit + 1;
  if ((n > m ? n - m : m - n) > limit) return far;

  // Row i lives in rows[i % 3] (the transposition looks two rows up). Only
  // the cells within `limit` of the diagonal are computed; each buffer last
  // held row i - 3, so the cells just outside the band are reset to `far`,
  // the only ones the next two rows read besides the band itself.
  for (auto& r : rows) r.assign(m + 1, far);
  for (size_t j = 0; j <= std::min<size_t>(m, limit); ++j) rows[0][j] = static_cast<uint32_t>(j);
  for (size_t i = 1; i <= n; ++i) {
    auto& row = rows[i % 3];
    const auto& up = rows[(i - 1) % 3];
    const auto& up2 = rows[(i + 1) % 3];  // row i - 2
    const size_t lo = i > limit ? i - limit : 0;
    const size_t hi = std::min(m, i + limit);
    if (lo == 0) {
      row[0] = static_cast<uint32_t>(i);
    } else {
      row[lo - 1] = far;
    }
    if (hi + 1 <= m) row[hi + 1] = far;
    uint32_t best = lo == 0 ? row[0] : far;
    for (size_t j = std::max<size_t>(lo, 1); j <= hi; ++j) {
      const uint32_t substitute = up[j - 1] + (x[i - 1] == y[j - 1] ? 0u : 1u);
      uint32_t v = std::min({up[j] + 1, row[j - 1] + 1, substitute});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) v = std::min(v, up2[j - 2] + 1);
      row[j] = std::min(v, far);
      best = std::min(best, row[j]);
    }
    if (best > limit) return far;  // every alignment is already too far
  }
  return rows[n % 3][m];
}

}  // namespace followup::parse
