#include "input/transfer_decode.hpp"

#include <array>

namespace followup::input {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;  // not RFC 2045, but mailers write it
  return -1;
}

// A run of decoded bytes that map as a whole onto one stretch of the input.
struct PendingRun {
  std::string bytes;
  uint32_t file_begin = 0;
  uint32_t file_end = 0;

  void flush(MappedText& out) {
    if (bytes.empty()) return;
    append_encoded(out, bytes, {file_begin, file_end});
    bytes.clear();
  }
};

// Where a soft line break ("=", optional blanks, end of line) ends, or 0 when
// the '=' at `i` does not start one.
size_t soft_break_end(std::string_view raw, size_t i) {
  size_t j = i + 1;
  while (j < raw.size() && (raw[j] == ' ' || raw[j] == '\t')) ++j;
  if (j == raw.size()) return j;
  if (raw[j] == '\n') return j + 1;
  if (raw[j] == '\r' && j + 1 < raw.size() && raw[j + 1] == '\n') return j + 2;
  return 0;
}

bool is_utf8_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

TransferDecoded decode_quoted_printable(std::string_view raw, uint32_t file_base) {
  TransferDecoded result;
  MappedText& out = result.out;
  out.text.reserve(raw.size());
  PendingRun run;
  size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] != '=') {
      size_t j = raw.find('=', i);
      if (j == std::string_view::npos) j = raw.size();
      run.flush(out);
      append_verbatim(out, raw.substr(i, j - i), file_base + static_cast<uint32_t>(i));
      i = j;
      continue;
    }
    if (size_t end = soft_break_end(raw, i)) {
      i = end;  // the escapes of one character may continue after the break
      continue;
    }
    int hi = i + 2 < raw.size() ? hex_value(raw[i + 1]) : -1;
    int lo = i + 2 < raw.size() ? hex_value(raw[i + 2]) : -1;
    if (hi < 0 || lo < 0) {  // "=ZZ": not an escape, kept as written
      run.flush(out);
      append_verbatim(out, raw.substr(i, 1), file_base + static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    auto byte = static_cast<unsigned char>(hi * 16 + lo);
    // A new character starts a new run, so "=C3=BA=C3=B1" maps as two pieces.
    if (!is_utf8_continuation(byte)) run.flush(out);
    if (run.bytes.empty()) run.file_begin = file_base + static_cast<uint32_t>(i);
    run.bytes.push_back(static_cast<char>(byte));
    run.file_end = file_base + static_cast<uint32_t>(i + 3);
    i += 3;
  }
  run.flush(out);
  return result;
}

namespace {

constexpr size_t kLongLine = 998;  // RFC 5322's limit on a line
constexpr uint32_t kLongLineRun = 1024;

std::array<int8_t, 256> base64_table() {
  std::array<int8_t, 256> t{};
  t.fill(-1);
  const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (int8_t k = 0; k < 64; ++k) t[static_cast<unsigned char>(alphabet[k])] = k;
  return t;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Collects base64 groups and decides how finely they are mapped.
struct Base64Sink {
  MappedText& out;
  PendingRun run;
  size_t line_start = 0;

  void group(const uint32_t (&sextets)[4], size_t count, uint32_t file_begin, uint32_t file_end,
             size_t at) {
    if (count < 2) return;  // one sextet holds no whole byte
    uint32_t bits = (sextets[0] << 18) | (sextets[1] << 12) | (sextets[2] << 6) | sextets[3];
    bool joins = at - line_start >= kLongLine && !run.bytes.empty() &&
                 file_begin - run.file_begin < kLongLineRun;
    if (!joins) {
      run.flush(out);
      run.file_begin = file_begin;
    }
    run.bytes.push_back(static_cast<char>(bits >> 16));
    if (count >= 3) run.bytes.push_back(static_cast<char>((bits >> 8) & 0xFF));
    if (count >= 4) run.bytes.push_back(static_cast<char>(bits & 0xFF));
    run.file_end = file_end;
  }
};

}  // namespace

TransferDecoded decode_base64(std::string_view raw, uint32_t file_base) {
  static const std::array<int8_t, 256> table = base64_table();
  TransferDecoded result;
  result.out.text.reserve(raw.size() / 4 * 3 + 3);
  Base64Sink sink{result.out, {}, 0};
  uint32_t sextets[4] = {0, 0, 0, 0};
  size_t count = 0;
  uint32_t group_begin = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    int8_t v = table[static_cast<unsigned char>(c)];
    if (v < 0) {
      if (c == '\n') sink.line_start = i + 1;
      if (c == '=') {  // padding: the group ends here, whatever it holds
        sink.group(sextets, count, group_begin, file_base + static_cast<uint32_t>(i + 1), i);
        sextets[1] = sextets[2] = sextets[3] = 0;
        count = 0;
      } else if (!is_blank(c) && !result.bad_offset) {
        result.bad_offset = file_base + static_cast<uint32_t>(i);
      }
      continue;
    }
    if (count == 0) group_begin = file_base + static_cast<uint32_t>(i);
    sextets[count++] = static_cast<uint32_t>(v);
    if (count == 4) {
      sink.group(sextets, count, group_begin, file_base + static_cast<uint32_t>(i + 1), i);
      sextets[1] = sextets[2] = sextets[3] = 0;
      count = 0;
    }
  }
  sink.group(sextets, count, group_begin, file_base + static_cast<uint32_t>(raw.size()),
             raw.size());
  sink.run.flush(result.out);
  return result;
}

TransferDecoded transfer_decode(std::string_view raw, uint32_t file_base,
                                TransferEncoding encoding) {
  switch (encoding) {
    case TransferEncoding::kQuotedPrintable:
      return decode_quoted_printable(raw, file_base);
    case TransferEncoding::kBase64:
      return decode_base64(raw, file_base);
    case TransferEncoding::kIdentity:
      break;
  }
  TransferDecoded result;
  append_verbatim(result.out, raw, file_base);
  return result;
}

}  // namespace followup::input
