#include "text/language.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <cstring>

namespace followup::text {
namespace {

struct Language {
  std::string_view code;
  std::string_view name;
  // Short words that are frequent in the language and rare in the others.
  std::array<std::string_view, 16> words;
};

// clang-format off
constexpr std::array<Language, 7> kLanguages = {{
    {"en", "English", {"the", "and", "to", "you", "for", "your", "with", "of", "my", "is", "was", "thank", "have", "would", "this", "about"}},
    {"es", "Spanish", {"el", "los", "las", "que", "y", "por", "su", "con", "para", "muy", "gracias", "usted", "del", "mi", "una", "estoy"}},
    {"fr", "French", {"le", "les", "et", "pour", "vous", "votre", "je", "avec", "est", "merci", "une", "des", "du", "mon", "sur", "nous"}},
    {"de", "German", {"der", "die", "das", "und", "ich", "sie", "ihr", "für", "mit", "ist", "nicht", "vielen", "dank", "ein", "eine", "mich"}},
    {"pt", "Portuguese", {"os", "que", "e", "para", "com", "não", "obrigado", "obrigada", "você", "seu", "sua", "uma", "muito", "da", "do", "em"}},
    {"it", "Italian", {"il", "gli", "che", "per", "con", "grazie", "sono", "della", "del", "una", "mio", "mia", "molto", "lei", "questo", "ho"}},
    {"nl", "Dutch", {"de", "het", "een", "en", "ik", "voor", "met", "niet", "u", "uw", "bedankt", "dank", "van", "graag", "ben", "mijn"}},
}};
// clang-format on

// A word of at most 8 bytes as an integer (its bytes, zero-padded): the
// table's key. Every word in kLanguages fits.
uint64_t word_key(const char* bytes, size_t size) {
  uint64_t key = 0;
  std::memcpy(&key, bytes, size);
  return key;
}

// Each known word, the languages it belongs to (bit per kLanguages entry)
// and its place in each one's list. Open addressing over 256 slots for 112
// words: a lookup is a multiply and a compare or two, where a hash map of
// strings hashed every word of every draft.
struct KnownWord {
  uint64_t key = 0;  // 0: an empty slot
  size_t size = 0;   // "u" and "u\0" have the same key
  uint32_t languages = 0;
  std::array<uint8_t, kLanguages.size()> place{};
};
constexpr size_t kSlots = 256;

size_t slot_of(uint64_t key) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 56); }

const std::array<KnownWord, kSlots>& word_table() {
  static const auto table = [] {
    std::array<KnownWord, kSlots> t{};
    for (size_t i = 0; i < kLanguages.size(); ++i)
      for (size_t k = 0; k < kLanguages[i].words.size(); ++k) {
        std::string_view w = kLanguages[i].words[k];
        const uint64_t key = word_key(w.data(), w.size());
        size_t slot = slot_of(key);
        while (t[slot].key != 0 && t[slot].key != key) slot = (slot + 1) % kSlots;
        t[slot].key = key;
        t[slot].size = w.size();
        t[slot].languages |= 1u << i;
        t[slot].place[i] = static_cast<uint8_t>(k);
      }
    return t;
  }();
  return table;
}

const KnownWord* find_known(const char* bytes, size_t size) {
  const uint64_t key = word_key(bytes, size);
  const auto& table = word_table();
  for (size_t slot = slot_of(key); table[slot].key != 0; slot = (slot + 1) % kSlots)
    if (table[slot].key == key) return table[slot].size == size ? &table[slot] : nullptr;
  return nullptr;
}

}  // namespace

std::string_view guess_language(std::string_view text, const std::vector<core::Span>& words) {
  // Occurrences and distinct words of each language: "u u u u" is not Dutch.
  std::array<int, kLanguages.size()> score{};
  std::array<uint32_t, kLanguages.size()> distinct{};  // bit per known word
  char buffer[8];
  for (core::Span w : words) {
    if (w.size() > sizeof buffer) continue;
    for (uint32_t k = 0; k < w.size(); ++k) {
      char c = text[w.begin + k];
      buffer[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    const KnownWord* known = find_known(buffer, w.size());
    if (!known) continue;
    for (size_t i = 0; i < kLanguages.size(); ++i) {
      if (!(known->languages & (1u << i))) continue;
      ++score[i];
      distinct[i] |= 1u << known->place[i];
    }
    // A plainly English note: no need to read on.
    if (score[0] >= 24) return "en";
  }
  size_t best = 0;
  for (size_t i = 1; i < score.size(); ++i)
    if (score[i] > score[best]) best = i;
  const int kinds_of_word = __builtin_popcount(distinct[best]);
  // Too few signals, or English not clearly behind: read it as English.
  if (best == 0 || score[best] < 6 || kinds_of_word < 4 || score[best] < 2 * score[0]) return score[0] >= 3 ? "en" : "";
  return kLanguages[best].code;
}

std::string_view language_name(std::string_view code) {
  for (const auto& l : kLanguages)
    if (l.code == code) return l.name;
  return code;
}

}  // namespace followup::text
