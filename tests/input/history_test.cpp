#include "input/history.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace in = followup::input;

namespace {

std::string kept(std::string_view text, in::Layout layout = in::Layout::kDraft) {
  std::string out;
  for (auto span : in::writer_spans(text, layout)) out += text.substr(span.begin, span.size());
  return out;
}

}  // namespace

TEST_CASE("history: quoted lines and reply headers are left out", "[input][history]") {
  CHECK(kept("Hi Sam,\n\nThanks.\n\nOn Tue, Nov 3, 2026 at 9:14 AM Ana Ruiz <ana@example.com> "
             "wrote:\n> old\n") == "Hi Sam,\n\nThanks.\n\n");
  CHECK(
      kept(
          "Thanks.\nOn Tue, Nov 3, 2026 at 9:14 AM Ana Ruiz <\nana@example.com> wrote:\n> old\n") ==
      "Thanks.\n");
  CHECK(kept("Merci.\nLe mar. 3 nov. 2026 à 09:14, Ana Ruiz <ana@example.com> a écrit :\n> x\n") ==
        "Merci.\n");
  CHECK(kept("Danke.\nAm 03.11.2026 um 09:14 schrieb Ana Ruiz <ana@example.com>:\n") == "Danke.\n");
  CHECK(kept("Hi,\n> quoted\nmine\n") == "Hi,\nmine\n");
}

TEST_CASE("history: separators, Outlook blocks and forwards cut the rest", "[input][history]") {
  CHECK(kept("Thanks.\n\n-----Original Message-----\nFrom: A\n") == "Thanks.\n\n");
  CHECK(kept("Thanks.\r\n\r\n________________________________\r\nFrom: Ana\r\nSent: Monday\r\nTo: "
             "me\r\n") == "Thanks.\r\n\r\n");
  CHECK(kept("Thanks.\n\nFrom: Ana Ruiz <ana@example.com>\nSent: Monday, November 2, 2026\nTo: "
             "Sam\nSubject: Re: x\n\nold\n") == "Thanks.\n\n");
  CHECK(kept("FYI.\n\n---------- Forwarded message ---------\nFrom: A\n") == "FYI.\n\n");
  CHECK(kept("FYI.\n\nBegin forwarded message:\n\nFrom: A\n") == "FYI.\n\n");
}

TEST_CASE("history: client footers and the signature delimiter", "[input][history]") {
  CHECK(kept("Thanks.\n\nSent from my iPhone\n") == "Thanks.\n\n");
  CHECK(kept("Thanks.\nGet Outlook for Android<https://aka.ms/ghei36>\n") == "Thanks.\n");
  CHECK(kept("Thanks.\nSent from my Galaxy\n") == "Thanks.\n");
  CHECK(kept("Thanks.\nSent from Mail for Windows\n") == "Thanks.\n");
  CHECK(kept("Thanks.\nSent from Yahoo Mail on Android\n") == "Thanks.\n");
  CHECK(kept("Best,\n-- \nAna Ruiz\nProduct Manager\n") == "Best,\nAna Ruiz\nProduct Manager\n");
}

TEST_CASE("history: near misses stay the writer's text", "[input][history]") {
  std::string own =
      "Hi Sam,\n\nOn Monday, you wrote that the team ships weekly.\nOn reflection, I agree:\n";
  CHECK(kept(own) == own);
  std::string header =
      "From: Ana Ruiz\nTo: Sam Lee\nSubject: Thank you\nDate: 2026-11-21\n\nHi Sam,\n";
  CHECK(kept(header) == header);
  std::string body = "From: Ana Ruiz\nSent: Monday\nTo: Sam\n\nHi Sam,\n";
  CHECK(kept(body, in::Layout::kBody) == body);  // a block before any body text is the draft's own
  std::string sentence =
      "I was sent from my team to the meeting because I led the project and know it well, "
      "which is why I write.\n";
  CHECK(kept(sentence) == sentence);
  std::string signature_line = "Sincerely,\n\n____________\nAna Ruiz\n";
  CHECK(kept(signature_line) == signature_line);
  std::string front = "+++\nkind = \"thank-you\"\n+++\nSubject: x\n\n> not history? yes\nHi\n";
  CHECK(kept(front) == "+++\nkind = \"thank-you\"\n+++\nSubject: x\n\nHi\n");
}
