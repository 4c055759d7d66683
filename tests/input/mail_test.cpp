#include "input/mail.hpp"

#include <catch2/catch.hpp>

#include <string>

using followup::core::Span;
using followup::input::decode_mail;
using followup::input::Decoded;

namespace {

// CRLF line ends, as mail files are saved.
std::string crlf(std::string_view lf) {
  std::string out;
  for (char c : lf) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// The file bytes that `needle` (the first time it occurs in the decoded
// text) maps onto.
std::string file_bytes_of(const Decoded& d, std::string_view needle) {
  size_t at = d.text.find(needle);
  REQUIRE(at != std::string::npos);
  Span span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
  Span file = d.map.to_file(span);
  return std::string(d.file().substr(file.begin, file.size()));
}

}  // namespace

TEST_CASE("mail: a quoted-printable body maps each word onto its encoded bytes", "[input][mail]") {
  std::string mail = crlf(
      "Subject: Thank you\n"
      "To: Ana <ana@example.com>\n"
      "Content-Type: text/plain; charset=UTF-8\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n"
      "Dear Ms. N=C3=BA=C3=B1ez,\n"
      "\n"
      "Thank you for the interview on Tuesday. I enjoyed learning about the road=\n"
      "map.\n");
  Decoded d = decode_mail(mail, {});
  INFO(d.text);
  CHECK(d.problems.empty());
  CHECK(d.text ==
        "Subject: Thank you\nTo: Ana <ana@example.com>\n\nDear Ms. Núñez,\n\n"
        "Thank you for the interview on Tuesday. I enjoyed learning about the roadmap.\n");
  CHECK(file_bytes_of(d, "Núñez") == "N=C3=BA=C3=B1ez");
  CHECK(file_bytes_of(d, "ú") == "=C3=BA");
  CHECK(file_bytes_of(d, "Tuesday") == "Tuesday");
  CHECK(d.map.one_to_one({static_cast<uint32_t>(d.text.find("Tuesday")),
                          static_cast<uint32_t>(d.text.find("Tuesday") + 7)}));
  CHECK(file_bytes_of(d, "roadmap") == "road=\r\nmap");
  CHECK(file_bytes_of(d, "Subject: Thank you") == "Subject: Thank you");
  CHECK(d.file_text == mail);
}
