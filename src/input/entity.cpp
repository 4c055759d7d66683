#include "input/entity.hpp"

#include <gumbo.h>

#include <cctype>
#include <unordered_map>

namespace followup::input {
namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// The text gumbo makes of "<p>" + ref: the reference decoded the way a
// browser would (legacy names, numeric references past U+10FFFF, ...).
std::string decode_with_gumbo(std::string_view ref) {
  std::string html = "<p>" + std::string(ref);
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::string text;
  // html > body > p > text
  const GumboNode* node = out->root;
  for (int depth = 0; depth < 3 && node && node->type == GUMBO_NODE_ELEMENT; ++depth) {
    const GumboVector& kids = node->v.element.children;
    node = kids.length == 0 ? nullptr : static_cast<const GumboNode*>(kids.data[kids.length - 1]);
  }
  if (node && node->type == GUMBO_NODE_TEXT) text = node->v.text.text;
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return text.empty() ? std::string(ref) : text;
}

}  // namespace

size_t entity_length(std::string_view s) {
  if (s.size() < 2 || s[0] != '&') return 0;
  size_t i = 1;
  // The longest HTML5 name is 31 characters; numbers are capped alike so a
  // hostile run of digits stays cheap.
  constexpr size_t kMax = 40;
  if (s[1] == '#') {
    i = 2;
    bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    size_t digits = i;
    while (i < s.size() && i < kMax &&
           (hex ? std::isxdigit(static_cast<unsigned char>(s[i])) != 0
                : std::isdigit(static_cast<unsigned char>(s[i])) != 0))
      ++i;
    if (i == digits) return 0;
  } else {
    while (i < s.size() && i < kMax && is_alnum(s[i])) ++i;
    if (i == 1) return 0;
  }
  if (i < s.size() && s[i] == ';') ++i;
  return i;
}

std::string decode_entity(std::string_view ref) {
  // A draft repeats the same few references; parse each once per thread.
  thread_local std::unordered_map<std::string, std::string> cache;
  std::string key(ref);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  std::string value = decode_with_gumbo(ref);
  if (cache.size() < 4096) cache.emplace(std::move(key), value);
  return value;
}

}  // namespace followup::input
