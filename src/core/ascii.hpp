// Comparing protocol words without regard to ASCII case: header names, MIME
// types and parameters, month names. Bytes outside ASCII compare as they are.
#pragma once

#include <string_view>

namespace followup::core {

inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

}  // namespace followup::core
