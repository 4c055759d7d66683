// Fuzzes the encoding decoders one by one, below the format readers:
// quoted-printable and base64 (transfer_decode), a declared charset
// (charset_to_utf8, iconv/ICU behind it), RFC 2047 header words, format=flowed
// line unwrapping, HTML character references, and a plain file read in a
// declared encoding. The first line of the input is the charset name; the
// rest is the bytes.
//
// Checks, for every decoder that keeps a map: its pieces run in order over
// the decoded text without gaps, each points inside the input it was given,
// a verbatim piece holds the very bytes it points at, and a reported bad
// offset lies inside the input. A charset decode gives valid UTF-8.
#include <cstdint>
#include <cstdio>
#include <string>

#include "core/utf8.hpp"
#include "fuzz_support.hpp"
#include "input/entity.hpp"
#include "input/flowed.hpp"
#include "input/mail_charset.hpp"
#include "input/mail_header.hpp"
#include "input/read.hpp"
#include "input/transfer_decode.hpp"

using namespace followup;

namespace {

// Names the decoder whose check fails, then fails as FUZZ_CHECK does.
#define DECODER_CHECK(cond)                                        \
  do {                                                             \
    if (!(cond)) std::fprintf(stderr, "in the %s decoder:\n", what); \
    FUZZ_CHECK(cond);                                              \
  } while (0)

// A MappedText whose map points into `input`, placed at `base`.
void check_mapped(const char* what, const input::MappedText& m, std::string_view input, uint32_t base) {
  const auto& pieces = m.map.pieces();
  if (m.map.is_identity()) {
    DECODER_CHECK(m.text.size() <= input.size());
    return;
  }
  uint32_t expected = 0;
  for (const auto& piece : pieces) {
    DECODER_CHECK(piece.decoded.begin == expected && piece.decoded.end >= piece.decoded.begin);
    DECODER_CHECK(piece.file.begin >= base && piece.file.begin <= piece.file.end);
    DECODER_CHECK(piece.file.end <= base + input.size());
    if (piece.verbatim) {
      DECODER_CHECK(piece.decoded.size() == piece.file.size());
      DECODER_CHECK(m.text.compare(piece.decoded.begin, piece.decoded.size(),
                                input.substr(piece.file.begin - base, piece.file.size())) == 0);
    }
    expected = piece.decoded.end;
  }
  DECODER_CHECK(pieces.empty() ? m.text.empty() : expected == m.text.size());
}

void check_bad_offset(const std::optional<uint32_t>& bad, std::string_view input, uint32_t base) {
  if (bad) FUZZ_CHECK(*bad >= base && *bad <= base + input.size());
}

void check_entities(std::string_view bytes) {
  int looked = 0;
  for (size_t at = bytes.find('&'); at != std::string_view::npos && looked < 64;
       at = bytes.find('&', at + 1), ++looked) {
    std::string_view rest = bytes.substr(at, 64);
    size_t length = input::entity_length(rest);
    FUZZ_CHECK(length <= rest.size());
    if (length > 0) FUZZ_CHECK(!input::decode_entity(rest.substr(0, length)).empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view all = fuzz::as_text(data, size);
  size_t newline = all.find('\n');
  std::string_view charset = newline == std::string_view::npos ? "" : all.substr(0, std::min<size_t>(newline, 200));
  std::string_view bytes = newline == std::string_view::npos ? all : all.substr(newline + 1);
  constexpr uint32_t kBase = 1000;  // where the bytes sit in an imagined mail file

  auto qp = input::decode_quoted_printable(bytes, kBase);
  check_mapped("quoted-printable", qp.out, bytes, kBase);
  check_bad_offset(qp.bad_offset, bytes, kBase);
  auto b64 = input::decode_base64(bytes, kBase);
  check_mapped("base64", b64.out, bytes, kBase);
  check_bad_offset(b64.bad_offset, bytes, kBase);

  auto text = input::charset_to_utf8(bytes, charset);
  check_mapped("charset", text.out, bytes, 0);
  check_bad_offset(text.bad_offset, bytes, 0);
  FUZZ_CHECK(!core::find_invalid_utf8(text.out.text));

  auto header = input::decode_header_value(bytes, kBase, !charset.empty());
  check_bad_offset(header.bad_offset, bytes, kBase);
  FUZZ_CHECK(header.out.text.find('\n') == std::string::npos);
  for (const auto& piece : header.out.map.pieces())
    FUZZ_CHECK(piece.file.begin >= kBase && piece.file.end <= kBase + bytes.size());

  for (bool delsp : {false, true}) {
    auto lines = input::unwrap_lines(text.out.text, {true, delsp});
    check_mapped("format=flowed", lines, text.out.text, 0);
  }
  check_entities(bytes);

  input::ReadOptions options;
  options.encoding = std::string(charset);
  input::Decoded decoded = input::read(bytes, input::Format::kPlain, options);
  // Bytes that are not the declared encoding are a problem, never passed on as text.
  FUZZ_CHECK(!decoded.problems.empty() || !core::find_invalid_utf8(decoded.text));
  for (const auto& p : decoded.problems) FUZZ_CHECK(p.file_offset <= decoded.file().size());
  return 0;
}
