#include "parse/draft_parser.hpp"

#include <algorithm>
#include <string>

#include "parse/lines.hpp"
#include "text/phone_numbers.hpp"
#include "text/sentences.hpp"
#include "text/words.hpp"

namespace followup::parse {
namespace {

// One parse: the lines, where the reading is, and the draft being filled.
// Each step reads the parts before it and leaves its own in `draft`.
class DraftParser {
 public:
  explicit DraftParser(const core::Source& source) : text_(source.text()) {
    draft_.source = &source;
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") draft_.content_begin = 3;
    lines_ = split_lines(source, draft_.content_begin);
  }

  void read_front_matter();
  void read_header_block();
  // False when the draft has no body at all.
  bool collect_body_lines();
  void read_letter_head();
  void read_postscript();
  void read_salutation();
  void read_closing_and_signature();
  void read_paragraphs();
  void split_sentences_and_words();
  void find_phone_numbers(const std::string& region);
  core::Draft take() { return std::move(draft_); }

 private:
  std::string_view line_text(const Line& l) const { return text_.substr(l.trimmed.begin, l.trimmed.size()); }
  std::string_view body_text(size_t k) const { return line_text(lines_[body_[k]]); }
  void read_header_fields(size_t end);
  bool read_signature_without_closing();
  bool is_salutation_line(size_t k) const;
  void read_reference_line(Span line);
  bool read_inline_closing(size_t k);

  std::string_view text_;
  core::Draft draft_;
  std::vector<Line> lines_;
  size_t next_ = 0;              // the first line not yet read
  std::vector<size_t> body_;     // the body's non-blank, non-comment lines (indexes into lines_)
  std::vector<int> block_of_;    // block number (blank-line separated) of each body line
  size_t first_ = 0;             // first body line still to assign
  size_t last_ = 0;              // one past the last line of paragraphs
  uint32_t paragraph_start_ = 0;  // set when the salutation shares its line with text
};

// Front matter: TOML between a first line "+++" and the next "+++".
void DraftParser::read_front_matter() {
  const size_t n = lines_.size();
  if (n > 0 && line_text(lines_[0]) == "+++") {
    size_t close = 1;
    while (close < n && line_text(lines_[close]) != "+++") ++close;
    if (close < n) {
      uint32_t inner_begin = close > 1 ? lines_[1].span.begin : lines_[close].span.begin;
      draft_.front_matter = Span{inner_begin, lines_[close].span.begin};
      draft_.front_matter_block = Span{lines_[0].span.begin, lines_[close].span.end};
      next_ = close + 1;
    } else {
      // Never closed: take the block up to the first blank line as the
      // broken front matter, so that its TOML is not read as the note.
      size_t end = 1;
      while (end < n && !lines_[end].blank) ++end;
      draft_.front_matter_unclosed = true;
      draft_.front_matter_block = Span{lines_[0].span.begin, lines_[end - 1].span.end};
      next_ = end;
    }
  }
  while (next_ < n && lines_[next_].blank) ++next_;
}

// Header block: "Name: value" lines (with folded continuations) up to a blank
// line, with at least one name that mail uses.
void DraftParser::read_header_block() {
  const size_t n = lines_.size();
  size_t k = next_;
  bool known = false;
  while (k < n && !lines_[k].blank) {
    std::string_view raw = text_.substr(lines_[k].span.begin, lines_[k].span.size());
    if (k > next_ && (raw[0] == ' ' || raw[0] == '\t')) {
      ++k;
      continue;
    }
    size_t name_len = header_name_length(raw);
    if (name_len == 0) break;
    known = known || is_known_header(lower_ascii(raw.substr(0, name_len)));
    ++k;
  }
  // The block ends at a blank line, or at a salutation written right under
  // it ("Subject: ...\nDear Ms. Rivera,").
  bool ends = k == n || lines_[k].blank || looks_like_salutation(line_text(lines_[k]));
  if (k > next_ && known && ends) read_header_fields(k);
}

void DraftParser::read_header_fields(size_t end) {
  for (size_t h = next_; h < end; ++h) {
    std::string_view raw = text_.substr(lines_[h].span.begin, lines_[h].span.size());
    size_t name_len = header_name_length(raw);
    if (name_len == 0) {  // continuation of the previous field
      if (!draft_.headers.empty()) {
        draft_.headers.back().line.end = lines_[h].span.end;
        draft_.headers.back().value = trim(text_, Span{draft_.headers.back().value.begin, lines_[h].span.end});
      }
      continue;
    }
    core::Header header;
    header.name = lower_ascii(raw.substr(0, name_len));
    header.line = lines_[h].span;
    header.value = trim(text_, Span{lines_[h].span.begin + static_cast<uint32_t>(name_len) + 1, lines_[h].span.end});
    if (header.value.empty()) header.value = Span{lines_[h].span.end, lines_[h].span.end};
    draft_.headers.push_back(std::move(header));
  }
  draft_.header_block = Span{lines_[next_].span.begin, lines_[end - 1].span.end};
  next_ = end;
}

// The body: non-blank, non-comment lines, grouped into blocks by blank
// lines, up to the original message quoted under a reply.
bool DraftParser::collect_body_lines() {
  const size_t n = lines_.size();
  body_.reserve(n);
  block_of_.reserve(n);
  int block = 0;
  bool gap = false;
  for (size_t k = next_; k < n; ++k) {
    if (lines_[k].blank) {
      gap = true;
      continue;
    }
    if (lines_[k].comment) continue;
    if (starts_quoted_reply(lines_, k, text_)) break;
    if (gap && !body_.empty()) ++block;
    gap = false;
    body_.push_back(k);
    block_of_.push_back(block);
  }
  if (body_.empty()) {
    uint32_t end = n ? lines_[n - 1].span.end : static_cast<uint32_t>(text_.size());
    draft_.body = Span{end, end};
    return false;
  }
  draft_.body = Span{lines_[body_.front()].trimmed.begin, lines_[body_.back()].trimmed.end};
  last_ = body_.size();
  return true;
}

// A line that can open the note: "Dear Ms. Rivera:", "Hello Sam,", "Ms. Rivera:".
bool DraftParser::is_salutation_line(size_t k) const {
  std::string_view t = body_text(k);
  if (looks_like_salutation(t)) return t.back() == ',' || t.back() == ':' || count_words(t) <= 6;
  return looks_like_bare_salutation(t);
}

// A letter's heading: the lines before a salutation that all read as
// address, date, name, title, company or reference lines. They leave the
// body, so they are never a paragraph; a "Re:" line is the letter's subject.
void DraftParser::read_letter_head() {
  if (body_.size() < 2 || is_salutation_line(0)) return;
  const size_t limit = std::min<size_t>(body_.size() - 1, 24);
  size_t k = 0;
  while (k <= limit && !(k > 0 && is_salutation_line(k))) {
    if (k == limit || !looks_like_heading_line(body_text(k))) return;
    ++k;
  }
  for (size_t h = 0; h < k; ++h) {
    draft_.letter_head_lines.push_back(lines_[body_[h]].trimmed);
    read_reference_line(lines_[body_[h]].trimmed);
  }
  draft_.letter_head = Span{draft_.letter_head_lines.front().begin, draft_.letter_head_lines.back().end};
  body_.erase(body_.begin(), body_.begin() + static_cast<std::ptrdiff_t>(k));
  block_of_.erase(block_of_.begin(), block_of_.begin() + static_cast<std::ptrdiff_t>(k));
  draft_.body.begin = lines_[body_.front()].trimmed.begin;
  last_ = body_.size();
}

// "P.S. ..." after the signature: part of the body, but neither the last
// paragraph nor a signature line, so the closing is still found above it.
void DraftParser::read_postscript() {
  for (size_t k = body_.size(); k-- > 1;) {
    std::string_view t = body_text(k);
    bool marker = t.rfind("P.S.", 0) == 0 || t.rfind("PS:", 0) == 0 || t.rfind("PS ", 0) == 0 ||
                  t.rfind("P.P.S.", 0) == 0 || t.rfind("P. S.", 0) == 0;
    if (!marker) continue;
    if (block_of_[k] == block_of_[k - 1]) return;  // a P.S. starts a block of its own
    for (size_t s = k + 1; s < body_.size(); ++s)
      if (looks_like_closing(body_text(s))) return;  // a P.S. above the closing is a paragraph
    draft_.postscript = Span{lines_[body_[k]].trimmed.begin, lines_[body_.back()].trimmed.end};
    body_.resize(k);
    block_of_.resize(k);
    last_ = body_.size();
    return;
  }
}

// "Re: ...", "Subject: ...", "Sub: ..." in a letter's heading.
void DraftParser::read_reference_line(Span line) {
  std::string_view t = text_.substr(line.begin, line.size());
  size_t name_len = header_name_length(t);
  if (name_len == 0) return;
  std::string name = lower_ascii(t.substr(0, name_len));
  if (name != "re" && name != "subject" && name != "sub" && name != "regarding" && name != "ref") return;
  core::Header header;
  header.name = "subject";
  header.line = line;
  header.value = trim(text_, Span{line.begin + static_cast<uint32_t>(name_len) + 1, line.end});
  header.in_letter_head = true;
  draft_.headers.push_back(std::move(header));
}

// A greeting line ("Dear Ms. Rivera,"), a greeting that opens the first
// paragraph ("Hi Sam, thank you ..."), or a bare "Jane," alone on a line.
void DraftParser::read_salutation() {
  const Line& l = lines_[body_[0]];
  std::string_view t = line_text(l);
  bool alone = t.back() == ',' || t.back() == ':' || count_words(t) <= 6;
  if (looks_like_salutation(t)) {
    if (alone && !(ends_sentence(t) && count_words(t) > 6)) {
      draft_.salutation = l.trimmed;
      first_ = 1;
      return;
    }
    uint32_t end = inline_salutation_end(t);
    draft_.salutation = Span{l.trimmed.begin, l.trimmed.begin + end};
    Span rest = trim(text_, Span{l.trimmed.begin + end, l.trimmed.end});
    if (rest.empty()) {
      first_ = 1;
    } else {
      paragraph_start_ = rest.begin;
    }
  } else if (body_.size() > 1 && (block_of_[1] != block_of_[0]) && t.back() == ',' && count_words(t) <= 4) {
    draft_.salutation = l.trimmed;  // "Jane," or "Mr. Jones," alone on a line
    first_ = 1;
  } else if (body_.size() > 1 && looks_like_bare_salutation(t)) {
    draft_.salutation = l.trimmed;  // "Ms. Rivera:", "(Hiring Manager's Name):"
    first_ = 1;
  }
}

// The closing and the signature under it, searched from the end among the
// last ten lines; without a closing, a trailing block that opens with a name.
void DraftParser::read_closing_and_signature() {
  size_t lowest = first_ + (paragraph_start_ ? 1 : 0);
  size_t limit = body_.size() > 10 ? body_.size() - 10 : 0;
  for (size_t k = body_.size(); k-- > std::max(lowest, limit);) {
    std::string_view t = body_text(k);
    if (read_inline_closing(k)) return;
    if (looks_like_closing(t)) {
      bool tail_ok = true;
      for (size_t s = k + 1; s < body_.size(); ++s) tail_ok = tail_ok && looks_like_signature_line(body_text(s));
      char mark = t.back();
      bool bare = mark != '.' && mark != '!';
      if (tail_ok && (bare || k + 1 < body_.size())) {
        draft_.closing = lines_[body_[k]].trimmed;
        last_ = k;
        break;
      }
    }
    if (!looks_like_signature_line(t)) break;
  }
  if (draft_.closing && last_ + 1 < body_.size()) {
    for (size_t s = last_ + 1; s < body_.size(); ++s) draft_.signature_lines.push_back(lines_[body_[s]].trimmed);
  } else if (!draft_.closing && body_.size() >= 2) {
    read_signature_without_closing();
  }
  if (!draft_.signature_lines.empty())
    draft_.signature = Span{draft_.signature_lines.front().begin, draft_.signature_lines.back().end};
}

// "Sincerely, Ana Ruiz" on one line, then any signature lines under it.
bool DraftParser::read_inline_closing(size_t k) {
  size_t length = inline_closing_length(body_text(k));
  if (length == 0) return false;
  for (size_t s = k + 1; s < body_.size(); ++s)
    if (!looks_like_signature_line(body_text(s))) return false;
  Span line = lines_[body_[k]].trimmed;
  draft_.closing = Span{line.begin, line.begin + static_cast<uint32_t>(length)};
  draft_.signature_lines.push_back(trim(text_, Span{draft_.closing->end, line.end}));
  for (size_t s = k + 1; s < body_.size(); ++s) draft_.signature_lines.push_back(lines_[body_[s]].trimmed);
  draft_.signature = Span{draft_.signature_lines.front().begin, draft_.signature_lines.back().end};
  last_ = k;
  return true;
}

bool DraftParser::read_signature_without_closing() {
  int last_block = block_of_.back();
  size_t start = body_.size();
  while (start > 0 && block_of_[start - 1] == last_block) --start;
  bool all_short = start > first_ && body_.size() - start <= 6;
  for (size_t s = start; all_short && s < body_.size(); ++s) all_short = looks_like_signature_line(body_text(s));
  if (!all_short || !looks_like_name_line(body_text(start)) || looks_like_contact(body_text(start))) return false;
  for (size_t s = start; s < body_.size(); ++s) draft_.signature_lines.push_back(lines_[body_[s]].trimmed);
  last_ = start;
  return true;
}

// Paragraphs: blocks between salutation and closing; a block without blank
// lines is split where a short line ends a sentence (one line per paragraph).
void DraftParser::read_paragraphs() {
  size_t k = first_;
  while (k < last_) {
    int b = block_of_[k];
    size_t end = k;
    size_t max_len = 0;
    while (end < last_ && block_of_[end] == b) max_len = std::max<size_t>(max_len, lines_[body_[end]].trimmed.size()), ++end;
    uint32_t para_begin = (k == first_ && paragraph_start_) ? paragraph_start_ : lines_[body_[k]].trimmed.begin;
    uint32_t para_end = lines_[body_[k]].trimmed.end;
    for (size_t s = k + 1; s < end; ++s) {
      std::string_view prev = body_text(s - 1);
      std::string_view cur = body_text(s);
      bool unwrapped = max_len > 100 || prev.size() * 10 < max_len * 6;
      bool split = ends_sentence(prev) && unwrapped && !starts_with_bullet(cur) && !(cur[0] >= 'a' && cur[0] <= 'z');
      if (split) {
        draft_.paragraphs.push_back(Span{para_begin, para_end});
        para_begin = lines_[body_[s]].trimmed.begin;
      }
      para_end = lines_[body_[s]].trimmed.end;
    }
    draft_.paragraphs.push_back(Span{para_begin, para_end});
    k = end;
  }
}

// Sentences of each paragraph, and the words of every part of the body.
void DraftParser::split_sentences_and_words() {
  thread_local std::vector<text::SentenceSpan> sentences;  // reused from draft to draft
  draft_.sentences.reserve(std::min<size_t>(text_.size() / 40 + 1, 256));  // about one per 40 bytes
  for (Span p : draft_.paragraphs) {
    text::split_sentences(text_.substr(p.begin, p.size()), sentences);
    for (const auto& s : sentences)
      draft_.sentences.push_back({Span{p.begin + s.span.begin, p.begin + s.span.end}, s.list_item});
  }
  // Words part by part: one emoji then sends only its own part through ICU's slow path.
  auto add_words = [&](Span part) { text::append_words(text_.substr(part.begin, part.size()), part.begin, draft_.words); };
  // About one word per 6 bytes in a note. A big draft gets room for one per
  // 5 (pages it leaves unused are never touched): growing by doubling would
  // hold the old and the new array at once.
  constexpr size_t kBig = size_t{1} << 16;
  draft_.words.reserve(text_.size() < kBig ? std::min<size_t>(text_.size() / 6, 1024) : text_.size() / 5);
  if (draft_.salutation) add_words(*draft_.salutation);
  for (Span p : draft_.paragraphs) add_words(p);
  if (draft_.closing) add_words(*draft_.closing);
  for (Span s : draft_.signature_lines) add_words(s);
  if (draft_.postscript) add_words(*draft_.postscript);
  // A huge draft's buffers are not kept for the next one.
  constexpr size_t kKeep = 1 << 16;
  if (sentences.capacity() > kKeep) std::vector<text::SentenceSpan>().swap(sentences);
}


// Phone numbers anywhere in the body (contact details may sit in any part).
void DraftParser::find_phone_numbers(const std::string& region) {
  draft_.find_phone_numbers = [region](const core::Draft& draft) {
    std::vector<Span> out;
    std::string_view body = draft.text(draft.body);
    for (core::Span s : text::find_phone_numbers(body, region))
      out.push_back({draft.body.begin + s.begin, draft.body.begin + s.end});
    return out;
  };
}

}  // namespace

core::Draft parse_draft(const core::Source& source, const ParseOptions& options) {
  DraftParser parser(source);
  parser.read_front_matter();
  parser.read_header_block();
  if (parser.collect_body_lines()) {
    parser.read_letter_head();
    parser.read_postscript();
    parser.read_salutation();
    parser.read_closing_and_signature();
    parser.read_paragraphs();
    parser.split_sentences_and_words();
    parser.find_phone_numbers(options.region);
  }
  return parser.take();
}

}  // namespace followup::parse
