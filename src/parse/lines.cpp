#include "parse/lines.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "parse/draft_parser.hpp"

namespace followup::parse {
namespace {

bool is_header_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

}  // namespace

int count_words(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = is_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool starts_with_bullet(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  s.remove_prefix(i);
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') return true;
  if (s.rfind("\xE2\x80\xA2", 0) == 0) return true;  // •
  size_t d = 0;
  while (d < s.size() && d < 3 && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
  return d > 0 && d + 1 < s.size() && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ';
}

size_t header_name_length(std::string_view line) {
  if (line.empty() || !std::isalpha(static_cast<unsigned char>(line[0]))) return 0;
  size_t i = 0;
  while (i < line.size() && is_header_name_char(line[i])) ++i;
  if (i == 0 || i > 40 || i >= line.size() || line[i] != ':') return 0;
  if (i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != '\t') return 0;
  return i;
}

bool is_known_header(std::string_view lower_name) {
  static const std::array<std::string_view, 16> known = {
      "subject", "to", "cc", "bcc", "date", "attachments", "attachment", "from", "reply-to",
      "sender", "message-id", "in-reply-to", "references", "mime-version", "content-type", "re"};
  return std::find(known.begin(), known.end(), lower_name) != known.end() ||
         lower_name.rfind("x-", 0) == 0;
}

bool ends_sentence(std::string_view s) {
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')') return true;
  return s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||   // ”
                           s.substr(s.size() - 3) == "\xE2\x80\x99");    // ’
}

bool looks_like_contact(std::string_view s) {
  if (s.find('@') != std::string_view::npos) return true;
  if (s.find("http") != std::string_view::npos || s.find("www.") != std::string_view::npos) return true;
  if (s.find("linkedin") != std::string_view::npos) return true;
  int digits = 0;
  for (char c : s) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
  return digits >= 7;
}

bool looks_like_signature_line(std::string_view s) {
  if (looks_like_contact(s)) return true;
  if (count_words(s) > 8 || s.size() > 80) return false;
  return !(s.back() == '.' && count_words(s) > 4) && s.back() != '?';
}

bool looks_like_name_line(std::string_view s) {
  int words = count_words(s);
  if (words < 1 || words > 6 || s.size() > 60) return false;
  unsigned char first = static_cast<unsigned char>(s[0]);
  if (first < 0x80 && !std::isupper(first) && first != '{' && first != '[' && first != '(' && first != '<') return false;
  if (looks_like_closing(s)) return false;
  if (is_slot_line(s)) return true;  // "(Your name)" stands where the name belongs
  if (!ends_sentence(s)) return true;
  // "John Smith Jr." or "Ana B." end with a period; "Thank you." does not count.
  auto last_space = s.find_last_of(' ');
  std::string_view last = last_space == std::string_view::npos ? s : s.substr(last_space + 1);
  return s.back() == '.' && words <= 4 && (last.size() == 2 || last == "Jr." || last == "Sr.");
}


bool is_slot_line(std::string_view s) {
  while (!s.empty() && (s.back() == ',' || s.back() == ':' || s.back() == ' ')) s.remove_suffix(1);
  if (s.size() < 3) return false;
  const std::string_view opens = "[(<{", closes = "])>}";
  size_t kind = opens.find(s.front());
  if (kind == std::string_view::npos || s.back() != closes[kind]) return false;
  // One slot, not two asides on a line: no closing bracket before the end.
  return s.find(closes[kind]) == s.size() - 1 && s.find_first_of("@/=") == std::string_view::npos;
}

bool starts_with_title(std::string_view s) {
  static const std::array<std::string_view, 10> titles = {"Mr.", "Ms.", "Mrs.", "Mx.", "Dr.", "Prof.", "Professor ",
                                                         "Miss ", "Mr ", "Ms "};
  for (auto t : titles)
    if (s.rfind(t, 0) == 0) return true;
  return false;
}

bool looks_like_bare_salutation(std::string_view s) {
  if (s.size() < 3 || (s.back() != ',' && s.back() != ':')) return false;
  int words = count_words(s);
  if (is_slot_line(s)) return words <= 8;  // "(Decision Maker's Name):"
  if (starts_with_title(s)) return words <= 5;  // "Ms. Rivera:", "Dr. Kim,"
  return false;
}

bool looks_like_heading_line(std::string_view s) {
  if (header_name_length(s) > 0) return count_words(s) <= 20;  // "Re: ...", "Subject: ..."
  int words = count_words(s);
  if (words > 10 || s.size() > 90) return false;
  char last = s.back();
  if (last == '?' || last == '!' || last == ',' || last == ':') return false;
  // "Acme Inc." or "Main St." may end with a period; a sentence does not sit here.
  if (last != '.' || words <= 3) return true;
  static const std::array<std::string_view, 22> abbreviations = {
      "Ltd.", "Inc.", "Co.",  "Corp.", "LLC.", "LLP.", "Pvt.", "St.",  "Ave.", "Rd.",  "Blvd.",
      "Dr.",  "Jr.",  "Sr.",  "Ste.",  "Apt.", "Bldg.", "Esq.", "Ph.D.", "Hwy.", "Pkwy.", "Ln."};
  auto space = s.find_last_of(' ');
  std::string_view last_word = space == std::string_view::npos ? s : s.substr(space + 1);
  return std::find(abbreviations.begin(), abbreviations.end(), last_word) != abbreviations.end();
}

size_t inline_closing_length(std::string_view line) {
  size_t comma = line.find(',');
  if (comma == std::string_view::npos || comma + 2 >= line.size()) return 0;
  if (!looks_like_closing(line.substr(0, comma + 1))) return 0;
  std::string_view rest = line.substr(comma + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return !rest.empty() && looks_like_name_line(rest) && count_words(rest) <= 4 ? comma + 1 : 0;
}

uint32_t inline_salutation_end(std::string_view line) {
  static const std::array<std::string_view, 6> titles = {"mr", "ms", "mrs", "dr", "prof", "mx"};
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == ',' || c == ':' || c == '!' || c == ';') return static_cast<uint32_t>(i + 1);
    if (c == '.') {
      size_t w = i;
      while (w > 0 && std::isalpha(static_cast<unsigned char>(line[w - 1]))) --w;
      std::string word = lower_ascii(line.substr(w, i - w));
      if (std::find(titles.begin(), titles.end(), word) != titles.end() || word.size() == 1) continue;
      return static_cast<uint32_t>(i + 1);
    }
  }
  return static_cast<uint32_t>(line.size());
}

// The original message quoted under a reply ("On Mon, ... wrote:" followed
// by "> " lines, or Outlook's "-----Original Message-----") is not part of
// the note: the body ends there.
bool starts_quoted_reply(const std::vector<Line>& lines, size_t k, std::string_view text) {
  auto text_of = [text](const Line& l) { return text.substr(l.trimmed.begin, l.trimmed.size()); };
  std::string_view t = text_of(lines[k]);
  // Most lines start with neither "--", "on " nor ">": no lowercase copy for them.
  if (t.rfind("--", 0) == 0 && lower_ascii(t).find("original message") != std::string::npos) return true;
  if (t.empty() || t[0] != '>') {
    bool wrote = t.size() > 6 && (t[0] == 'o' || t[0] == 'O') && lower_ascii(t.substr(0, 3)) == "on " &&
                 lower_ascii(t.substr(t.size() - 6)) == "wrote:";
    if (!wrote) return false;
  }
  // Quoted lines (and the "wrote:" line) count only when the rest is quoted too.
  for (size_t j = k + 1; j < lines.size(); ++j) {
    if (lines[j].blank) continue;
    std::string_view next = text_of(lines[j]);
    if (next.empty() || next[0] != '>') return false;
  }
  return true;
}

std::vector<Line> split_lines(const core::Source& source, uint32_t from) {
  std::vector<Line> lines;
  std::string_view text = source.text();
  uint32_t first = source.line_of(from);
  lines.reserve(source.line_count() - first + 1);
  bool in_comment = false;
  for (uint32_t n = first; n <= source.line_count(); ++n) {
    Line line;
    line.span = source.line_span(n);
    if (line.span.begin < from) line.span.begin = from;
    line.trimmed = trim(text, line.span);
    line.blank = line.trimmed.empty();
    std::string_view t = text.substr(line.trimmed.begin, line.trimmed.size());
    if (in_comment || t.rfind("<!--", 0) == 0) {
      line.comment = true;
      in_comment = t.find("-->") == std::string_view::npos;
    }
    lines.push_back(line);
  }
  return lines;
}

}  // namespace followup::parse
