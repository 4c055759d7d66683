#include "core/utf8.hpp"

namespace followup::core {

Decoded decode_utf8(std::string_view text, uint32_t offset) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const auto n = static_cast<uint32_t>(text.size());
  unsigned char c = s[offset];
  if (c < 0x80) return {c, 1};
  uint32_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return {0xFFFD, 1};
  }
  if (offset + len > n) return {0xFFFD, 1};
  for (uint32_t i = 1; i < len; ++i) {
    unsigned char cc = s[offset + i];
    if ((cc & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0xFFFD, 1};
  return {cp, len};
}

std::optional<uint32_t> find_invalid_utf8(std::string_view text) {
  const auto n = static_cast<uint32_t>(text.size());
  uint32_t i = 0;
  while (i < n) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    Decoded d = decode_utf8(text, i);
    if (d.code_point == 0xFFFD && d.length == 1) return i;
    i += d.length;
  }
  return std::nullopt;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// It reads the text as decode_utf8 does, so that on invalid input each
// stray byte counts as one U+FFFD, in agreement with the language server's UTF-16 columns (lsp/convert.cpp).
uint32_t count_code_points(std::string_view text) {
  const auto n = static_cast<uint32_t>(text.size());
  uint32_t count = 0;
  for (uint32_t i = 0; i < n; ++count) {
    i += static_cast<unsigned char>(text[i]) < 0x80 ? 1 : decode_utf8(text, i).length;
  }
  return count;
}

std::string replace_invalid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (uint32_t i = 0; i < text.size();) {
    const Decoded d = decode_utf8(text, i);
    append_utf8(out, d.code_point);
    i += d.length;
  }
  return out;
}

}  // namespace followup::core
