#include "input/html.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>
#include <vector>

#include "input/entity.hpp"
#include "input/history.hpp"
#include "input/text_builder.hpp"
#include "input/utf8_input.hpp"

namespace followup::input {
namespace {

// How an element takes part in the layout of the text.
enum class Role { kInline, kSkip, kHistory, kLine, kParagraph, kCell, kBreak };

std::string_view attribute(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// The containers mail clients wrap quoted history in. Everything from one on
// is history: Outlook puts the quoted message after its marker, not inside it.
bool is_history(const GumboElement& el) {
  std::string_view cls = attribute(el, "class"), id = attribute(el, "id");
  if (el.tag == GUMBO_TAG_BLOCKQUOTE &&
      (attribute(el, "type") == "cite" || contains(cls, "quote") || !attribute(el, "cite").empty()))
    return true;
  for (std::string_view c : {"gmail_quote", "yahoo_quoted", "moz-cite-prefix", "protonmail_quote",
                             "OutlookMessageHeader", "zmail_extra"})
    if (contains(cls, c)) return true;
  for (std::string_view i :
       {"divRplyFwdMsg", "appendonsend", "mail-editor-reference-message-container",
        "OLK_SRC_BODY_SECTION", "reply-intro"})
    if (contains(id, i)) return true;
  return false;
}

Role role_of(const GumboElement& el) {
  switch (el.tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_SELECT:
      return Role::kSkip;
    default:
      break;
  }
  if (is_history(el)) return Role::kHistory;
  switch (el.tag) {
    case GUMBO_TAG_BR:
      return Role::kBreak;
    // Outlook's MsoNormal paragraphs have no margins: one per line, an
    // &nbsp; one for a blank line.
    case GUMBO_TAG_P:
      return contains(attribute(el, "class"), "Mso") ? Role::kLine : Role::kParagraph;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_TABLE:
      return Role::kParagraph;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY:
      return Role::kLine;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return Role::kCell;
    default:
      return Role::kInline;
  }
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

// Lays the rendered text out the way a browser shows it: whitespace
// collapsed, a line break at each block edge and <br>, a blank line around
// paragraphs. Breaks and spaces wait until the next visible text, so that
// nothing trails a line and empty blocks add nothing.
class HtmlLayout {
 public:
  HtmlLayout(std::string_view html, uint32_t base) : html_(html), base_(base) {}

  void walk(const GumboNode* root);
  TextBuilder& out() { return out_; }

 private:
  bool open(const GumboNode* node);  // false: do not descend
  void close(const GumboNode* node);
  void text(const GumboNode* node);
  void comment(const GumboNode* node);
  void space(core::Span file, bool single, bool nbsp);
  void word(std::string_view s, core::Span file, bool verbatim);
  void request_break(int level, uint32_t at);
  void flush_break();
  void line_break(core::Span tag);
  uint32_t file(size_t html_offset) const { return base_ + to_u32(html_offset); }

  std::string_view html_;
  uint32_t base_;
  TextBuilder out_;
  int pending_ = 0;            // 1: a line break, 2: a blank line, before the next text
  uint32_t pending_at_ = 0;    // the tag that asked for it
  bool line_content_ = false;  // text on the current line
  bool nbsp_line_ = false;     // only &nbsp; on the current line: a blank line when its block ends
  bool space_ = false;         // collapsed whitespace waiting for the next word
  bool space_verbatim_ = false;
  core::Span space_file_;
  bool stopped_ = false;  // history reached
};

void HtmlLayout::walk(const GumboNode* root) {
  // An explicit stack: hostile nesting depth costs memory, not the call stack.
  std::vector<std::pair<const GumboNode*, unsigned>> stack;
  if (open(root)) stack.push_back({root, 0});
  while (!stack.empty() && !stopped_) {
    auto& [node, next] = stack.back();
    const GumboVector& kids = node->v.element.children;
    if (next == kids.length) {
      close(node);
      stack.pop_back();
      continue;
    }
    const auto* kid = static_cast<const GumboNode*>(kids.data[next++]);
    switch (kid->type) {
      case GUMBO_NODE_ELEMENT:
        if (open(kid)) stack.push_back({kid, 0});
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        text(kid);
        break;
      case GUMBO_NODE_COMMENT:
        comment(kid);
        break;
      default:
        break;  // documents and templates hold no body text
    }
  }
  if (!out_.empty() && out_.back() != '\n')
    out_.mapped("\n", {file(html_.size()), file(html_.size())});
}

bool HtmlLayout::open(const GumboNode* node) {
  const GumboElement& el = node->v.element;
  auto at = to_u32(el.start_pos.offset);
  switch (role_of(el)) {
    case Role::kSkip:
      return false;
    case Role::kHistory:
      stopped_ = true;
      return false;
    case Role::kBreak:
      line_break({file(at), file(at + el.original_tag.length)});
      return false;
    case Role::kLine:
      request_break(1, at);
      return true;
    case Role::kParagraph:
      request_break(2, at);
      return true;
    case Role::kCell:
      if (line_content_ && pending_ == 0) space({file(at), file(at)}, false, false);
      return true;
    case Role::kInline:
      return true;
  }
  return true;
}

void HtmlLayout::close(const GumboNode* node) {
  const GumboElement& el = node->v.element;
  Role role = role_of(el);
  if (role != Role::kLine && role != Role::kParagraph) return;
  auto at = to_u32(el.end_pos.offset);
  request_break(nbsp_line_ ? 2 : (role == Role::kLine ? 1 : 2), at);
  nbsp_line_ = false;
}

void HtmlLayout::text(const GumboNode* node) {
  const GumboText& t = node->v.text;
  std::string_view raw(t.original_text.data, t.original_text.length);
  auto begin = to_u32(t.start_pos.offset);
  if (raw.data() != html_.data() + begin || begin + raw.size() > html_.size()) {
    // Text gumbo made up (none is known in 0.10.1): its decoded text, mapped as a whole.
    word(t.text, {file(begin), file(begin)}, false);
    return;
  }
  size_t i = 0;
  while (i < raw.size()) {
    auto at = begin + to_u32(i);
    if (is_space(raw[i])) {
      size_t j = i;
      while (j < raw.size() && is_space(raw[j])) ++j;
      space({file(at), file(begin + j)}, j - i == 1 && raw[i] == ' ', false);
      i = j;
    } else if (raw.compare(i, 2, "\xC2\xA0") == 0) {
      space({file(at), file(at + 2)}, false, true);
      i += 2;
    } else if (size_t n = raw[i] == '&' ? entity_length(raw.substr(i)) : 0; n > 0) {
      std::string_view ref = raw.substr(i, n);
      std::string value = decode_entity(ref);
      if (value == "\xC2\xA0") {
        space({file(at), file(at + n)}, false, true);
      } else {
        word(value, {file(at), file(at + n)}, value == ref);
      }
      i += n;
    } else {
      size_t j = i + 1;
      while (j < raw.size() && !is_space(raw[j]) && raw[j] != '&' && raw[j] != '\xC2') ++j;
      word(raw.substr(i, j - i), {file(at), file(begin + j)}, true);
      i = j;
    }
  }
}

// Comments are markup, except the linter's own suppression pragmas, which
// stay in the text as a line of their own for the linter to read.
void HtmlLayout::comment(const GumboNode* node) {
  const GumboText& t = node->v.text;
  std::string_view raw(t.original_text.data, t.original_text.length);
  auto begin = to_u32(t.start_pos.offset);
  if (!contains(raw, "followup-lint") || raw.data() != html_.data() + begin) return;
  request_break(1, begin);
  word(raw, {file(begin), file(begin + raw.size())}, true);
  request_break(1, begin + to_u32(raw.size()));
}

void HtmlLayout::space(core::Span file_span, bool single, bool nbsp) {
  if (!line_content_ || pending_ > 0) {
    nbsp_line_ = nbsp_line_ || nbsp;
    return;  // nothing to separate at the start of a line
  }
  if (space_) {
    space_file_.end = file_span.end;
    space_verbatim_ = false;
    return;
  }
  space_ = true;
  space_file_ = file_span;
  space_verbatim_ = single;
}

void HtmlLayout::word(std::string_view s, core::Span file_span, bool verbatim) {
  flush_break();
  if (space_) {
    if (space_verbatim_) {
      out_.verbatim(" ", space_file_.begin);
    } else {
      out_.mapped(" ", space_file_);
    }
    space_ = false;
  }
  if (verbatim) {
    out_.verbatim(s, file_span.begin);
  } else {
    out_.mapped(s, file_span);
  }
  line_content_ = true;
  nbsp_line_ = false;
}

void HtmlLayout::request_break(int level, uint32_t at) {
  if (level > pending_) {
    pending_ = level;
    pending_at_ = file(at);
  }
}

void HtmlLayout::flush_break() {
  if (pending_ == 0) return;
  if (!out_.empty()) {
    const std::string& t = out_.text();
    int have = t.back() != '\n' ? 0 : (t.size() >= 2 && t[t.size() - 2] == '\n' ? 2 : 1);
    for (int k = have; k < pending_; ++k) out_.mapped("\n", {pending_at_, pending_at_});
  }
  pending_ = 0;
  line_content_ = false;
  space_ = false;
}

void HtmlLayout::line_break(core::Span tag) {
  flush_break();
  if (out_.empty()) return;  // a leading <br> breaks nothing
  out_.mapped("\n", tag);
  line_content_ = false;
  nbsp_line_ = false;
  space_ = false;
}

namespace {

bool opens_no_scope(std::string_view name) {
  // Void elements, and those a following sibling closes implicitly.
  for (std::string_view v : {"br",   "img", "hr",    "meta",  "link",   "input", "wbr", "area",
                             "base", "col", "embed", "param", "source", "track", "p",   "li",
                             "td",   "th",  "tr",    "dt",    "dd",     "option"})
    if (name.size() == v.size() && std::equal(v.begin(), v.end(), name.begin(), [](char a, char b) {
          return a == std::tolower(static_cast<unsigned char>(b));
        }))
      return true;
  return false;
}

// gumbo 0.10.1 spends time quadratic in the nesting depth (every tag checks
// the whole stack of open elements). Start tags past kMaxDepth unclosed ones
// are blanked to spaces of the same length, so offsets stay the file's and no
// real draft (nested a few dozen deep) is touched.
std::string_view limit_nesting(std::string_view html, std::string& storage) {
  constexpr int kMaxDepth = 1000;
  int depth = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (html.compare(i, 4, "<!--") == 0) {
      i = html.find("-->", i + 4);
      if (i == std::string_view::npos) break;
      continue;
    }
    bool closing = i + 1 < html.size() && html[i + 1] == '/';
    size_t name = i + (closing ? 2 : 1), end = name;
    while (end < html.size() && std::isalnum(static_cast<unsigned char>(html[end]))) ++end;
    if (end == name) continue;
    size_t gt = html.find('>', end);
    if (gt == std::string_view::npos) break;
    if (closing) {
      depth = std::max(0, depth - 1);
    } else if (html[gt - 1] != '/' && !opens_no_scope(html.substr(name, end - name)) &&
               ++depth > kMaxDepth) {
      if (storage.empty()) storage = std::string(html);
      std::fill(storage.begin() + static_cast<long>(i), storage.begin() + static_cast<long>(gt + 1),
                ' ');
      --depth;
    }
    i = gt;
  }
  return storage.empty() ? html : std::string_view(storage);
}

Decoded decode_html_body(std::string_view source, uint32_t base) {
  Decoded decoded;
  decoded.format = Format::kHtml;
  std::string storage;
  std::string_view html = limit_nesting(source, storage);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // each recorded error copies the open-element stack: quadratic when deep
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  HtmlLayout layout(html, base);
  layout.walk(output->root);
  gumbo_destroy_output(&options, output);
  decoded.text = layout.out().take_text();
  decoded.map = layout.out().take_map();
  return decoded;
}

// The charset a <meta charset=…> or <meta http-equiv content="…; charset=…">
// near the top declares; empty when none does.
std::string meta_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, std::min<size_t>(bytes.size(), 4096)));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t at = head.find("charset=");
  if (at == std::string::npos || head.rfind("<meta", at) == std::string::npos) return {};
  at += 8;
  while (at < head.size() && (head[at] == '"' || head[at] == '\'' || head[at] == ' ')) ++at;
  size_t end = at;
  while (end < head.size() &&
         (std::isalnum(static_cast<unsigned char>(head[end])) || std::strchr("-_:.", head[end])))
    ++end;
  return head.substr(at, end - at);
}

}  // namespace

Decoded decode_html(std::string_view html, uint32_t file_offset_base) {
  Decoded decoded = decode_html_body(html, file_offset_base);
  keep_writer_text(decoded, Layout::kBody);
  return decoded;
}

Decoded decode_html_file(std::string_view bytes, const ReadOptions& options) {
  Utf8Input in = to_utf8_input(bytes, options, meta_charset(bytes));
  Decoded decoded;
  if (!in.binary) decoded = decode_html_body(in.file.substr(in.content_begin), in.content_begin);
  decoded.format = Format::kHtml;
  decoded.file_text = std::string(in.file);
  decoded.problems = std::move(in.problems);
  keep_writer_text(decoded, Layout::kDraft);
  return decoded;
}

}  // namespace followup::input
