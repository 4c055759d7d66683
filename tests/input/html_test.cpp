#include "input/html.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace in = followup::input;

namespace {

followup::core::Span span_of(const in::Decoded& d, std::string_view word) {
  size_t at = d.text.find(word);
  REQUIRE(at != std::string::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())};
}

std::string file_of(const in::Decoded& d, std::string_view file, std::string_view word) {
  auto span = d.map.to_file(span_of(d, word));
  return std::string(file.substr(span.begin, span.size()));
}

}  // namespace

TEST_CASE("html: a Gmail compose body reads as a plain note", "[input][html]") {
  std::string html =
      "<div dir=\"ltr\"><div>Hi Sam,</div><div><br></div><div>Thank you&nbsp;for the interview "
      "&mdash; "
      "I&rsquo;m excited &amp; grateful.</div><div>I enjoyed   meeting\nthe "
      "team.</div><div><br></div>"
      "<div>Best,</div><div>Ana Ruiz</div><div class=\"gmail_quote\"><div class=\"gmail_attr\">On "
      "Tue, Nov 3, "
      "2026 at 9:14 AM Sam Lee &lt;sam@example.com&gt; wrote:<br></div><blockquote "
      "class=\"gmail_quote\">Old"
      "</blockquote></div></div>";
  auto d = in::decode_html_file(html);
  CHECK(d.text ==
        "Hi Sam,\n\nThank you for the interview \xE2\x80\x94 I\xE2\x80\x99m excited & grateful.\n"
        "I enjoyed meeting the team.\n\nBest,\nAna Ruiz\n");
  CHECK(file_of(d, html, "grateful") == "grateful");
  CHECK(d.map.one_to_one(span_of(d, "grateful")));
  CHECK(file_of(d, html, "\xE2\x80\x94") == "&mdash;");
  CHECK_FALSE(d.map.one_to_one(span_of(d, "interview \xE2\x80\x94")));
  CHECK(file_of(d, html, "you for") == "you&nbsp;for");
  CHECK(file_of(d, html, "meeting the") == "meeting\nthe");
  CHECK(d.text.find("Old") == std::string::npos);
}

TEST_CASE("html: Outlook paragraphs, head and reply block", "[input][html]") {
  std::string html =
      "<html><head><title>T</title><style>p.MsoNormal{margin:0}</style><script>x()</script></head>"
      "<body><p class=MsoNormal>Dear Ms. Rivera,<o:p></o:p></p><p "
      "class=MsoNormal><o:p>&nbsp;</o:p></p>"
      "<p class=MsoNormal>Thank you for Tuesday.<o:p></o:p></p><p "
      "class=MsoNormal><o:p>&nbsp;</o:p></p>"
      "<p class=MsoNormal>Sincerely,<o:p></o:p></p><p class=MsoNormal>Ren&eacute; "
      "Ruiz<o:p></o:p></p>"
      "<div id=\"appendonsend\"></div><hr><div id=\"divRplyFwdMsg\"><b>From:</b> "
      "Rivera</div><p>old</p></body></html>";
  auto d = in::decode_html_file(html);
  CHECK(d.text == "Dear Ms. Rivera,\n\nThank you for Tuesday.\n\nSincerely,\nRen\xC3\xA9 Ruiz\n");
  CHECK(file_of(d, html, "Rivera") == "Rivera");
  CHECK(file_of(d, html, "Ren\xC3\xA9") == "Ren&eacute;");
  CHECK(d.map.one_to_one(span_of(d, "Thank you for Tuesday.")));
}

TEST_CASE("html: paragraphs, br and a From: block after the body", "[input][html]") {
  std::string html =
      "<p>Hi Sam,</p><p>Line one<br>line two</p><p>Thanks</p><hr>"
      "<p><b>From:</b> Sam<br><b>Sent:</b> Monday<br><b>To:</b> Ana</p><p>old</p>";
  auto d = in::decode_html_file(html);
  CHECK(d.text == "Hi Sam,\n\nLine one\nline two\n\nThanks\n\n");
  CHECK(file_of(d, html, "two") == "two");
}

TEST_CASE("html: decode_html maps onto a part at an offset", "[input][html]") {
  std::string html = "<div>Thank you, Sam.</div><div>Sent from my iPhone</div>";
  auto d = in::decode_html(html, 100);
  CHECK(d.text == "Thank you, Sam.\n");
  CHECK(d.file_text.empty());
  CHECK(d.map.to_file(span_of(d, "Sam")).begin == 100 + html.find("Sam"));
}

TEST_CASE("html: a declared charset and the pragma comments", "[input][html]") {
  std::string html =
      "<meta charset=\"windows-1252\"><p>It\x92s Ren\xE9.</p><!-- followup-lint: disable x -->";
  auto d = in::decode_html_file(html);
  CHECK(d.problems.empty());
  CHECK(d.text == "It\xE2\x80\x99s Ren\xC3\xA9.\n\n<!-- followup-lint: disable x -->\n");
}

TEST_CASE("html: a plain blockquote is the writer's, a cite one is history", "[input][html]") {
  CHECK(
      in::decode_html("<p>As you said:</p><blockquote>ship weekly</blockquote><p>Yes.</p>").text ==
      "As you said:\n\nship weekly\n\nYes.\n");
  CHECK(in::decode_html("<p>Yes.</p><blockquote type=\"cite\">old</blockquote><p>more old</p>")
            .text == "Yes.\n");
}
