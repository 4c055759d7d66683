#include "text/language.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>

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

// Each known word and the languages (bit per kLanguages entry) it belongs to.
const std::unordered_map<std::string_view, uint32_t>& word_table() {
  static const auto table = [] {
    std::unordered_map<std::string_view, uint32_t> t;
    for (size_t i = 0; i < kLanguages.size(); ++i)
      for (auto w : kLanguages[i].words) t[w] |= 1u << i;
    return t;
  }();
  return table;
}

}  // namespace

std::string_view guess_language(std::string_view text, const std::vector<core::Span>& words) {
  // Occurrences and distinct words of each language: "u u u u" is not Dutch.
  std::array<int, kLanguages.size()> score{};
  std::array<uint32_t, kLanguages.size()> distinct{};  // bit per known word
  const auto& table = word_table();
  char buffer[8];
  for (core::Span w : words) {
    if (w.size() > sizeof buffer) continue;
    for (uint32_t k = 0; k < w.size(); ++k) {
      char c = text[w.begin + k];
      buffer[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    std::string_view word(buffer, w.size());
    auto it = table.find(word);
    if (it == table.end()) continue;
    for (size_t i = 0; i < kLanguages.size(); ++i) {
      if (!(it->second & (1u << i))) continue;
      ++score[i];
      for (size_t k = 0; k < kLanguages[i].words.size(); ++k)
        if (kLanguages[i].words[k] == word) distinct[i] |= 1u << k;
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
