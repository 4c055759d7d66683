#include "input/mail.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/ascii.hpp"
#include "input/flowed.hpp"
#include "input/history.hpp"
#include "input/html.hpp"
#include "input/mail_charset.hpp"
#include "input/mail_header.hpp"
#include "input/mapped_text.hpp"
#include "input/mime_tree.hpp"
#include "input/text_builder.hpp"
#include "input/transfer_decode.hpp"

namespace followup::input {

namespace {

uint32_t u32(size_t n) { return static_cast<uint32_t>(n); }

using core::ascii_iequals;

// Long names (a 10 KB charset, a boundary) are cut in messages.
std::string quoted(std::string_view s) {
  constexpr size_t kMax = 40;
  std::string out(1, '\'');
  out.append(s.substr(0, kMax));
  out.append(s.size() > kMax ? "...'" : "'");
  return out;
}

// Where one header field sits in the file. `value` is the raw value from
// after the colon through its line break: the file's own bytes when GMime's
// copy matches them, else GMime's copy (then mapped as a whole).
struct RawHeader {
  uint32_t name_begin = 0;
  uint32_t value_begin = 0;
  std::string_view value;
  bool in_file = true;

  core::Span line() const { return {name_begin, value_begin + u32(value.size())}; }
};

std::optional<RawHeader> find_header(const std::vector<MimeHeader>& headers, const char* name,
                                     std::string_view bytes) {
  for (const MimeHeader& h : headers) {
    if (!ascii_iequals(h.name, name)) continue;
    RawHeader header;
    int64_t offset = std::clamp<int64_t>(h.offset, 0, static_cast<int64_t>(bytes.size()));
    header.name_begin = u32(static_cast<size_t>(offset));
    header.value_begin = u32(std::min(bytes.size(), header.name_begin + h.raw_name.size() + 1));
    header.value = h.raw_value;
    header.in_file = bytes.substr(header.value_begin, header.value.size()) == header.value;
    if (header.in_file) header.value = bytes.substr(header.value_begin, header.value.size());
    return header;
  }
  return std::nullopt;
}

uint32_t object_offset(const MimeNode& node, std::string_view bytes) {
  if (node.headers.empty()) return 0;
  return u32(static_cast<size_t>(std::clamp<int64_t>(node.headers.front().offset, 0, static_cast<int64_t>(bytes.size()))));
}

core::Span content_range(const MimeNode& node) {
  return node.has_content ? core::Span{node.content_begin, node.content_end} : core::Span{0, 0};
}

TransferEncoding transfer_encoding(const MimeNode& node) {
  switch (node.encoding) {
    case MimeEncoding::kQuotedPrintable: return TransferEncoding::kQuotedPrintable;
    case MimeEncoding::kBase64: return TransferEncoding::kBase64;
    case MimeEncoding::kIdentity: break;
  }
  return TransferEncoding::kIdentity;
}

bool param_is(const std::optional<std::string>& param, const char* value) {
  return param && ascii_iequals(*param, value);
}

// An attached file, as opposed to the body or an image shown inside an HTML
// body (multipart/related with a Content-ID).
bool is_attachment(const MimeNode& node, const MimeNode* parent) {
  if (node.disposition_attachment) return true;
  if (node.kind != MimeNode::Kind::kPart || !node.filename || node.filename->empty()) return false;
  bool related = parent && parent->is_type("multipart", "related");
  return !(related && node.has_content_id);
}

}  // namespace

namespace {

struct Attachment {
  std::string name;
  core::Span file;  // the header value that names it
};

// Reads one message: walks its MIME tree once (picking the body parts and
// the attached files), then lays out the header block and the body.
class MailReader {
 public:
  MailReader(std::string_view bytes, const ReadOptions& options)
      : bytes_(bytes), options_(options) {}
  Decoded read();

 private:
  uint32_t walk(const MimeNode& node, const MimeNode* parent, int depth);
  uint32_t walk_multipart(const MimeNode& node, int depth);
  void add_attachment(const MimeNode& node);
  void header_line(MappedText& out, const std::vector<MimeHeader>& headers, const char* name, bool decode_words);
  void attachments_line(MappedText& out);
  void check_base64_lines(core::Span range);
  MappedText part_text(const MimeNode& part);
  MappedText plain_body(const MimeNode& part);
  MappedText html_body(const MimeNode& part);
  MappedText unparsed_body(const std::string& why);
  MappedText read_message(const MimeMessage& message);
  void problem(uint32_t offset, std::string message);

  std::string_view bytes_;
  const ReadOptions& options_;
  const MimeNode* plain_ = nullptr;
  const MimeNode* html_ = nullptr;
  std::vector<Attachment> attachments_;
  std::vector<Problem> problems_;
  bool depth_reported_ = false;
  bool unclosed_reported_ = false;
};

void MailReader::problem(uint32_t offset, std::string message) {
  problems_.push_back({offset, std::move(message)});
}

// Returns the end of the last body read in the subtree (0 when none), where
// the search for a multipart's closing boundary starts.
uint32_t MailReader::walk(const MimeNode& node, const MimeNode* parent, int depth) {
  if (depth >= kMaxMimeDepth) {
    if (!depth_reported_) {
      uint32_t at = object_offset(node, bytes_);
      problem(at, "MIME parts nested more than " + std::to_string(kMaxMimeDepth) + " deep at byte " +
                      std::to_string(at) + "; the parts below were not read");
      depth_reported_ = true;
    }
    return 0;
  }
  if (node.kind == MimeNode::Kind::kMultipart) return walk_multipart(node, depth);
  if (is_attachment(node, parent)) {
    add_attachment(node);
    return node.kind == MimeNode::Kind::kPart ? content_range(node).end : 0;
  }
  // An attached message (message/rfc822) that is not marked as an attached
  // file is a forwarded one: history, not the writer's text.
  if (node.kind != MimeNode::Kind::kPart) return 0;
  if (!plain_ && node.is_type("text", "plain")) plain_ = &node;
  if (!html_ && node.is_type("text", "html")) html_ = &node;
  return content_range(node).end;
}

uint32_t MailReader::walk_multipart(const MimeNode& node, int depth) {
  std::string_view b = node.boundary ? std::string_view(*node.boundary) : std::string_view();
  if (node.children.empty()) {
    uint32_t at = object_offset(node, bytes_);
    problem(at, "the multipart at byte " + std::to_string(at) + " has no parts: its boundary " +
                    quoted(b) + " never appears, so nothing after its headers was read");
    return 0;
  }
  uint32_t end = 0;
  for (const auto& child : node.children) end = std::max(end, walk(*child, &node, depth + 1));
  if (depth + 1 >= kMaxMimeDepth || unclosed_reported_ || b.empty()) return end;
  // GMime reads an unclosed multipart to the end of the file without a
  // word; the closing delimiter after the last part tells them apart.
  std::string close = "--" + std::string(b) + "--";
  size_t at = bytes_.find(close, end);
  if (at == std::string_view::npos) {
    problem(u32(bytes_.size()), "the multipart boundary " + quoted(b) +
                                    " is never closed; the message was read to its end at byte " +
                                    std::to_string(bytes_.size()));
    unclosed_reported_ = true;
    return end;
  }
  return u32(at + close.size());
}

void MailReader::add_attachment(const MimeNode& node) {
  std::optional<std::string> name = node.kind == MimeNode::Kind::kPart ? node.filename : std::nullopt;
  if (!name && node.has_disposition) name = node.disposition_filename;
  std::string text = name && !name->empty() ? *name : node.mime_type.empty() ? "attachment" : node.mime_type;
  for (char& c : text) {
    if (c == '\r' || c == '\n' || c == '\t' || c == '\0') c = ' ';  // stays on one header line
  }
  // The name is mapped onto the header that gives it: Content-Disposition's
  // filename wins over Content-Type's name, as in GMime.
  bool in_disposition = node.has_disposition && node.disposition_filename;
  auto header = find_header(node.headers, in_disposition ? "Content-Disposition" : "Content-Type", bytes_);
  if (!header) header = find_header(node.headers, "Content-Type", bytes_);
  core::Span file = header ? header->line() : core::Span{};
  attachments_.push_back({std::move(text), file});
}

}  // namespace

namespace {

// The bytes of a raw value's final line break, which the synthesized "\n" maps onto.
core::Span line_break(const RawHeader& header) {
  std::string_view v = header.value;
  size_t k = 0;
  if (!v.empty() && v.back() == '\n') k = v.size() >= 2 && v[v.size() - 2] == '\r' ? 2 : 1;
  uint32_t end = header.value_begin + u32(v.size());
  return {end - u32(k), end};
}

// Appends `piece` (mapped onto the file) after what `out` holds.
void append_mapped(MappedText& out, const MappedText& piece) {
  auto shift = u32(out.text.size());
  out.text += piece.text;
  for (const MapPiece& p : piece.map.pieces()) {
    out.map.add({p.decoded.begin + shift, p.decoded.end + shift}, p.file, p.verbatim);
  }
}

}  // namespace

void MailReader::header_line(MappedText& out, const std::vector<MimeHeader>& headers, const char* name,
                             bool decode_words) {
  std::optional<RawHeader> header = find_header(headers, name, bytes_);
  if (!header) return;
  HeaderDecoded value = decode_header_value(header->value, header->value_begin, decode_words);
  if (value.out.text.empty()) return;  // "Name:" alone is not a header line for the parser
  if (value.bad_offset) {
    problem(*value.bad_offset, std::string("an encoded word in the ") + name + " header at byte " +
                                   std::to_string(*value.bad_offset) +
                                   " does not decode; it was kept as written");
  }
  if (!header->in_file) {  // GMime's copy differs from the file: map the whole field
    append_encoded(out, std::string(name) + ": " + value.out.text + "\n", header->line());
    return;
  }
  std::string label = std::string(name) + ": ";
  if (bytes_.substr(header->name_begin, label.size()) == label) {
    append_verbatim(out, label, header->name_begin);
  } else {
    append_encoded(out, label, {header->name_begin, header->value_begin});
  }
  append_mapped(out, value.out);
  core::Span brk = line_break(*header);
  if (brk.size() == 1) {
    append_verbatim(out, "\n", brk.begin);
  } else {
    append_encoded(out, "\n", brk);
  }
}

void MailReader::attachments_line(MappedText& out) {
  if (attachments_.empty()) return;
  append_encoded(out, "Attachments: ", attachments_.front().file);
  for (size_t i = 0; i < attachments_.size(); ++i) {
    if (i > 0) append_encoded(out, ", ", attachments_[i].file);
    append_encoded(out, attachments_[i].name, attachments_[i].file);
  }
  append_encoded(out, "\n", {attachments_.back().file.end, attachments_.back().file.end});
}

// Encoders wrap base64 at 76 characters; a line past the 998 bytes a mail
// line may have means a broken writer (it is decoded all the same).
void MailReader::check_base64_lines(core::Span range) {
  constexpr size_t kMaxLine = 998;
  std::string_view body = bytes_.substr(range.begin, range.size());
  size_t start = 0;
  while (start < body.size()) {
    size_t nl = body.find('\n', start);
    size_t end = nl == std::string_view::npos ? body.size() : nl;
    if (end - start > kMaxLine) {
      uint32_t at = range.begin + u32(start);
      problem(at, "a base64 line of " + std::to_string(end - start) + " bytes at byte " +
                      std::to_string(at) +
                      " is longer than a mail line may be (998); it was decoded anyway");
      return;
    }
    start = end + 1;
  }
}

// Transfer encoding, then charset: UTF-8 text mapped onto the file.
MappedText MailReader::part_text(const MimeNode& part) {
  core::Span range = content_range(part);
  TransferEncoding encoding = transfer_encoding(part);
  if (encoding == TransferEncoding::kBase64) check_base64_lines(range);
  TransferDecoded raw =
      transfer_decode(bytes_.substr(range.begin, range.size()), range.begin, encoding);
  if (raw.bad_offset) {
    problem(*raw.bad_offset, "invalid base64 at byte " + std::to_string(*raw.bad_offset) +
                                 "; the characters that are not base64 were skipped");
  }
  std::string charset = part.charset ? *part.charset : options_.encoding;
  CharsetDecoded text = charset_to_utf8(raw.out.text, charset);
  if (!text.known) {
    auto header = find_header(part.headers, "Content-Type", bytes_);
    uint32_t at = header ? header->value_begin : range.begin;
    problem(at, "unknown charset " + quoted(charset) + " at byte " + std::to_string(at) +
                    "; the part was read as UTF-8");
  } else if (text.bad_offset) {
    uint32_t at = raw.out.map.to_file({*text.bad_offset, *text.bad_offset + 1}).begin;
    problem(at, "bytes that are not " + (charset.empty() ? std::string("UTF-8") : quoted(charset)) +
                    " at byte " + std::to_string(at) + "; they were read as U+FFFD");
  }
  return chain(std::move(text.out), raw.out);
}

MappedText MailReader::plain_body(const MimeNode& part) {
  MappedText text = part_text(part);
  LineFormat format{param_is(part.format, "flowed"), param_is(part.delsp, "yes")};
  MappedText body = chain(unwrap_lines(text.text, format), text);
  keep_spans(body.text, body.map, writer_spans(body.text, Layout::kBody));
  return body;
}

// The HTML decoder leaves history out itself; its map points into the
// decoded HTML, which the part's map takes on to the file.
MappedText MailReader::html_body(const MimeNode& part) {
  MappedText html = part_text(part);
  Decoded decoded = decode_html(html.text, 0);
  for (const Problem& p : decoded.problems) {
    problem(html.map.to_file({p.file_offset, p.file_offset}).begin, p.message);
  }
  MappedText body;
  body.text = std::move(decoded.text);
  body.map = compose(decoded.map, html.map);
  return body;
}

// Not a message GMime can read (no header block), or no mail module: the
// whole file is the body.
MappedText MailReader::unparsed_body(const std::string& why) {
  problem(0, why);
  CharsetDecoded text = charset_to_utf8(bytes_, options_.encoding);
  MappedText body = chain(unwrap_lines(text.out.text, {}), text.out);
  keep_spans(body.text, body.map, writer_spans(body.text, Layout::kBody));
  return body;
}

// The header block, a blank line, then the body part's text.
MappedText MailReader::read_message(const MimeMessage& message) {
  if (message.body) walk(*message.body, nullptr, 0);
  MappedText text;
  header_line(text, message.headers, "Subject", true);
  header_line(text, message.headers, "To", true);
  header_line(text, message.headers, "Cc", true);
  header_line(text, message.headers, "Date", false);
  attachments_line(text);
  // The blank line that ends a header block stands for the one in the file.
  const uint32_t headers_end = message.headers_end;
  if (!text.text.empty()) append_encoded(text, "\n", {headers_end, headers_end});
  const MimeNode* chosen = plain_ ? plain_ : html_;
  if (plain_) {
    append_mapped(text, plain_body(*plain_));
  } else if (html_) {
    append_mapped(text, html_body(*html_));
  }
  bool empty = !chosen || content_range(*chosen).empty();
  if (empty && attachments_.empty() && problems_.empty()) {
    problem(headers_end, "the message has no body; reading stopped at byte " +
                             std::to_string(headers_end) + ", after its headers");
  }
  return text;
}

Decoded MailReader::read() {
  Decoded out;
  out.format = Format::kEmail;
  out.file_text = std::string(bytes_);
  auto parsed = parse_mime(bytes_);
  MappedText text;
  if (auto* why = std::get_if<std::string>(&parsed)) {
    text = unparsed_body("the mail reader is missing (" + *why + "); the file was read as plain text");
  } else if (auto& message = std::get<MimeMessage>(parsed); message.parsed) {
    text = read_message(message);
  } else {
    text = unparsed_body("no mail headers at byte 0; the file was read as plain text");
  }
  out.text = std::move(text.text);
  out.map = std::move(text.map);
  out.problems = std::move(problems_);
  return out;
}

Decoded decode_mail(std::string_view bytes, const ReadOptions& options) {
  MailReader reader(bytes, options);
  return reader.read();
}

}  // namespace followup::input
