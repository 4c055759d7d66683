#include "parse/draft_parser.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "text/sentences.hpp"
#include "text/words.hpp"

namespace followup::parse {
namespace {

using core::Span;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

Span trim(std::string_view text, Span span) {
  while (span.begin < span.end && is_space(text[span.begin])) ++span.begin;
  while (span.end > span.begin && is_space(text[span.end - 1])) --span.end;
  // Non-breaking spaces (U+00A0) at either end are common in pasted text.
  while (span.size() >= 2 && text.substr(span.begin, 2) == "\xC2\xA0") span.begin += 2;
  while (span.size() >= 2 && text.substr(span.end - 2, 2) == "\xC2\xA0") span.end -= 2;
  return span;
}

std::string lower_ascii(std::string_view s) {
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

bool is_header_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

// "Name: value" -> the name's length, or 0 when the line is not a header field.
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

// A line of contact details: a phone number, an email address or a web link.
bool looks_like_contact(std::string_view s) {
  if (s.find('@') != std::string_view::npos) return true;
  if (s.find("http") != std::string_view::npos || s.find("www.") != std::string_view::npos) return true;
  if (s.find("linkedin") != std::string_view::npos) return true;
  int digits = 0;
  for (char c : s) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
  return digits >= 7;
}

// A short line that can stand in a signature block: a name, a title, a contact line.
bool looks_like_signature_line(std::string_view s) {
  if (looks_like_contact(s)) return true;
  if (count_words(s) > 8 || s.size() > 80) return false;
  return !(s.back() == '.' && count_words(s) > 4) && s.back() != '?';
}

}  // namespace
bool looks_like_closing(std::string_view line);
namespace {

bool looks_like_name_line(std::string_view s) {
  int words = count_words(s);
  if (words < 1 || words > 6 || s.size() > 60) return false;
  unsigned char first = static_cast<unsigned char>(s[0]);
  if (first < 0x80 && !std::isupper(first) && first != '{' && first != '[') return false;
  if (looks_like_closing(s)) return false;
  if (!ends_sentence(s)) return true;
  // "John Smith Jr." or "Ana B." end with a period; "Thank you." does not count.
  auto last_space = s.find_last_of(' ');
  std::string_view last = last_space == std::string_view::npos ? s : s.substr(last_space + 1);
  return s.back() == '.' && words <= 4 && (last.size() == 2 || last == "Jr." || last == "Sr.");
}

}  // namespace

bool looks_like_closing(std::string_view line) {
  std::string s = lower_ascii(line);
  while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == '!' || s.back() == ' ' ||
                        s.back() == '-' || s.back() == ':' || s.back() == ';'))
    s.pop_back();
  // "Thank you for your time," on its own line before the name is a closing
  // too; only with its comma, since "Thank you for your time." is a sentence.
  if (!line.empty() && line.back() == ',' && count_words(s) <= 8) {
    for (std::string_view p : {"thank you for ", "thanks for ", "thank you again for ", "thanks again for ",
                               "many thanks for ", "with thanks for "})
      if (s.rfind(p, 0) == 0) return true;
  }
  // Only one trailing mark is allowed, and a full stop only after short forms.
  if (s.empty() || count_words(s) > 4) return false;
  static const std::array<std::string_view, 52> closings = {
      "sincerely", "sincerely yours", "yours sincerely", "yours truly", "truly yours", "very truly yours",
      "regards", "best regards", "kind regards", "kindest regards", "warm regards", "warmest regards",
      "warm wishes", "with regards", "with kind regards", "best", "all the best", "best wishes",
      "thanks", "thank you", "many thanks", "thanks again", "thank you again", "thanks so much",
      "thank you so much", "with thanks", "with gratitude", "gratefully", "respectfully",
      "yours respectfully", "respectfully yours", "cordially", "yours cordially", "cheers", "thx",
      "love", "xoxo", "later", "take care", "talk soon", "warmly", "with appreciation",
      "with best regards", "best wishes always", "hugs", "ttyl", "peace", "ciao", "yours",
      "with sincere thanks", "appreciatively", "thanks a lot"};
  return std::find(closings.begin(), closings.end(), s) != closings.end();
}

bool looks_like_salutation(std::string_view line) {
  std::string s = lower_ascii(line.substr(0, std::min<size_t>(line.size(), 40)));
  static const std::array<std::string_view, 17> greetings = {
      "dear", "hello", "hi", "hey", "greetings", "good morning", "good afternoon", "good evening",
      "good day", "to whom", "hiya", "howdy", "attn", "attention", "dearest", "hallo", "morning"};
  for (auto g : greetings) {
    if (s.rfind(g, 0) != 0) continue;
    if (s.size() == g.size()) return true;
    char next = s[g.size()];
    if (!std::isalnum(static_cast<unsigned char>(next)) && next != '-' && next != '\'') return true;
  }
  return false;
}

namespace {

// The end of an inline salutation ("Hello Mr. Jones. I am ..."): just after
// the first ',', ':', '!' or '.', where a '.' after a title does not count.
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
template <typename TextOf>
bool starts_quoted_reply(const std::vector<Line>& lines, size_t k, TextOf text_of) {
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

}  // namespace

core::Draft parse_draft(const core::Source& source) {
  core::Draft draft;
  draft.source = &source;
  std::string_view text = source.text();
  if (text.substr(0, 3) == "\xEF\xBB\xBF") draft.content_begin = 3;

  std::vector<Line> lines = split_lines(source, draft.content_begin);
  auto line_text = [&](const Line& l) { return text.substr(l.trimmed.begin, l.trimmed.size()); };
  size_t i = 0;
  const size_t n = lines.size();

  // Front matter: TOML between a first line "+++" and the next "+++".
  if (n > 0 && line_text(lines[0]) == "+++") {
    size_t close = 1;
    while (close < n && line_text(lines[close]) != "+++") ++close;
    if (close < n) {
      uint32_t inner_begin = close > 1 ? lines[1].span.begin : lines[close].span.begin;
      draft.front_matter = Span{inner_begin, lines[close].span.begin};
      draft.front_matter_block = Span{lines[0].span.begin, lines[close].span.end};
      i = close + 1;
    } else {
      // Never closed: take the block up to the first blank line as the
      // broken front matter, so that its TOML is not read as the note.
      size_t end = 1;
      while (end < n && !lines[end].blank) ++end;
      draft.front_matter_unclosed = true;
      draft.front_matter_block = Span{lines[0].span.begin, lines[end - 1].span.end};
      i = end;
    }
  }
  while (i < n && lines[i].blank) ++i;

  // Header block: "Name: value" lines (with folded continuations) up to a blank line.
  {
    size_t k = i;
    bool known = false;
    while (k < n && !lines[k].blank) {
      std::string_view raw = text.substr(lines[k].span.begin, lines[k].span.size());
      if (k > i && (raw[0] == ' ' || raw[0] == '\t')) {
        ++k;
        continue;
      }
      size_t name_len = header_name_length(raw);
      if (name_len == 0) break;
      known = known || is_known_header(lower_ascii(raw.substr(0, name_len)));
      ++k;
    }
    if (k > i && known && (k == n || lines[k].blank)) {
      for (size_t h = i; h < k; ++h) {
        std::string_view raw = text.substr(lines[h].span.begin, lines[h].span.size());
        size_t name_len = header_name_length(raw);
        if (name_len == 0) {  // continuation of the previous field
          if (!draft.headers.empty()) {
            draft.headers.back().line.end = lines[h].span.end;
            draft.headers.back().value = trim(text, Span{draft.headers.back().value.begin, lines[h].span.end});
          }
          continue;
        }
        core::Header header;
        header.name = lower_ascii(raw.substr(0, name_len));
        header.line = lines[h].span;
        header.value = trim(text, Span{lines[h].span.begin + static_cast<uint32_t>(name_len) + 1, lines[h].span.end});
        if (header.value.empty()) header.value = Span{lines[h].span.end, lines[h].span.end};
        draft.headers.push_back(std::move(header));
      }
      draft.header_block = Span{lines[i].span.begin, lines[k - 1].span.end};
      i = k;
    }
  }

  // The body: non-blank, non-comment lines, grouped into blocks by blank lines.
  std::vector<size_t> body;       // indexes into lines
  std::vector<int> block_of;      // block number of each body line
  body.reserve(lines.size());
  block_of.reserve(lines.size());
  int block = 0;
  bool gap = false;
  for (size_t k = i; k < n; ++k) {
    if (lines[k].blank) {
      gap = true;
      continue;
    }
    if (lines[k].comment) continue;
    if (starts_quoted_reply(lines, k, [&](const Line& l) { return line_text(l); })) break;
    if (gap && !body.empty()) ++block;
    gap = false;
    body.push_back(k);
    block_of.push_back(block);
  }
  if (body.empty()) {
    uint32_t end = n ? lines[n - 1].span.end : source.size();
    draft.body = Span{end, end};
    return draft;
  }
  draft.body = Span{lines[body.front()].trimmed.begin, lines[body.back()].trimmed.end};

  size_t first = 0;             // first body line still to assign
  size_t last = body.size();    // one past the last line of paragraphs
  uint32_t paragraph_start = 0;  // set when the salutation shares its line with text

  // Salutation.
  {
    const Line& l = lines[body[0]];
    std::string_view t = line_text(l);
    bool alone = t.back() == ',' || t.back() == ':' || count_words(t) <= 6;
    if (looks_like_salutation(t)) {
      if (alone && !(ends_sentence(t) && count_words(t) > 6)) {
        draft.salutation = l.trimmed;
        first = 1;
      } else {
        uint32_t end = inline_salutation_end(t);
        draft.salutation = Span{l.trimmed.begin, l.trimmed.begin + end};
        Span rest = trim(text, Span{l.trimmed.begin + end, l.trimmed.end});
        if (rest.empty()) {
          first = 1;
        } else {
          paragraph_start = rest.begin;
        }
      }
    } else if (body.size() > 1 && (block_of[1] != block_of[0]) && t.back() == ',' && count_words(t) <= 4) {
      draft.salutation = l.trimmed;  // "Jane," or "Mr. Jones," alone on a line
      first = 1;
    }
  }

  // Closing and signature, searched from the end.
  {
    size_t lowest = first + (paragraph_start ? 1 : 0);
    size_t limit = body.size() > 10 ? body.size() - 10 : 0;
    for (size_t k = body.size(); k-- > std::max(lowest, limit);) {
      std::string_view t = line_text(lines[body[k]]);
      if (looks_like_closing(t)) {
        bool tail_ok = true;
        for (size_t s = k + 1; s < body.size(); ++s)
          tail_ok = tail_ok && looks_like_signature_line(line_text(lines[body[s]]));
        char mark = t.back();
        bool bare = mark != '.' && mark != '!';
        if (tail_ok && (bare || k + 1 < body.size())) {
          draft.closing = lines[body[k]].trimmed;
          last = k;
          break;
        }
      }
      if (!looks_like_signature_line(t)) break;
    }
    if (draft.closing && last + 1 < body.size()) {
      for (size_t s = last + 1; s < body.size(); ++s) draft.signature_lines.push_back(lines[body[s]].trimmed);
    } else if (!draft.closing && body.size() >= 2) {
      // No closing: a trailing block of short lines that opens with a name.
      int last_block = block_of.back();
      size_t start = body.size();
      while (start > 0 && block_of[start - 1] == last_block) --start;
      bool all_short = start > first && body.size() - start <= 6;
      for (size_t s = start; all_short && s < body.size(); ++s)
        all_short = looks_like_signature_line(line_text(lines[body[s]]));
      if (all_short && looks_like_name_line(line_text(lines[body[start]])) && !looks_like_contact(line_text(lines[body[start]]))) {
        for (size_t s = start; s < body.size(); ++s) draft.signature_lines.push_back(lines[body[s]].trimmed);
        last = start;
      }
    }
    if (!draft.signature_lines.empty())
      draft.signature = Span{draft.signature_lines.front().begin, draft.signature_lines.back().end};
  }

  // Paragraphs: blocks between salutation and closing; a block without blank
  // lines is split where a short line ends a sentence (one line per paragraph).
  {
    size_t k = first;
    while (k < last) {
      int b = block_of[k];
      size_t end = k;
      size_t max_len = 0;
      while (end < last && block_of[end] == b) max_len = std::max<size_t>(max_len, lines[body[end]].trimmed.size()), ++end;
      uint32_t para_begin = (k == first && paragraph_start) ? paragraph_start : lines[body[k]].trimmed.begin;
      uint32_t para_end = lines[body[k]].trimmed.end;
      for (size_t s = k + 1; s < end; ++s) {
        std::string_view prev = line_text(lines[body[s - 1]]);
        std::string_view cur = line_text(lines[body[s]]);
        bool unwrapped = max_len > 100 || prev.size() * 10 < max_len * 6;
        bool split = ends_sentence(prev) && unwrapped && !starts_with_bullet(cur) &&
                     !(cur[0] >= 'a' && cur[0] <= 'z');
        if (split) {
          draft.paragraphs.push_back(Span{para_begin, para_end});
          para_begin = lines[body[s]].trimmed.begin;
        }
        para_end = lines[body[s]].trimmed.end;
      }
      draft.paragraphs.push_back(Span{para_begin, para_end});
      k = end;
    }
  }

  thread_local std::vector<followup::text::SentenceSpan> sentences;  // reused from draft to draft
  draft.sentences.reserve(std::min<size_t>(text.size() / 40 + 1, 256));  // about one per 40 bytes
  for (Span p : draft.paragraphs) {
    followup::text::split_sentences(text.substr(p.begin, p.size()), sentences);
    for (const auto& s : sentences)
      draft.sentences.push_back({Span{p.begin + s.span.begin, p.begin + s.span.end}, s.list_item});
  }
  // Words part by part: one emoji then sends only its own part through ICU's slow path.
  thread_local std::vector<Span> words;
  auto add_words = [&](Span part) {
    followup::text::split_words(text.substr(part.begin, part.size()), words);
    for (Span w : words) draft.words.push_back(Span{part.begin + w.begin, part.begin + w.end});
  };
  draft.words.reserve(std::min<size_t>(text.size() / 6, 1024));  // a typical note, without growing
  if (draft.salutation) add_words(*draft.salutation);
  for (Span p : draft.paragraphs) add_words(p);
  if (draft.closing) add_words(*draft.closing);
  for (Span s : draft.signature_lines) add_words(s);
  // A huge draft's buffers are not kept for the next one.
  constexpr size_t kKeep = 1 << 16;
  if (words.capacity() > kKeep) std::vector<Span>().swap(words);
  if (sentences.capacity() > kKeep) std::vector<followup::text::SentenceSpan>().swap(sentences);
  return draft;
}

}  // namespace followup::parse
