#include "input/history.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "input/text_builder.hpp"

namespace followup::input {
namespace {

struct Line {
  uint32_t begin = 0;  // first byte
  uint32_t end = 0;    // end of the content, before the line ending
  uint32_t next = 0;   // start of the next line
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  uint32_t i = 0, n = to_u32(text.size());
  while (i < n) {
    uint32_t b = i;
    while (i < n && text[i] != '\n' && text[i] != '\r') ++i;
    uint32_t e = i;
    if (i < n && text[i] == '\r') ++i;
    if (i < n && text[i] == '\n' && (i == e || text[i - 1] == '\r')) ++i;
    lines.push_back({b, e, i});
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool istarts_with(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != lower(prefix[i])) return false;
  return true;
}

size_t ifind(std::string_view s, std::string_view needle) {
  if (needle.size() > s.size()) return std::string_view::npos;
  for (size_t i = 0; i + needle.size() <= s.size(); ++i)
    if (istarts_with(s.substr(i), needle)) return i;
  return std::string_view::npos;
}

bool is_blank(std::string_view line) { return trim(line).empty(); }

bool is_quoted(std::string_view line) {
  std::string_view t = trim(line);
  return !t.empty() && t.front() == '>';
}

// "-- " is the usenet/mail signature delimiter; "--" alone is the same line
// with its trailing space stripped by an editor.
bool is_signature_delimiter(std::string_view line) { return trim(line) == "--"; }

bool is_footer(std::string_view line) {
  static constexpr std::array<std::string_view, 9> kPrefixes = {
      "sent from my ",        "get outlook for ",  "sent from mail for windows",
      "sent from yahoo mail", "sent from outlook", "sent from the all new aol",
      "sent with proton",     "sent from samsung", "sent via the samsung"};
  std::string_view t = trim(line);
  // A footer is a short line of its own, not a sentence that happens to start alike.
  if (t.size() > 90) return false;
  return std::any_of(kPrefixes.begin(), kPrefixes.end(),
                     [&](std::string_view p) { return istarts_with(t, p); });
}

bool all_of_char(std::string_view t, char c, size_t min_count) {
  return t.size() >= min_count && t.find_first_not_of(c) == std::string_view::npos;
}

// "-----Original Message-----", "-------- Forwarded Message --------",
// "---------- Forwarded message ---------", "Begin forwarded message:".
bool is_separator_marker(std::string_view line) {
  std::string_view t = trim(line);
  if (istarts_with(t, "begin forwarded message")) return true;
  if (!t.starts_with("--") || !t.ends_with("--")) return false;
  static constexpr std::array<std::string_view, 6> kWords = {
      "original message",  "forwarded message", "ursprüngliche nachricht",
      "message d'origine", "mensaje original",  "message transféré"};
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::string_view w) { return ifind(t, w) != std::string_view::npos; });
}

// "On Tue, Nov 3, 2026 at 9:14 AM Ana Ruiz <ana@example.com> wrote:" and its
// translations: an opening word, a date or an address (so a digit or an @),
// the verb near the end, a final colon. "On Monday, you wrote that the team…"
// ends in no colon and is the writer's own sentence.
bool is_reply_header(std::string_view t) {
  struct Form {
    std::string_view open, verb;
  };
  static constexpr std::array<Form, 8> kForms = {{{"on ", "wrote"},
                                                  {"le ", "a écrit"},
                                                  {"am ", "schrieb"},
                                                  {"el ", "escribió"},
                                                  {"il ", "ha scritto"},
                                                  {"em ", "escreveu"},
                                                  {"op ", "schreef"},
                                                  {"w dniu ", "napisał"}}};
  if (t.size() > 400 || !t.ends_with(':')) return false;
  if (t.find_first_of("0123456789@") == std::string_view::npos) return false;
  for (const Form& f : kForms) {
    if (!istarts_with(t, f.open)) continue;
    size_t v = ifind(t, f.verb);
    // Only a name and an address may follow the verb ("schrieb Ana <a@b.c>:").
    if (v != std::string_view::npos && t.size() - (v + f.verb.size()) <= 80) return true;
  }
  return false;
}

bool is_field(std::string_view line, std::initializer_list<std::string_view> names) {
  std::string_view t = trim(line);
  while (!t.empty() && t.front() == '*') t.remove_prefix(1);  // "*From:*" from bold HTML
  for (std::string_view name : names) {
    if (istarts_with(t, name) && t.size() > name.size() &&
        (t[name.size()] == ':' || t.substr(name.size()).starts_with("*:") ||
         t.substr(name.size()).starts_with(" :")))
      return true;
  }
  return false;
}

bool is_from_field(std::string_view line) {
  return is_field(line, {"from", "de", "von", "da", "van"});
}

class History {
 public:
  History(std::string_view text, const std::vector<Line>& lines) : text_(text), lines_(lines) {}

  std::string_view line(size_t i) const {
    return text_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin);
  }

  // Whether history starts at line i: everything from it on is left out.
  bool starts_at(size_t i, bool body_seen) const {
    std::string_view t = trim(line(i));
    if (is_separator_marker(t) || is_reply_header(t)) return true;
    if (i + 1 < lines_.size() && is_wrapped_reply_header(t, trim(line(i + 1)))) return true;
    if (all_of_char(t, '_', 10)) {
      size_t n = next_nonblank(i + 1);
      if (n < lines_.size() && is_from_field(line(n))) return true;
      return body_seen && t.size() >= 30;
    }
    return body_seen && is_outlook_block(i);
  }

 private:
  size_t next_nonblank(size_t i) const {
    while (i < lines_.size() && is_blank(line(i))) ++i;
    return i;
  }

  bool is_wrapped_reply_header(std::string_view first, std::string_view second) const {
    if (first.empty() || first.ends_with(':') || first.size() > 200 || second.size() > 200)
      return false;
    if (!second.ends_with(':')) return false;
    std::string joined(first);
    joined += ' ';
    joined += second;
    return is_reply_header(joined);
  }

  // An Outlook reply header: From:, then within a few lines Sent:/Date: and To:/Subject:.
  bool is_outlook_block(size_t i) const {
    if (!is_from_field(line(i))) return false;
    bool sent = false, to = false;
    for (size_t k = i + 1; k < lines_.size() && k <= i + 6; ++k) {
      std::string_view l = line(k);
      sent = sent ||
             is_field(l, {"sent", "date", "envoyé", "gesendet", "enviado", "datum", "inviato"});
      to = to ||
           is_field(l, {"to", "subject", "cc", "à", "an", "para", "objet", "betreff", "asunto"});
    }
    return sent && to;
  }

  std::string_view text_;
  const std::vector<Line>& lines_;
};

bool is_header_shaped(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > 30) return false;
  if (!std::isalpha(static_cast<unsigned char>(line[0]))) return false;
  return std::all_of(line.begin(), line.begin() + static_cast<long>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
}

// The first line after front matter (a `+++` or `---` line up to the same
// line again; unterminated front matter is not front matter) and after the
// top header block, which the parser reads and which is never history.
size_t draft_body_start(std::string_view text, const std::vector<Line>& lines) {
  auto at = [&](size_t i) { return text.substr(lines[i].begin, lines[i].end - lines[i].begin); };
  size_t i = 0;
  if (!lines.empty() && (trim(at(0)) == "+++" || trim(at(0)) == "---")) {
    std::string_view fence = trim(at(0));
    size_t k = 1;
    while (k < lines.size() && trim(at(k)) != fence) ++k;
    if (k < lines.size()) i = k + 1;
  }
  while (i < lines.size() && is_blank(at(i))) ++i;
  while (i < lines.size() && is_header_shaped(at(i))) ++i;
  return i;
}

void keep(std::vector<core::Span>& spans, core::Span span) {
  if (span.empty()) return;
  if (!spans.empty() && spans.back().end == span.begin) {
    spans.back().end = span.end;
  } else {
    spans.push_back(span);
  }
}

}  // namespace

std::vector<core::Span> writer_spans(std::string_view text, Layout layout) {
  std::vector<Line> lines = split_lines(text);
  History history(text, lines);
  std::vector<core::Span> spans;
  size_t i = layout == Layout::kDraft ? draft_body_start(text, lines) : 0;
  if (i > 0) keep(spans, {0, lines[i - 1].next});
  bool body_seen = false;
  for (; i < lines.size(); ++i) {
    std::string_view line = history.line(i);
    if (history.starts_at(i, body_seen)) break;
    if (is_quoted(line) || is_footer(line) || is_signature_delimiter(line)) continue;
    body_seen = body_seen || !is_blank(line);
    keep(spans, {lines[i].begin, lines[i].next});
  }
  return spans;
}

void keep_writer_text(Decoded& decoded, Layout layout) {
  std::vector<core::Span> spans = writer_spans(decoded.text, layout);
  if (spans.size() == 1 && spans[0].begin == 0 && spans[0].end == decoded.text.size()) return;
  if (decoded.file_text.empty() && decoded.map.is_identity()) decoded.file_text = decoded.text;
  keep_spans(decoded.text, decoded.map, spans);
}

}  // namespace followup::input
