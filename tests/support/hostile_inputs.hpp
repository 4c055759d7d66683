// Test inputs for the robustness tests (tests/robustness, tests/slow):
// realistic notes to repeat into large drafts, and the pathological
// texts aimed at each rule. Everything is built in memory from fixed text, so
// the same call always gives the same bytes.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "support/drafts.hpp"

namespace followup::testing {

// Three notes of the three kinds, with headers, hard-wrapped paragraphs and a
// few ordinary defects, as a mailbox export or a pasted thread would hold them.
inline const std::string kNoteBlock = R"(Subject: Thank you - Data Analyst interview
To: Priya Natarajan <priya.natarajan@harbor.example.com>
Date: Fri, 21 Nov 2026 09:00:00 -0500

Dear Ms. Natarajan,

Thank you for meeting with me yesterday about the Data Analyst role at
Harbor Freight Logistics. I enjoyed hearing how your team forecasts
shipping volume, and I left excited about the dashboards you described.

My work at Lakeshore Consulting taught me to clean messy data quickly
and to explain results to people who do not read SQL. I am a team player
who would bring the same care to your reporting.

If you have any further questions, you can reach me at (555) 010-4477.
Thank you again for your time.

Sincerely,
Jordan Lee
(555) 010-4477
jordan.lee@example.com

Subject: Following up on the Logistics Planner position
To: Tariq Williams <tariq.williams@tidewater.example.com>

Dear Mr. Williams,

I hope your week is going well. I am writing to follow up on my
interview last Monday for the Logistics Planner role at Tidewater Foods.

I remain very interested in the position. Is there any update on the
timeline for a decision? Could I send anything else that would help?

Best regards,
Ines Rivera
ines.rivera@example.net

Hello Ana,

Thank you for letting me know about your decision on the Site
Reliability Engineer position. While I am disappointed, I appreciated
the chance to learn more about your team and the work you do.

Please keep me in mind for future openings. You can reach me at
sam.ortiz@example.org. Thank you again for your time.

Cheers,
Sam
)";

// `bytes` or a little more of kNoteBlock repeated: a large, realistic draft.
inline std::string realistic_draft(size_t bytes) {
  std::string out;
  out.reserve(bytes + kNoteBlock.size());
  while (out.size() < bytes) out += kNoteBlock + "\n";
  return out;
}

// One paragraph of ordinary sentences, `bytes` or a little more long, on a
// single line between a salutation and a signature.
inline std::string single_line_draft(size_t bytes) {
  const std::string sentence =
      "Thank you for taking the time to speak with me about the Customer Service Associate "
      "position, and for the tour of the call center. ";
  std::string out = "Dear Mr. Jones,\n\n";
  out.reserve(bytes + 256);
  while (out.size() < bytes) out += sentence;
  out += "\n\nSincerely,\nAna Cruz\n(555) 010-4477\n";
  return out;
}

// kNoteBlock with every line break turned into a space, repeated into one
// paragraph on a single line: many findings inside one huge section.
inline std::string realistic_single_line(size_t bytes) {
  std::string line;
  for (char c : kNoteBlock) line += c == '\n' ? ' ' : c;
  std::string out = "Dear Mr. Jones,\n\n";
  out.reserve(bytes + line.size() + 64);
  while (out.size() < bytes) out += line;
  return out + "\n\nSincerely,\nAna Cruz\n(555) 010-4477\n";
}

// `text` repeated until it is `bytes` long or a little more.
inline std::string repeat_to(const std::string& text, size_t bytes) {
  std::string out;
  out.reserve(bytes + text.size());
  while (out.size() < bytes) out += text;
  return out;
}

// A note whose body paragraph is `body`, with a header and a closing around it.
inline std::string note_with_body(const std::string& body) {
  return "Subject: Thank you - Customer Service Associate interview\n"
         "To: sam.jones@example.com\n\n"
         "Dear Mr. Jones,\n\n" +
         body +
         "\n\nThank you again for your time.\n\n"
         "Sincerely,\nAna Cruz\n(555) 010-4477\n";
}

// Pathological text aimed at each rule or group of rules: long runs of what a
// pattern matches, openers that never close, and text with no word breaks.
// Each body is about `bytes` long. Names are file stems.
inline std::vector<std::pair<std::string, std::string>> pathological_bodies(size_t bytes) {
  return {
      {"repeated-word", repeat_to("the ", bytes)},          // style.repeated-word
      {"exclamations", std::string(bytes, '!')},            // style.exclamation
      {"exclaimed-words", repeat_to("Great!!!! ", bytes)},  // style.exclamation
      {"emoji", repeat_to("\xF0\x9F\x98\x80", bytes)},      // style.emoji
      {"emoji-sequences",                                   // ZWJ, skin tone, VS16
       repeat_to("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xF0\x9F\x8F\xBD\xEF\xB8\x8F",
                 bytes)},
      {"shouting", repeat_to("URGENT PLEASE RESPOND ", bytes)},                    // style.shouting
      {"informal", repeat_to("u lol thx gonna wanna ", bytes)},                    // style.informal
      {"cliches", repeat_to("team player, hard worker, people person. ", bytes)},  // cliche.*
      {"pressure", repeat_to("ASAP?! I need to know. ", bytes)},  // inquiry.pressure
      {"questions", repeat_to("Why? ", bytes)},                   // inquiry.multiple-questions
      {"one-long-question", repeat_to("why ", bytes) + "?"},
      {"open-braces", repeat_to("{{", bytes)},  // placeholder.*
      {"open-brace-names", repeat_to("{{name ", bytes)},
      {"closed-braces", repeat_to("{{x}}", bytes)},
      {"open-brackets", std::string(bytes, '[')},
      {"open-angles", std::string(bytes, '<')},
      {"placeholder-words", repeat_to("XXX TODO TBD (000) 000-0000 ", bytes)},
      {"attachments", repeat_to("I have attached my resume. ", bytes)},  // attachment.missing
      {"reach-me", repeat_to("reach me at ", bytes)},                    // contact.incomplete
      {"digits", std::string(bytes, '0')},                               // contact.*
      {"at-signs", std::string(bytes, '@')},
      {"no-spaces", std::string(bytes, 'a')},  // words, sentences
      {"no-spaces-words", repeat_to("Thankyou", bytes)},
      {"dots", std::string(bytes, '.')},  // paragraph.too-long
      {"abbreviations", repeat_to("Mr. Dr. Ms. A. B. ", bytes)},
      {"nested-quotes",  // skip_quoted
       repeat_to("\"'\xE2\x80\x9C\xE2\x80\x98", bytes / 2) +
           repeat_to("\xE2\x80\x99\xE2\x80\x9D'\"", bytes / 2)},
      {"odd-quotes", std::string(bytes, '"')},
      {"html-comments", repeat_to("<!-- ", bytes)},             // pragmas
      {"combining-marks", "e" + repeat_to("\xCC\x81", bytes)},  // columns, carets
      {"zero-width", repeat_to("\xE2\x80\x8B", bytes)},
      {"bidi-overrides", repeat_to("\xE2\x80\xAE", bytes) + "abc"},
      {"tabs", std::string(bytes, '\t')},
  };
}

}  // namespace followup::testing
