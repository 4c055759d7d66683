// The two line classifiers the rest of the program may ask about too.
#include <algorithm>
#include <array>
#include <cctype>

#include "parse/draft_parser.hpp"
#include "parse/lines.hpp"

namespace followup::parse {

bool looks_like_closing(std::string_view line) {
  std::string s = lower_ascii(line);
  while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == '!' || s.back() == ' ' ||
                        s.back() == '-' || s.back() == ':' || s.back() == ';'))
    s.pop_back();
  // "Thank you for your time," on its own line before the name is a closing
  // too; only with its comma, since "Thank you for your time." is a sentence.
  if (!line.empty() && line.back() == ',' && count_words(s) <= 8) {
    for (std::string_view p : {"thank you for ", "thanks for ", "thank you again for ", "thanks again for ",
                               "many thanks for ", "with thanks for "})
      if (s.rfind(p, 0) == 0) return true;
  }
  // Only one trailing mark is allowed, and a full stop only after short forms.
  if (s.empty() || count_words(s) > 4) return false;
  static const std::array<std::string_view, 52> closings = {
      "sincerely", "sincerely yours", "yours sincerely", "yours truly", "truly yours", "very truly yours",
      "regards", "best regards", "kind regards", "kindest regards", "warm regards", "warmest regards",
      "warm wishes", "with regards", "with kind regards", "best", "all the best", "best wishes",
      "thanks", "thank you", "many thanks", "thanks again", "thank you again", "thanks so much",
      "thank you so much", "with thanks", "with gratitude", "gratefully", "respectfully",
      "yours respectfully", "respectfully yours", "cordially", "yours cordially", "cheers", "thx",
      "love", "xoxo", "later", "take care", "talk soon", "warmly", "with appreciation",
      "with best regards", "best wishes always", "hugs", "ttyl", "peace", "ciao", "yours",
      "with sincere thanks", "appreciatively", "thanks a lot"};
  return std::find(closings.begin(), closings.end(), s) != closings.end();
}

bool looks_like_salutation(std::string_view line) {
  std::string s = lower_ascii(line.substr(0, std::min<size_t>(line.size(), 40)));
  static const std::array<std::string_view, 17> greetings = {
      "dear", "hello", "hi", "hey", "greetings", "good morning", "good afternoon", "good evening",
      "good day", "to whom", "hiya", "howdy", "attn", "attention", "dearest", "hallo", "morning"};
  for (auto g : greetings) {
    if (s.rfind(g, 0) != 0) continue;
    if (s.size() == g.size()) return true;
    char next = s[g.size()];
    if (!std::isalnum(static_cast<unsigned char>(next)) && next != '-' && next != '\'') return true;
  }
  return false;
}

}  // namespace followup::parse
