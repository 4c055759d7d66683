#include "input/transfer_decode.hpp"

#include <gmime/gmime.h>

#include <catch2/catch.hpp>
#include <string>

using followup::core::Span;
using followup::input::decode_base64;
using followup::input::decode_quoted_printable;
using followup::input::TransferDecoded;

namespace {

// The encoded bytes that decoded[begin, begin + size) maps onto.
std::string source_of(const TransferDecoded& d, std::string_view raw, uint32_t base, size_t begin,
                      size_t size) {
  Span file =
      d.out.map.to_file({static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + size)});
  return std::string(raw.substr(file.begin - base, file.size()));
}

// GMime's own decoder over the whole input, the reference for well-formed input.
std::string gmime_decode(std::string_view raw, GMimeContentEncoding encoding) {
  GMimeEncoding state;
  g_mime_encoding_init_decode(&state, encoding);
  std::string out(g_mime_encoding_outlen(&state, raw.size()) + 16, '\0');
  size_t n = g_mime_encoding_flush(&state, raw.data(), raw.size(), out.data());
  out.resize(n);
  return out;
}

}  // namespace

TEST_CASE("quoted-printable: escapes, soft breaks and literal bytes", "[input][transfer]") {
  std::string raw = "Ren=C3=A9 roadma=\r\np =3D ok=ZZ end =\n";
  TransferDecoded d = decode_quoted_printable(raw, 100);
  CHECK(d.out.text == "René roadmap = ok=ZZ end ");
  CHECK_FALSE(d.bad_offset);
  CHECK(source_of(d, raw, 100, 0, 3) == "Ren");
  CHECK(source_of(d, raw, 100, 3, 2) == "=C3=A9");
  CHECK(source_of(d, raw, 100, 0, 5) == "Ren=C3=A9");
  CHECK(source_of(d, raw, 100, 6, 7) == "roadma=\r\np");
  CHECK(d.out.map.one_to_one({0, 3}));
  CHECK_FALSE(d.out.map.one_to_one({3, 5}));
  CHECK(d.out.map.to_file({0, 1}).begin == 100);
}

TEST_CASE("quoted-printable: each UTF-8 character is a piece of its own", "[input][transfer]") {
  std::string raw = "N=C3=BA=C3=B1ez";
  TransferDecoded d = decode_quoted_printable(raw, 0);
  CHECK(d.out.text == "Núñez");
  CHECK(source_of(d, raw, 0, 1, 2) == "=C3=BA");
  CHECK(source_of(d, raw, 0, 3, 2) == "=C3=B1");
  CHECK(source_of(d, raw, 0, 0, d.out.text.size()) == raw);
}

TEST_CASE("quoted-printable: lowercase hex, a lone '=' at the end, trailing spaces kept",
          "[input][transfer]") {
  CHECK(decode_quoted_printable("caf=c3=a9", 0).out.text == "café");
  CHECK(decode_quoted_printable("abc=", 0).out.text == "abc");
  CHECK(decode_quoted_printable("abc   \nxyz", 0).out.text == "abc   \nxyz");
  CHECK(decode_quoted_printable("abc=  \r\nxyz", 0).out.text == "abcxyz");
  CHECK(decode_quoted_printable("=4", 0).out.text == "=4");
}

TEST_CASE("base64: each byte maps onto its 4-character group", "[input][transfer]") {
  std::string raw = "SGVs\r\nbG8g\r\nd29y\r\nbGQ=\r\n";  // "Hello world"
  TransferDecoded d = decode_base64(raw, 10);
  CHECK(d.out.text == "Hello world");
  CHECK_FALSE(d.bad_offset);
  CHECK(source_of(d, raw, 10, 0, 1) == "SGVs");
  CHECK(source_of(d, raw, 10, 3, 3) == "bG8g");
  CHECK(source_of(d, raw, 10, 9, 2) == "bGQ=");
  CHECK(source_of(d, raw, 10, 2, 3) == "SGVs\r\nbG8g");
}

TEST_CASE("base64: junk is skipped and reported, padding and unpadded ends", "[input][transfer]") {
  TransferDecoded junk = decode_base64("SG!V*sbG8=", 5);
  CHECK(junk.out.text == "Hello");
  REQUIRE(junk.bad_offset);
  CHECK(*junk.bad_offset == 7);
  CHECK(decode_base64("SGVsbG8", 0).out.text == "Hello");  // unpadded: decoded as far as it goes
  CHECK(decode_base64("SGVsbG8=QUJD", 0).out.text == "HelloABC");
  CHECK(decode_base64("", 0).out.text.empty());
  CHECK(decode_base64("Q", 0).out.text.empty());
}

TEST_CASE("base64: a line longer than a mail line maps in runs of about 1 KB",
          "[input][transfer]") {
  std::string raw;
  for (int i = 0; i < 100000; ++i) raw += "YWJj";
  TransferDecoded d = decode_base64(raw, 0);
  CHECK(d.out.text.size() == 300000);
  CHECK(d.out.map.pieces().size() < 1000);
  Span file = d.out.map.to_file({150000, 150003});
  CHECK(file.begin <= 200000);
  CHECK(file.end >= 200004);
  CHECK(file.size() <= 2048);
}

TEST_CASE("transfer decoding gives GMime's bytes on well-formed input", "[input][transfer]") {
  g_mime_init();
  const char* qp[] = {"Ren=C3=A9 roadma=\np", "a=\r\nb=3D=20c\r\nline two\r\n", "tab\there=09x",
                      ""};
  for (const char* raw : qp) {
    CHECK(decode_quoted_printable(raw, 0).out.text ==
          gmime_decode(raw, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE));
  }
  const char* b64[] = {"SGVsbG8gd29ybGQ=", "U2Vjb25k\r\nIG5vdGU=\r\n", "QQ==", "QUI=", "QUJD"};
  for (const char* raw : b64) {
    CHECK(decode_base64(raw, 0).out.text == gmime_decode(raw, GMIME_CONTENT_ENCODING_BASE64));
  }
}
