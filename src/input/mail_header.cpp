#include "input/mail_header.hpp"

#include <string>

#include "input/mime_tree.hpp"

namespace followup::input {

namespace {

bool is_wsp(char c) { return c == ' ' || c == '\t'; }

// The value on one line: line breaks dropped, white space at both ends trimmed.
MappedText unfold(std::string_view raw, uint32_t file_begin) {
  MappedText out;
  size_t b = 0;
  size_t e = raw.size();
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (b < e && is_space(raw[b])) ++b;
  while (e > b && is_space(raw[e - 1])) --e;
  size_t run = b;
  for (size_t i = b; i < e; ++i) {
    if (raw[i] != '\r' && raw[i] != '\n') continue;
    append_verbatim(out, raw.substr(run, i - run), file_begin + static_cast<uint32_t>(run));
    run = i + 1;
  }
  append_verbatim(out, raw.substr(run, e - run), file_begin + static_cast<uint32_t>(run));
  return out;
}

// RFC 2047 says 75; mailers write longer ones, but a bound keeps a value
// full of "=?" linear to scan.
constexpr size_t kMaxWord = 1024;

// The end of the encoded word "=?charset?X?text?=" starting at `at`, or 0.
size_t encoded_word_end(std::string_view s, size_t at) {
  if (s.compare(at, 2, "=?") != 0) return 0;
  size_t limit = std::min(s.size(), at + kMaxWord);
  size_t q1 = s.find('?', at + 2);
  if (q1 == std::string_view::npos || q1 + 3 >= limit || s[q1 + 2] != '?') return 0;
  char enc = s[q1 + 1];
  if (enc != 'Q' && enc != 'q' && enc != 'B' && enc != 'b') return 0;
  for (size_t i = q1 + 3; i + 1 < limit; ++i) {
    if (is_wsp(s[i])) return 0;
    if (s[i] == '?' && s[i + 1] == '=') return i + 2;
  }
  return 0;
}

// "=?cs?B?SGVsbG8?=" with its missing "=" padding put back. Mailers that
// leave the padding out exist, and GMime drops an unpadded last group
// ("Hel" for "Hello"); decoding it whole loses nothing.
std::string padded_base64_word(std::string_view word) {
  std::string out(word);
  size_t q1 = word.find('?', 2);
  if (q1 == std::string_view::npos || (word[q1 + 1] != 'B' && word[q1 + 1] != 'b')) return out;
  size_t payload = word.size() - (q1 + 3) - 2;
  if (payload % 4 != 0) out.insert(out.size() - 2, 4 - payload % 4, '=');
  return out;
}

// Decodes one encoded word (GMime, in the mail module); empty when it does not decode.
std::string decode_word(std::string_view word) {
  std::string out = decode_encoded_word(padded_base64_word(word)).value_or("");
  for (char& c : out) {
    // The value stays one header line, whatever the word encoded.
    if (c == '\r' || c == '\n' || c == '\t' || c == '\0') c = ' ';
  }
  return out;
}

}  // namespace

HeaderDecoded decode_header_value(std::string_view raw, uint32_t file_begin, bool decode_words) {
  HeaderDecoded result;
  MappedText line = unfold(raw, file_begin);
  if (!decode_words || line.text.find("=?") == std::string::npos) {
    result.out = std::move(line);
    return result;
  }
  std::string_view s = line.text;
  MappedText stage;
  size_t run = 0;                             // start of text not yet copied
  size_t last_word = std::string_view::npos;  // end of the last decoded word
  size_t i = s.find("=?");
  while (i != std::string_view::npos) {
    size_t end = encoded_word_end(s, i);
    std::string decoded = end ? decode_word(s.substr(i, end - i)) : std::string();
    if (end && decoded.empty() && !result.bad_offset) {
      result.bad_offset =
          line.map.to_file({static_cast<uint32_t>(i), static_cast<uint32_t>(end)}).begin;
    }
    if (decoded.empty()) {
      i = s.find("=?", i + 2);
      continue;
    }
    bool only_space = last_word == run && s.find_first_not_of(" \t", run) >= i;
    if (!only_space) append_verbatim(stage, s.substr(run, i - run), static_cast<uint32_t>(run));
    append_encoded(stage, decoded, {static_cast<uint32_t>(i), static_cast<uint32_t>(end)});
    run = last_word = end;
    i = s.find("=?", end);
  }
  append_verbatim(stage, s.substr(run), static_cast<uint32_t>(run));
  result.out = chain(std::move(stage), line);
  return result;
}

}  // namespace followup::input
