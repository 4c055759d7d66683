#include "rules/wording.hpp"

#include <cctype>

namespace followup::rules {

std::string match_case(std::string_view matched, std::string replacement) {
  if (!matched.empty() && !replacement.empty() && std::isupper(static_cast<unsigned char>(matched[0])) &&
      std::islower(static_cast<unsigned char>(replacement[0])))
    replacement[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(replacement[0])));
  return replacement;
}

std::string excerpt(std::string_view text, size_t max) {
  auto nl = text.find_first_of("\r\n");
  bool cut = nl != std::string_view::npos;
  if (cut) text = text.substr(0, nl);
  if (text.size() > max) {
    size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text = text.substr(0, end);
    cut = true;
  }
  std::string out(text);
  if (cut) out += "...";
  return out;
}

}  // namespace followup::rules
