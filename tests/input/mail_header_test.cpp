#include "input/mail_header.hpp"

#include <catch2/catch.hpp>
#include <string>

using followup::core::Span;
using followup::input::decode_header_value;
using followup::input::HeaderDecoded;

namespace {

std::string source_of(const HeaderDecoded& d, std::string_view raw, uint32_t base,
                      std::string_view needle) {
  size_t at = d.out.text.find(needle);
  REQUIRE(at != std::string::npos);
  Span file =
      d.out.map.to_file({static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())});
  return std::string(raw.substr(file.begin - base, file.size()));
}

}  // namespace

TEST_CASE("header value: folding undone, plain text verbatim", "[input][mail_header]") {
  std::string raw = " Thank you for\r\n the interview\r\n";
  HeaderDecoded d = decode_header_value(raw, 9);
  CHECK(d.out.text == "Thank you for the interview");
  CHECK(source_of(d, raw, 9, "Thank you") == "Thank you");
  CHECK(source_of(d, raw, 9, "for the") == "for\r\n the");
  CHECK(d.out.map.one_to_one({0, 13}));
}

TEST_CASE("header value: encoded words decoded, space between them dropped",
          "[input][mail_header]") {
  std::string raw = " =?UTF-8?Q?Caf=C3=A9?=  =?UTF-8?B?IGNoYXQ=?= today\n";
  HeaderDecoded d = decode_header_value(raw, 0);
  CHECK(d.out.text == "Café chat today");
  CHECK_FALSE(d.bad_offset);
  CHECK(source_of(d, raw, 0, "Café") == "=?UTF-8?Q?Caf=C3=A9?=");
  CHECK(source_of(d, raw, 0, "today") == "today");
}

TEST_CASE("header value: a base64 word without its '=' padding decodes whole",
          "[input][mail_header]") {
  // "Hello" and "Hi!" need one and two '=' of padding; both are left out.
  std::string raw = " =?UTF-8?B?SGVsbG8?= =?utf-8?b?SGkhIA?= there\n";
  HeaderDecoded d = decode_header_value(raw, 0);
  CHECK(d.out.text == "HelloHi!  there");
  CHECK_FALSE(d.bad_offset);
  CHECK(source_of(d, raw, 0, "Hello") == "=?UTF-8?B?SGVsbG8?=");
}

TEST_CASE("header value: Date keeps encoded-looking text as written", "[input][mail_header]") {
  HeaderDecoded d = decode_header_value(" =?UTF-8?Q?x?=\n", 0, false);
  CHECK(d.out.text == "=?UTF-8?Q?x?=");
}

TEST_CASE("header value: an encoded word that does not decode is kept and reported",
          "[input][mail_header]") {
  std::string raw = " ok =?UTF-8?B?####?=\n";
  HeaderDecoded d = decode_header_value(raw, 100);
  CHECK(d.out.text == "ok =?UTF-8?B?####?=");
  REQUIRE(d.bad_offset);
  CHECK(*d.bad_offset == 104);
}

TEST_CASE("header value: a long run of '=?' stays linear and is kept", "[input][mail_header]") {
  std::string raw(200000, '=');
  for (size_t i = 1; i < raw.size(); i += 2) raw[i] = '?';
  HeaderDecoded d = decode_header_value(raw, 0);
  CHECK(d.out.text == raw);
}
