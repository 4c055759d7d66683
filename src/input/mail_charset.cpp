#include "input/mail_charset.hpp"

#include <algorithm>
#include <string>

#include "core/utf8.hpp"
#include "text/charset.hpp"

namespace followup::input {

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void utf8_to_utf8(std::string_view bytes, CharsetDecoded& result) {
  size_t run = 0;  // start of the current run of valid bytes
  size_t i = 0;
  while (i < bytes.size()) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    core::Decoded d = core::decode_utf8(bytes, static_cast<uint32_t>(i));
    if (d.code_point != 0xFFFD || d.length > 1) {
      i += d.length;
      continue;
    }
    append_verbatim(result.out, bytes.substr(run, i - run), static_cast<uint32_t>(run));
    append_encoded(result.out, kReplacement,
                   {static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)});
    if (!result.bad_offset) result.bad_offset = static_cast<uint32_t>(i);
    run = ++i;
  }
  append_verbatim(result.out, bytes.substr(run), static_cast<uint32_t>(run));
}

// Each code point maps onto the bytes that encoded it; an ASCII byte that
// decoded to itself stays verbatim, so an ASCII word of a windows-1252 part
// can still be fixed in place.
void transcoded_to_mapped(std::string_view bytes, const text::Transcoded& t,
                          CharsetDecoded& result) {
  result.out.text = t.utf8;
  for (size_t k = 0; k + 1 < t.origins.size(); ++k) {
    core::Span decoded{t.origins[k].decoded, t.origins[k + 1].decoded};
    core::Span source{t.origins[k].source, t.origins[k + 1].source};
    bool same = decoded.size() == source.size() &&
                std::string_view(t.utf8).substr(decoded.begin, decoded.size()) ==
                    bytes.substr(source.begin, source.size());
    result.out.map.add(decoded, source, same);
  }
  result.bad_offset = t.first_invalid;
}

bool is_ascii_name(std::string_view name) {
  return name.empty() || name == "us-ascii" || name == "ascii" || name == "us_ascii" ||
         text::is_utf8_name(name);
}

// Mail clients label windows-1252 text as ISO-8859-1 (WHATWG reads those
// labels the same way); the two agree on every byte ISO-8859-1 prints.
bool is_latin1_name(std::string_view name) {
  return name == "iso-8859-1" || name == "iso8859-1" || name == "iso_8859-1" || name == "latin1" ||
         name == "l1";
}

}  // namespace

CharsetDecoded charset_to_utf8(std::string_view bytes, std::string_view charset) {
  CharsetDecoded result;
  std::string name = lower_ascii(charset);
  name.erase(0, std::min(name.size(), name.find_first_not_of(" \t\"")));
  name.erase(std::min(name.size(), name.find_last_not_of(" \t\"") + 1));
  // UTF-8 (by far the most common) is only checked: no per-character table.
  if (is_ascii_name(name)) {
    utf8_to_utf8(bytes, result);
    return result;
  }
  text::Transcoded t = text::to_utf8(bytes, is_latin1_name(name) ? "windows-1252" : name);
  if (!t.known) {
    result.known = false;
    utf8_to_utf8(bytes, result);
    return result;
  }
  transcoded_to_mapped(bytes, t, result);
  return result;
}

}  // namespace followup::input
