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

TEST_CASE("mail: a base64 body maps words onto the groups that hold them", "[input][mail]") {
  // "Thank you for Tuesday.\n"
  std::string mail = crlf(
      "Subject: Note\n"
      "Content-Type: text/plain; charset=utf-8\n"
      "Content-Transfer-Encoding: base64\n"
      "\n"
      "VGhhbmsgeW91IGZv\n"
      "ciBUdWVzZGF5Lgo=\n");
  Decoded d = decode_mail(mail, {});
  CHECK(d.problems.empty());
  CHECK(d.text == "Subject: Note\n\nThank you for Tuesday.\n");
  CHECK(file_bytes_of(d, "Thank") == "VGhhbmsg");
  CHECK(file_bytes_of(d, "you") == "eW91");
  CHECK(file_bytes_of(d, "k y") == "bmsgeW91");
  CHECK(file_bytes_of(d, "Tuesday") == "ciBUdWVzZGF5");
  CHECK_FALSE(d.map.one_to_one({15, 20}));
}

TEST_CASE("mail: format=flowed lines are joined, stuffing and delsp undone", "[input][mail]") {
  std::string mail =
      "Subject: Thanks\n"
      "Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\n"
      "\n"
      "Thank you for the time you took on Tues \n"
      "day to walk me through the role.\n"
      " From the start it felt like a fit.\n"
      "\n"
      "-- \n"
      "Ana Cruz\n";
  Decoded d = decode_mail(mail, {});
  CHECK(
      d.text ==
      "Subject: Thanks\n\nThank you for the time you took on Tuesday to walk me through the role.\n"
      "From the start it felt like a fit.\n\nAna Cruz\n");
  CHECK(file_bytes_of(d, "Tuesday") == "Tues \nday");
  CHECK(file_bytes_of(d, "From") == "From");
}

TEST_CASE("mail: RFC 2047 words in Subject and To are decoded and mapped", "[input][mail]") {
  std::string mail = crlf(
      "Subject: =?UTF-8?Q?Gracias,_Sra._N=C3=BA=C3=B1ez?=\n"
      " =?UTF-8?B?4oCUIGZvbGxvdy11cA==?= on Tuesday\n"
      "To: =?ISO-8859-1?Q?Ren=E9_Dupont?= <rene@example.com>,\n"
      "  \"Smith, Bob\" <bob@example.com>\n"
      "Date: Mon, 07 Dec 2026 09:15:00 -0800\n"
      "\n"
      "Hello,\n");
  Decoded d = decode_mail(mail, {});
  CHECK(d.problems.empty());
  CHECK(d.text ==
        "Subject: Gracias, Sra. Núñez— follow-up on Tuesday\n"
        "To: René Dupont <rene@example.com>,  \"Smith, Bob\" <bob@example.com>\n"
        "Date: Mon, 07 Dec 2026 09:15:00 -0800\n\nHello,\n");
  CHECK(file_bytes_of(d, "Gracias, Sra. Núñez") == "=?UTF-8?Q?Gracias,_Sra._N=C3=BA=C3=B1ez?=");
  CHECK(file_bytes_of(d, "on Tuesday") == "on Tuesday");
  CHECK(file_bytes_of(d, "René") == "=?ISO-8859-1?Q?Ren=E9_Dupont?=");
  CHECK(file_bytes_of(d, "<bob@example.com>") == "<bob@example.com>");
  CHECK(file_bytes_of(d, "Date: Mon, 07 Dec 2026") == "Date: Mon, 07 Dec 2026");
}

TEST_CASE("mail: multipart/alternative gives its text/plain part", "[input][mail]") {
  std::string mail = crlf(
      "Subject: Thank you\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/alternative; boundary=\"alt\"\n"
      "\n"
      "This is a multi-part message in MIME format.\n"
      "--alt\n"
      "Content-Type: text/html; charset=utf-8\n"
      "\n"
      "<p>HTML version</p>\n"
      "--alt\n"
      "Content-Type: text/plain; charset=utf-8\n"
      "\n"
      "Plain version.\n"
      "--alt--\n");
  Decoded d = decode_mail(mail, {});
  CHECK(d.problems.empty());
  CHECK(d.text == "Subject: Thank you\n\nPlain version.");
  CHECK(d.text.find("multi-part") == std::string::npos);
}

TEST_CASE("mail: an HTML-only message is read through the HTML decoder", "[input][mail]") {
  std::string mail = crlf(
      "Subject: Thank you\n"
      "Content-Type: multipart/related; boundary=\"rel\"\n"
      "\n"
      "--rel\n"
      "Content-Type: text/html; charset=utf-8\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n"
      "<html><head><style>p{}</style></head><body><p>Dear Ms. Rivera,</p><p>Thank you for m=\n"
      "eeting me &amp; the team.</p></body></html>\n"
      "--rel\n"
      "Content-Type: image/png; name=\"logo.png\"\n"
      "Content-ID: <logo@x>\n"
      "Content-Transfer-Encoding: base64\n"
      "\n"
      "iVBORw0KGgo=\n"
      "--rel--\n");
  Decoded d = decode_mail(mail, {});
  INFO(d.text);
  CHECK(d.problems.empty());
  CHECK(d.text.find("Dear Ms. Rivera,") != std::string::npos);
  CHECK(d.text.find("Thank you for meeting me & the team.") != std::string::npos);
  CHECK(d.text.find("<p>") == std::string::npos);
  CHECK(d.text.find("Attachments") ==
        std::string::npos);  // an inline image is not an attached file
  CHECK(file_bytes_of(d, "Rivera") == "Rivera");
  CHECK(file_bytes_of(d, "meeting") == "m=\r\neeting");
}

TEST_CASE("mail: attached files become an Attachments line, RFC 2231 and 2047 names decoded",
          "[input][mail]") {
  std::string mail = crlf(
      "Subject: My application\n"
      "Content-Type: multipart/mixed; boundary=\"mix\"\n"
      "\n"
      "--mix\n"
      "Content-Type: text/plain; charset=utf-8\n"
      "\n"
      "My résumé is attached.\n"
      "--mix\n"
      "Content-Type: application/pdf\n"
      "Content-Disposition: attachment;\n"
      " filename*=UTF-8''Lebenslauf%20J%C3%BCrgen.pdf\n"
      "Content-Transfer-Encoding: base64\n"
      "\n"
      "JVBERi0xLjQK\n"
      "--mix\n"
      "Content-Type: application/pdf; name=\"=?UTF-8?Q?Zeugnis_M=C3=BCller.pdf?=\"\n"
      "Content-Disposition: attachment\n"
      "\n"
      "x\n"
      "--mix--\n");
  Decoded d = decode_mail(mail, {});
  INFO(d.text);
  CHECK(d.problems.empty());
  CHECK(d.text ==
        "Subject: My application\nAttachments: Lebenslauf Jürgen.pdf, Zeugnis Müller.pdf\n\n"
        "My résumé is attached.");
  CHECK(file_bytes_of(d, "Lebenslauf") ==
        "Content-Disposition: attachment;\r\n filename*=UTF-8''Lebenslauf%20J%C3%BCrgen.pdf\r\n");
}

TEST_CASE("mail: a windows-1252 part is transcoded, each character mapped onto its byte",
          "[input][mail]") {
  std::string mail = crlf(
      "Subject: Merci\n"
      "Content-Type: text/plain; charset=windows-1252\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n"
      "I=92m grateful =96 the caf=E9 chat was great.\n");
  mail += "Raw byte: \xE9t\xE9.\r\n";
  Decoded d = decode_mail(mail, {});
  CHECK(d.problems.empty());
  CHECK(d.text == "Subject: Merci\n\nI’m grateful – the café chat was great.\nRaw byte: été.\n");
  CHECK(file_bytes_of(d, "I’m") == "I=92m");
  CHECK(file_bytes_of(d, "café") == "caf=E9");
  CHECK(file_bytes_of(d, "été") == "\xE9t\xE9");
  CHECK(file_bytes_of(d, "grateful") == "grateful");
}

TEST_CASE("mail: ISO-8859-1 is read as windows-1252", "[input][mail]") {
  std::string mail =
      "Subject: x\nContent-Type: text/plain; charset=\"iso-8859-1\"\n\nI\x92m here.\n";
  Decoded d = decode_mail(mail, {});
  CHECK(d.problems.empty());
  CHECK(d.text == "Subject: x\n\nI’m here.\n");
}

TEST_CASE("mail: quoted history is left out of the writer's text", "[input][mail]") {
  std::string mail = crlf(
      "Subject: Re: Interview\n"
      "\n"
      "Dear Sam,\n"
      "\n"
      "Thank you for the update.\n"
      "\n"
      "On Mon, Dec 7, 2026 at 9:15 AM Sam Lee <sam@example.com> wrote:\n"
      "> We will decide next week.\n");
  Decoded d = decode_mail(mail, {});
  CHECK(d.text.find("Thank you for the update.") != std::string::npos);
  CHECK(d.text.find("wrote:") == std::string::npos);
  CHECK(d.text.find("decide") == std::string::npos);
  CHECK(file_bytes_of(d, "update") == "update");
}

// Broken input: never a crash, one Problem saying where reading stopped, and
// the text that could be read.

TEST_CASE("mail: a boundary that never closes is read to the end, with one problem",
          "[input][mail][broken]") {
  std::string mail =
      "Subject: Thanks\n"
      "Content-Type: multipart/mixed; boundary=\"b1\"\n"
      "\n"
      "--b1\n"
      "Content-Type: text/plain\n"
      "\n"
      "Thank you for your time.\n"
      "--b1\n"
      "Content-Type: application/pdf; name=\"cv.pdf\"\n"
      "\n"
      "%PDF never closed\n";
  Decoded d = decode_mail(mail, {});
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].file_offset == mail.size());
  CHECK(d.problems[0].message.find("'b1' is never closed") != std::string::npos);
  CHECK(d.text == "Subject: Thanks\nAttachments: cv.pdf\n\nThank you for your time.");
}

TEST_CASE("mail: a multipart whose boundary never appears", "[input][mail][broken]") {
  std::string mail =
      "Subject: Thanks\nContent-Type: multipart/mixed; boundary=\"zz\"\n\nno parts here\n";
  Decoded d = decode_mail(mail, {});
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].message.find("never appears") != std::string::npos);
  CHECK(d.text == "Subject: Thanks\n\n");
}

TEST_CASE("mail: a message with no body", "[input][mail][broken]") {
  for (std::string mail : {"Subject: Only headers\r\n", "Subject: Only headers\r\n\r\n"}) {
    Decoded d = decode_mail(mail, {});
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].message.find("no body") != std::string::npos);
    CHECK(d.text == "Subject: Only headers\n\n");
  }
}

TEST_CASE("mail: a file with no mail headers is read as plain text", "[input][mail][broken]") {
  Decoded d = decode_mail("Dear Sam,\n\nThank you.\n", {});
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].file_offset == 0);
  CHECK(d.text == "Dear Sam,\n\nThank you.\n");
  CHECK(d.map.one_to_one({0, 9}));
}

TEST_CASE("mail: 10,000 nested multiparts are walked 64 deep", "[input][mail][broken]") {
  constexpr int kDepth = 10000;
  std::string mail = "Subject: Deep\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n";
  for (int i = 0; i < kDepth; ++i) {
    mail += "--b" + std::to_string(i) + "\nContent-Type: multipart/mixed; boundary=\"b" +
            std::to_string(i + 1) + "\"\n\n";
  }
  mail += "--b" + std::to_string(kDepth) + "\nContent-Type: text/plain\n\ntoo deep to read\n";
  for (int i = kDepth; i >= 0; --i) mail += "--b" + std::to_string(i) + "--\n";
  Decoded d = decode_mail(mail, {});
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].message.find("more than 64 deep") != std::string::npos);
  CHECK(d.problems[0].file_offset > 0);
  CHECK(d.problems[0].file_offset < mail.size());
  CHECK(d.text == "Subject: Deep\n\n");
}

TEST_CASE("mail: a 100 MB base64 line is decoded, with one problem", "[input][mail][broken]") {
  std::string mail =
      "Subject: Long\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n";
  size_t body_at = mail.size();
  constexpr size_t kGroups = 25u * 1024 * 1024;  // 100 MB of base64
  mail.reserve(body_at + kGroups * 4 + 1);
  for (size_t i = 0; i < kGroups; ++i) mail += "YWJj";  // "abc"
  mail += "\n";
  Decoded d = decode_mail(mail, {});
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].file_offset == body_at);
  CHECK(d.problems[0].message.find("longer than a mail line") != std::string::npos);
  constexpr uint32_t kHead = 15;  // "Subject: Long\n\n"
  REQUIRE(d.text.size() == kHead + kGroups * 3);
  CHECK(d.text.compare(kHead, 6, "abcabc") == 0);
  // Far into the line, a word still maps near its own bytes, not onto the whole line.
  uint32_t deep = kHead + 3 * 10'000'000;
  Span file = d.map.to_file({deep, deep + 3});
  CHECK(file.begin >= body_at + 40'000'000 - 2048);
  CHECK(file.end <= body_at + 40'000'000 + 2048);
  CHECK(d.map.pieces().size() < 200'000);
}

TEST_CASE("mail: a 10 KB charset name is reported once and the part read as UTF-8",
          "[input][mail][broken]") {
  std::string mail = "Subject: Charset\nContent-Type: text/plain; charset=\"" +
                     std::string(10240, 'x') + "\"\n\nThank you, Núñez.\n";
  Decoded d = decode_mail(mail, {});
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].message.find("unknown charset 'xxxx") != std::string::npos);
  CHECK(d.problems[0].message.size() < 200);
  CHECK(d.text == "Subject: Charset\n\nThank you, Núñez.\n");
}

TEST_CASE("mail: broken RFC 2047 words are kept as written, with one problem",
          "[input][mail][broken]") {
  std::string mail =
      "Subject: =?UTF-8?B?####?= =?UTF-8?Q?Thank_you?= =?UTF-8?Q?unterminated\n\nHi\n";
  Decoded d = decode_mail(mail, {});
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].file_offset == 9);
  CHECK(d.problems[0].message.find("Subject header") != std::string::npos);
  CHECK(d.text == "Subject: =?UTF-8?B?####?= Thank you =?UTF-8?Q?unterminated\n\nHi\n");
}

TEST_CASE("mail: invalid base64 characters are skipped, with one problem",
          "[input][mail][broken]") {
  std::string mail = "Subject: B\nContent-Transfer-Encoding: base64\n\nSGVs!bG8=\n";
  Decoded d = decode_mail(mail, {});
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].file_offset == mail.find('!'));
  CHECK(d.text == "Subject: B\n\nHello");
}
