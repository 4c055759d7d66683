#include "input/utf8_input.hpp"

#include <algorithm>
#include <cstring>

#include "core/utf8.hpp"
#include "input/text_builder.hpp"
#include "text/charset.hpp"

namespace followup::input {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// `encoding = "x"` (or 'x') -> x; anything else -> empty.
std::string encoding_value(std::string_view line) {
  line = trim(line);
  if (!line.starts_with("encoding")) return {};
  line = trim(line.substr(8));
  if (!line.starts_with('=')) return {};
  line = trim(line.substr(1));
  if (line.size() < 2 || (line.front() != '"' && line.front() != '\'')) return {};
  size_t close = line.find(line.front(), 1);
  return close == std::string_view::npos ? std::string() : std::string(line.substr(1, close - 1));
}

// A file with NUL bytes is no text draft; every other byte NUL is UTF-16 saved without a BOM.
Problem binary_problem(std::string_view bytes, uint32_t at) {
  size_t zeros = std::count(
      bytes.begin(), bytes.begin() + static_cast<long>(std::min<size_t>(bytes.size(), 4096)), '\0');
  bool utf16 = zeros * 3 >= std::min<size_t>(bytes.size(), 4096);
  std::string message = "binary file: a NUL byte at byte " + std::to_string(at);
  message += utf16 ? "; the file looks like UTF-16 without a byte order mark: save it as UTF-8"
                   : "; this is not a text draft";
  return {at, std::move(message)};
}

// The code point that starts at or after `source` in a transcoding, as a UTF-8 offset.
uint32_t decoded_offset(const text::Transcoded& t, uint32_t source) {
  auto it =
      std::lower_bound(t.origins.begin(), t.origins.end(), source,
                       [](const text::CodePointOrigin& o, uint32_t s) { return o.source < s; });
  return it == t.origins.end() ? to_u32(t.utf8.size()) : it->decoded;
}

// `declared_at`: where the file names the charset (its front matter), else 0.
void transcode(Utf8Input& in, std::string_view bytes, const std::string& charset,
               uint32_t bom_size, uint32_t declared_at = 0) {
  text::Transcoded t = text::to_utf8(bytes, charset);
  if (!t.known) {
    in.problems.push_back(
        {declared_at,
         "unknown encoding '" + charset +
             "'; use a name such as \"windows-1252\", "
             "\"iso-8859-2\" or \"shift_jis\" in the config's [input] table or in front matter"});
    return;
  }
  in.transcoded = std::move(t.utf8);
  in.file = in.transcoded;
  if (in.file.starts_with(kUtf8Bom)) in.content_begin = bom_size;
  if (t.first_invalid) {
    in.problems.push_back({decoded_offset(t, *t.first_invalid),
                           "bytes that are not " + charset + " at byte " +
                               std::to_string(*t.first_invalid) + "; they read as U+FFFD"});
  }
}

}  // namespace

std::string front_matter_encoding(std::string_view bytes, uint32_t* line_at) {
  const uint32_t bom = bytes.starts_with(kUtf8Bom) ? to_u32(kUtf8Bom.size()) : 0;
  bytes.remove_prefix(bom);
  bytes = bytes.substr(0, std::min<size_t>(bytes.size(), 8192));
  size_t eol = bytes.find('\n');
  if (eol == std::string_view::npos || trim(bytes.substr(0, eol)) != "+++") return {};
  std::string found;
  for (size_t at = eol + 1; at < bytes.size();) {
    size_t end = std::min(bytes.find('\n', at), bytes.size());
    std::string_view line = bytes.substr(at, end - at);
    if (trim(line) == "+++") return found;  // only a closed front matter counts
    if (found.empty()) {
      found = encoding_value(line);
      if (!found.empty() && line_at) *line_at = bom + to_u32(at + line.find_first_not_of(" \t"));
    }
    at = end + 1;
  }
  return {};
}

Problem invalid_utf8_problem(std::string_view bytes, uint32_t at) {
  std::string guess = text::guess_charset(bytes);
  std::string message = "invalid UTF-8 at byte " + std::to_string(at);
  if (guess.empty()) guess = "windows-1252";
  message += "; the file looks like " + guess + ": declare it with encoding = \"" + guess +
             "\" in the config's [input] table or in front matter, or save the file as UTF-8";
  return {at, std::move(message)};
}

Utf8Input to_utf8_input(std::string_view bytes, const ReadOptions& options,
                        std::string_view declared) {
  Utf8Input in;
  in.file = bytes;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    transcode(in, bytes, bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", 3);
    if (!in.transcoded.empty() || bytes.size() == 2) return in;
  }
  uint32_t declared_at = 0;
  std::string charset =
      !options.encoding.empty() ? options.encoding : front_matter_encoding(bytes, &declared_at);
  if (charset.empty()) charset = std::string(declared);
  if (!charset.empty() && !text::is_utf8_name(charset)) {
    transcode(in, bytes, charset, 3, declared_at);
    if (!in.transcoded.empty() || bytes.empty()) return in;
  }
  if (bytes.starts_with(kUtf8Bom)) in.content_begin = 3;
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
    in.binary = true;
    in.problems.push_back(
        binary_problem(bytes, to_u32(static_cast<const char*>(nul) - bytes.data())));
  } else if (auto bad = core::find_invalid_utf8(bytes)) {
    in.invalid = true;
    in.problems.push_back(invalid_utf8_problem(bytes, *bad));
  }
  return in;
}

}  // namespace followup::input
