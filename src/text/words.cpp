#include "text/words.hpp"

#include <unicode/uchar.h>

#include <array>

#include "text/stand_in.hpp"
#include "text/unicode_buffer.hpp"

namespace followup::text {
namespace {

using namespace detail;

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

}  // namespace


namespace {

// The words of `text` (offsets into it) appended to `result`, which holds
// `first` spans already.
void find_words(std::string_view text, size_t first, std::vector<Span>& result) {
  if (text.empty() || text.size() > kMaxInput) return;
  if (is_ascii(text)) {
    ascii_words(text, result);
    return;
  }
  StandInText& simple = thread_stand_in();
  if (build_stand_in(text, false, simple)) {
    ascii_words(simple.chars, result);
    for (size_t k = first; k < result.size(); ++k) {
      result[k] = {simple.to_byte(static_cast<int32_t>(result[k].begin)),
                   simple.to_byte(static_cast<int32_t>(result[k].end))};
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

}  // namespace

std::vector<Span> split_words(std::string_view text) {
  std::vector<Span> result;
  split_words(text, result);
  return result;
}

void split_words(std::string_view text, std::vector<Span>& result) {
  result.clear();
  append_words(text, 0, result);
}

void append_words(std::string_view text, uint32_t offset, std::vector<Span>& out) {
  const size_t first = out.size();
  find_words(text, first, out);
  if (offset == 0) return;
  for (size_t k = first; k < out.size(); ++k) out[k] = {out[k].begin + offset, out[k].end + offset};
}

}  // namespace followup::text
