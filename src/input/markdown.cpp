#include "input/markdown.hpp"

#include <md4c.h>

#include <algorithm>
#include <utility>

#include "input/entity.hpp"
#include "input/front_matter.hpp"
#include "input/history.hpp"
#include "input/text_builder.hpp"
#include "input/utf8_input.hpp"

namespace followup::input {
namespace {

// Lays md4c's blocks and inline text out as a plain-text draft. md4c's text
// pointers point into the input, so most text is copied verbatim; what md4c
// makes up (breaks, a code span's line join) maps onto where it stands.
class MarkdownLayout {
 public:
  MarkdownLayout(std::string_view md, TextBuilder& out, uint32_t body)
      : md_(md), out_(out), last_end_(body) {}

  void parse(uint32_t body);

 private:
  static int on_enter_block(MD_BLOCKTYPE type, void* detail, void* self);
  static int on_leave_block(MD_BLOCKTYPE type, void* detail, void* self);
  static int on_span(MD_SPANTYPE, void*, void*) { return 0; }
  static int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self);

  void enter(MD_BLOCKTYPE type, const void* detail);
  void leave(MD_BLOCKTYPE type);
  void text(MD_TEXTTYPE type, std::string_view s);
  void html(std::string_view s, bool in_input);
  void line_end();
  void hard_break();
  bool blank_line_between(uint32_t from, uint32_t to) const;
  void emit(std::string_view s, bool in_input);
  void emit_mapped(std::string_view s, core::Span file);
  void flush_break(uint32_t next_at);
  void prefix_before(uint32_t at);
  void request_break(int level) { pending_ = std::max(pending_, level); }
  bool in_input(const char* p, size_t n) const {
    return p >= md_.data() && p + n <= md_.data() + md_.size();
  }
  uint32_t line_start(uint32_t at) const;

  std::string_view md_;
  TextBuilder& out_;
  uint32_t last_end_;    // file offset just past the last text copied
  int pending_ = 0;      // a break before the next text: 1 a line, 2 at least a blank line
  int quote_depth_ = 0;  // inside a block quote: history, left out
  bool first_block_ = true;
  bool subject_heading_ = false;  // the first `#` heading, read as the subject
  bool item_start_ = false;       // the next text is the first of a list item
  bool in_comment_ = false;       // inside an HTML comment that spans several text pieces
  bool subject_emitted_ = false;
  bool cell_space_ = false;  // a table cell starts: a space before its text
};

void MarkdownLayout::parse(uint32_t body) {
  MD_PARSER parser{};
  parser.flags = MD_DIALECT_GITHUB;
  parser.enter_block = on_enter_block;
  parser.leave_block = on_leave_block;
  parser.enter_span = on_span;
  parser.leave_span = on_span;
  parser.text = on_text;
  md_parse(md_.data() + body, static_cast<MD_SIZE>(md_.size() - body), &parser, this);
  if (!out_.empty() && out_.back() != '\n')
    emit_mapped("\n", {to_u32(md_.size()), to_u32(md_.size())});
}

int MarkdownLayout::on_enter_block(MD_BLOCKTYPE type, void* detail, void* self) {
  static_cast<MarkdownLayout*>(self)->enter(type, detail);
  return 0;
}

int MarkdownLayout::on_leave_block(MD_BLOCKTYPE type, void*, void* self) {
  static_cast<MarkdownLayout*>(self)->leave(type);
  return 0;
}

int MarkdownLayout::on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
  static_cast<MarkdownLayout*>(self)->text(type, std::string_view(text, size));
  return 0;
}

void MarkdownLayout::enter(MD_BLOCKTYPE type, const void* detail) {
  if (type == MD_BLOCK_DOC) return;
  if (type == MD_BLOCK_QUOTE) ++quote_depth_;
  if (quote_depth_ > 0) return;
  bool first = std::exchange(first_block_, false);
  switch (type) {
    case MD_BLOCK_H:
      subject_heading_ = first && static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level == 1;
      request_break(2);
      break;
    case MD_BLOCK_HR:
    case MD_BLOCK_TABLE:
    case MD_BLOCK_CODE:
      request_break(2);
      break;
    case MD_BLOCK_LI:
      item_start_ = true;
      request_break(1);
      break;
    case MD_BLOCK_TD:
    case MD_BLOCK_TH:
      cell_space_ = true;
      break;
    // Paragraphs, lists, HTML blocks: a blank line only where the source has
    // one, so a list right under a paragraph stays in that paragraph.
    default:
      request_break(1);
      break;
  }
}

void MarkdownLayout::leave(MD_BLOCKTYPE type) {
  if (type == MD_BLOCK_QUOTE) --quote_depth_;
  if (quote_depth_ > 0 || type == MD_BLOCK_DOC) return;
  switch (type) {
    case MD_BLOCK_H:
      subject_heading_ = false;
      request_break(2);
      break;
    case MD_BLOCK_HR:
    case MD_BLOCK_TABLE:
    case MD_BLOCK_CODE:
      request_break(2);
      break;
    case MD_BLOCK_TD:
    case MD_BLOCK_TH:
      break;
    case MD_BLOCK_HTML:
      in_comment_ = false;
      request_break(1);
      break;
    default:
      request_break(1);
      break;
  }
}

void MarkdownLayout::text(MD_TEXTTYPE type, std::string_view s) {
  if (quote_depth_ > 0) return;
  bool inside = in_input(s.data(), s.size());
  switch (type) {
    case MD_TEXT_SOFTBR:
      line_end();
      return;
    case MD_TEXT_BR:
      hard_break();
      return;
    case MD_TEXT_HTML:
      html(s, inside);
      return;
    case MD_TEXT_NULLCHAR:
      emit_mapped("\xEF\xBF\xBD", {last_end_, std::min(last_end_ + 1, to_u32(md_.size()))});
      return;
    case MD_TEXT_ENTITY:
      if (inside) {
        auto at = to_u32(s.data() - md_.data());
        flush_break(at);
        prefix_before(at);
        std::string value = decode_entity(s);
        emit_mapped(value, {at, at + to_u32(s.size())});
        last_end_ = at + to_u32(s.size());
        return;
      }
      break;
    default:
      break;
  }
  emit(s, inside);
}

// Raw HTML is markup, except comments: the linter reads its suppression
// pragmas from them, so they stay in the text as written.
void MarkdownLayout::html(std::string_view s, bool inside) {
  if (!in_comment_ && !s.starts_with("<!--")) return;
  if (!inside && s == "\n") {
    line_end();
  } else {
    emit(s, inside);
  }
  size_t close = s.find("-->", s.starts_with("<!--") ? 4 : 0);
  in_comment_ = close == std::string_view::npos;
}

// A soft break is the source's own line ending: copied as written (LF or CRLF).
void MarkdownLayout::line_end() {
  uint32_t p = last_end_, n = to_u32(md_.size());
  while (p < n && (md_[p] == ' ' || md_[p] == '\t')) ++p;
  uint32_t len =
      (p + 1 < n && md_[p] == '\r' && md_[p + 1] == '\n') ? 2 : (p < n && md_[p] == '\n' ? 1 : 0);
  if (len == 0) {
    emit_mapped("\n", {last_end_, last_end_});
    return;
  }
  out_.verbatim(md_.substr(p, len), p);
  last_end_ = p + len;
}

// A hard break ("  " or "\" at the end of a line) maps onto those bytes and the line ending.
void MarkdownLayout::hard_break() {
  uint32_t p = last_end_, n = to_u32(md_.size());
  while (p < n && (md_[p] == ' ' || md_[p] == '\t' || md_[p] == '\\' || md_[p] == '\r')) ++p;
  uint32_t end = p < n && md_[p] == '\n' ? p + 1 : last_end_;
  emit_mapped("\n", {last_end_, end});
  last_end_ = end;
}

void MarkdownLayout::emit(std::string_view s, bool inside) {
  uint32_t at = inside ? to_u32(s.data() - md_.data()) : last_end_;
  flush_break(at);
  if (inside) {
    prefix_before(at);
    out_.verbatim(s, at);
    last_end_ = at + to_u32(s.size());
  } else {
    emit_mapped(s, {last_end_, last_end_});
  }
}

void MarkdownLayout::emit_mapped(std::string_view s, core::Span file) { out_.mapped(s, file); }

bool MarkdownLayout::blank_line_between(uint32_t from, uint32_t to) const {
  // `from` at a line start (just after front matter) begins an empty line so far.
  bool line_empty = from == 0 || (from <= md_.size() && md_[from - 1] == '\n');
  for (uint32_t i = from; i < to && i < md_.size(); ++i) {
    char c = md_[i];
    if (c == '\n') {
      if (line_empty) return true;
      line_empty = true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      line_empty = false;
    }
  }
  return false;
}

void MarkdownLayout::flush_break(uint32_t next_at) {
  if (pending_ == 0) {
    if (cell_space_ && !out_.empty() && out_.back() != '\n') emit_mapped(" ", {next_at, next_at});
    cell_space_ = false;
    return;
  }
  int level = pending_ == 1 && blank_line_between(last_end_, next_at) ? 2 : pending_;
  pending_ = 0;
  cell_space_ = false;
  if (out_.empty()) return;
  const std::string& t = out_.text();
  int have = t.back() != '\n' ? 0 : (t.size() >= 2 && t[t.size() - 2] == '\n' ? 2 : 1);
  uint32_t at = std::min(last_end_, next_at);
  for (int k = have; k < level; ++k) emit_mapped("\n", {at, at});
}

uint32_t MarkdownLayout::line_start(uint32_t at) const {
  size_t nl = md_.rfind('\n', at == 0 ? 0 : at - 1);
  return nl == std::string_view::npos || at == 0 ? 0 : to_u32(nl + 1);
}

// What a line's first text needs before it: a list item keeps its marker
// ("- ", "1. "), the first `#` heading becomes a "Subject: " header line.
void MarkdownLayout::prefix_before(uint32_t at) {
  if (item_start_) {
    item_start_ = false;
    uint32_t m = std::max(line_start(at), last_end_);
    while (m < at && (md_[m] == ' ' || md_[m] == '\t')) ++m;
    if (m < at) out_.verbatim(md_.substr(m, at - m), m);
  }
  if (subject_heading_ && !subject_emitted_) {
    subject_emitted_ = true;
    emit_mapped("Subject: ", {std::max(line_start(at), last_end_), at});
  }
}

}  // namespace

Decoded decode_markdown_file(std::string_view bytes, const ReadOptions& options) {
  Utf8Input in = to_utf8_input(bytes, options);
  Decoded decoded;
  decoded.format = Format::kMarkdown;
  decoded.problems = std::move(in.problems);
  decoded.file_text = std::string(in.file);
  if (!in.binary) {
    TextBuilder out;
    uint32_t body = append_front_matter(out, decoded.file_text, in.content_begin);
    MarkdownLayout layout(decoded.file_text, out, body);
    layout.parse(body);
    decoded.text = out.take_text();
    decoded.map = out.take_map();
  }
  keep_writer_text(decoded, Layout::kDraft);
  return decoded;
}

}  // namespace followup::input
