// Internal to src/parse/: the lines of a draft and what each line looks
// like (a header field, a greeting, a closing, a name, contact details).
// The classifiers read one trimmed line and never look at its neighbours;
// draft_parser.cpp decides from them and from the layout around them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"
#include "core/span.hpp"

namespace followup::parse {

using core::Span;

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

inline Span trim(std::string_view text, Span span) {
  while (span.begin < span.end && is_space(text[span.begin])) ++span.begin;
  while (span.end > span.begin && is_space(text[span.end - 1])) --span.end;
  // Non-breaking spaces (U+00A0) at either end are common in pasted text.
  while (span.size() >= 2 && text.substr(span.begin, 2) == "\xC2\xA0") span.begin += 2;
  while (span.size() >= 2 && text.substr(span.end - 2, 2) == "\xC2\xA0") span.end -= 2;
  return span;
}

inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));  // ASCII only: no locale lookup per byte
  return out;
}

struct Line {
  Span span;     // without the terminator
  Span trimmed;  // without surrounding whitespace
  bool blank = false;
  bool comment = false;  // an HTML comment line, e.g. a suppression pragma
};

// The draft's lines from byte `from` on, with HTML comment lines marked.
std::vector<Line> split_lines(const core::Source& source, uint32_t from);

int count_words(std::string_view s);
// "- ", "* ", "• ", "1. ", "2) " at the start of a line.
bool starts_with_bullet(std::string_view s);
// "Name: value" -> the name's length, or 0 when the line is not a header field.
size_t header_name_length(std::string_view line);
bool is_known_header(std::string_view lower_name);
bool ends_sentence(std::string_view s);
// A line of contact details: a phone number, an email address or a web link.
bool looks_like_contact(std::string_view s);
// A short line that can stand in a signature block: a name, a title, a contact line.
bool looks_like_signature_line(std::string_view s);
// A line that can be the writer's name ("Ana Ruiz", "John Smith Jr.").
bool looks_like_name_line(std::string_view s);
// A line that is one template slot: "[Your Name]", "(Hiring Manager's Name):".
bool is_slot_line(std::string_view s);
// "Mr.", "Ms.", "Dr." ... at the start of a line.
bool starts_with_title(std::string_view s);
// A salutation with no greeting word: "Ms. Rivera:", "Dr. Kim,", "[Name],".
bool looks_like_bare_salutation(std::string_view s);
// A line that can stand in a letter's heading: an address line, a date, a
// name or title, a company, a "Re:" line.
bool looks_like_heading_line(std::string_view s);
// "Sincerely, Ana Ruiz" -> the length of "Sincerely,"; 0 for any other line.
size_t inline_closing_length(std::string_view line);
// The end of an inline salutation ("Hello Mr. Jones. I am ..."): just after
// the first ',', ':', '!' or '.', where a '.' after a title does not count.
uint32_t inline_salutation_end(std::string_view line);
// Whether line k starts the original message quoted under a reply.
bool starts_quoted_reply(const std::vector<Line>& lines, size_t k, std::string_view text);

}  // namespace followup::parse
