#include "text/language.hpp"

#include <array>
#include <cstdint>
#include <string>

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

std::string lower(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

}  // namespace

std::string_view guess_language(std::string_view text, const std::vector<core::Span>& words) {
  // Occurrences and distinct words of each language: "u u u u" is not Dutch.
  std::array<int, kLanguages.size()> score{};
  std::array<uint32_t, kLanguages.size()> distinct{};  // bit per known word
  for (core::Span w : words) {
    if (w.size() > 8) continue;
    std::string word = lower(text.substr(w.begin, w.size()));
    for (size_t i = 0; i < kLanguages.size(); ++i)
      for (size_t k = 0; k < kLanguages[i].words.size(); ++k)
        if (word == kLanguages[i].words[k]) {
          ++score[i];
          distinct[i] |= 1u << k;
        }
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
