#include "input/mail.hpp"

#include <gmime/gmime.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "input/flowed.hpp"
#include "input/history.hpp"
#include "input/html.hpp"
#include "input/mail_charset.hpp"
#include "input/mail_header.hpp"
#include "input/mapped_text.hpp"
#include "input/text_builder.hpp"
#include "input/transfer_decode.hpp"

namespace followup::input {

namespace {

// Deeper MIME trees are not written by any mail client; the cap bounds the
// walk (and the boundary checks) on hostile input.
constexpr int kMaxDepth = 64;

struct GObjectUnref {
  void operator()(gpointer p) const {
    if (p) g_object_unref(p);
  }
};
template <class T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

uint32_t u32(size_t n) { return static_cast<uint32_t>(n); }

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

std::optional<RawHeader> find_header(GMimeObject* obj, const char* name, std::string_view bytes) {
  GMimeHeaderList* list = g_mime_object_get_header_list(obj);
  int count = list ? g_mime_header_list_get_count(list) : 0;
  for (int i = 0; i < count; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(list, i);
    const char* h_name = g_mime_header_get_name(h);
    const char* raw_name = g_mime_header_get_raw_name(h);
    const char* raw_value = g_mime_header_get_raw_value(h);
    if (!h_name || !raw_name || !raw_value || g_ascii_strcasecmp(h_name, name) != 0) continue;
    RawHeader header;
    gint64 offset =
        std::clamp<gint64>(g_mime_header_get_offset(h), 0, static_cast<gint64>(bytes.size()));
    header.name_begin = u32(static_cast<size_t>(offset));
    header.value_begin =
        u32(std::min(bytes.size(), header.name_begin + std::string_view(raw_name).size() + 1));
    header.value = raw_value;
    header.in_file = bytes.substr(header.value_begin, header.value.size()) == header.value;
    if (header.in_file) header.value = bytes.substr(header.value_begin, header.value.size());
    return header;
  }
  return std::nullopt;
}

uint32_t object_offset(GMimeObject* obj, std::string_view bytes) {
  GMimeHeaderList* list = g_mime_object_get_header_list(obj);
  if (!list || g_mime_header_list_get_count(list) == 0) return 0;
  gint64 offset = g_mime_header_get_offset(g_mime_header_list_get_header_at(list, 0));
  return u32(static_cast<size_t>(std::clamp<gint64>(offset, 0, static_cast<gint64>(bytes.size()))));
}

// The still-encoded body of a leaf part: GMime's content stream is a
// substream of the input, so its bounds are file offsets.
core::Span content_range(GMimePart* part, std::string_view bytes) {
  GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
  GMimeStream* stream = wrapper ? g_mime_data_wrapper_get_stream(wrapper) : nullptr;
  if (!stream) return {0, 0};
  g_mime_stream_reset(stream);
  gint64 size = static_cast<gint64>(bytes.size());
  gint64 begin = std::clamp<gint64>(g_mime_stream_tell(stream), 0, size);
  gint64 length = g_mime_stream_length(stream);
  gint64 end = length < 0 ? size : std::clamp<gint64>(begin + length, begin, size);
  return {u32(static_cast<size_t>(begin)), u32(static_cast<size_t>(end))};
}

TransferEncoding transfer_encoding(GMimePart* part) {
  switch (g_mime_part_get_content_encoding(part)) {
    case GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE:
      return TransferEncoding::kQuotedPrintable;
    case GMIME_CONTENT_ENCODING_BASE64:
      return TransferEncoding::kBase64;
    default:
      return TransferEncoding::kIdentity;
  }
}

bool is_type(GMimeObject* obj, const char* type, const char* subtype) {
  GMimeContentType* ct = g_mime_object_get_content_type(obj);
  return ct && g_mime_content_type_is_type(ct, type, subtype);
}

bool param_is(GMimeObject* obj, const char* name, const char* value) {
  const char* v = g_mime_object_get_content_type_parameter(obj, name);
  return v && g_ascii_strcasecmp(v, value) == 0;
}

// An attached file, as opposed to the body or an image shown inside an HTML
// body (multipart/related with a Content-ID).
bool is_attachment(GMimeObject* obj, GMimeObject* parent) {
  GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(obj);
  if (disposition && g_mime_content_disposition_is_attachment(disposition)) return true;
  if (!GMIME_IS_PART(obj)) return false;
  const char* name = g_mime_part_get_filename(GMIME_PART(obj));
  if (!name || !*name) return false;
  bool related = parent && is_type(parent, "multipart", "related");
  return !(related && g_mime_object_get_content_id(obj));
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
  uint32_t walk(GMimeObject* obj, GMimeObject* parent, int depth);
  uint32_t walk_multipart(GMimeMultipart* multipart, int depth);
  void add_attachment(GMimeObject* obj);
  void header_line(MappedText& out, GMimeObject* message, const char* name, bool decode_words);
  void attachments_line(MappedText& out);
  void check_base64_lines(core::Span range);
  MappedText part_text(GMimePart* part);
  MappedText plain_body(GMimePart* part);
  MappedText html_body(GMimePart* part);
  MappedText unparsed_body();
  MappedText read_message(GMimeMessage* message, uint32_t headers_end);
  void problem(uint32_t offset, std::string message);

  std::string_view bytes_;
  const ReadOptions& options_;
  GMimePart* plain_ = nullptr;
  GMimePart* html_ = nullptr;
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
uint32_t MailReader::walk(GMimeObject* obj, GMimeObject* parent, int depth) {
  if (depth >= kMaxDepth) {
    if (!depth_reported_) {
      uint32_t at = object_offset(obj, bytes_);
      problem(at, "MIME parts nested more than " + std::to_string(kMaxDepth) + " deep at byte " +
                      std::to_string(at) + "; the parts below were not read");
      depth_reported_ = true;
    }
    return 0;
  }
  if (GMIME_IS_MULTIPART(obj)) return walk_multipart(GMIME_MULTIPART(obj), depth);
  if (is_attachment(obj, parent)) {
    add_attachment(obj);
    return GMIME_IS_PART(obj) ? content_range(GMIME_PART(obj), bytes_).end : 0;
  }
  // An attached message (message/rfc822) that is not marked as an attached
  // file is a forwarded one: history, not the writer's text.
  if (!GMIME_IS_PART(obj)) return 0;
  GMimePart* part = GMIME_PART(obj);
  if (!plain_ && is_type(obj, "text", "plain")) plain_ = part;
  if (!html_ && is_type(obj, "text", "html")) html_ = part;
  return content_range(part, bytes_).end;
}

uint32_t MailReader::walk_multipart(GMimeMultipart* multipart, int depth) {
  auto* obj = GMIME_OBJECT(multipart);
  int count = g_mime_multipart_get_count(multipart);
  const char* boundary = g_mime_multipart_get_boundary(multipart);
  std::string_view b = boundary ? boundary : "";
  if (count == 0) {
    uint32_t at = object_offset(obj, bytes_);
    problem(at, "the multipart at byte " + std::to_string(at) + " has no parts: its boundary " +
                    quoted(b) + " never appears, so nothing after its headers was read");
    return 0;
  }
  uint32_t end = 0;
  for (int i = 0; i < count; ++i) {
    end = std::max(end, walk(g_mime_multipart_get_part(multipart, i), obj, depth + 1));
  }
  if (depth + 1 >= kMaxDepth || unclosed_reported_ || b.empty()) return end;
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

void MailReader::add_attachment(GMimeObject* obj) {
  const char* name = GMIME_IS_PART(obj) ? g_mime_part_get_filename(GMIME_PART(obj)) : nullptr;
  GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(obj);
  if (!name && disposition)
    name = g_mime_content_disposition_get_parameter(disposition, "filename");
  std::string text = name && *name ? name : "";
  if (text.empty()) {
    GMimeContentType* ct = g_mime_object_get_content_type(obj);
    char* mime = ct ? g_mime_content_type_get_mime_type(ct) : nullptr;
    text = mime ? mime : "attachment";
    g_free(mime);
  }
  for (char& c : text) {
    if (c == '\r' || c == '\n' || c == '\t' || c == '\0') c = ' ';  // stays on one header line
  }
  // The name is mapped onto the header that gives it: Content-Disposition's
  // filename wins over Content-Type's name, as in GMime.
  bool in_disposition =
      disposition && g_mime_content_disposition_get_parameter(disposition, "filename");
  auto header = find_header(obj, in_disposition ? "Content-Disposition" : "Content-Type", bytes_);
  if (!header) header = find_header(obj, "Content-Type", bytes_);
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

void MailReader::header_line(MappedText& out, GMimeObject* message, const char* name,
                             bool decode_words) {
  std::optional<RawHeader> header = find_header(message, name, bytes_);
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
MappedText MailReader::part_text(GMimePart* part) {
  core::Span range = content_range(part, bytes_);
  TransferEncoding encoding = transfer_encoding(part);
  if (encoding == TransferEncoding::kBase64) check_base64_lines(range);
  TransferDecoded raw =
      transfer_decode(bytes_.substr(range.begin, range.size()), range.begin, encoding);
  if (raw.bad_offset) {
    problem(*raw.bad_offset, "invalid base64 at byte " + std::to_string(*raw.bad_offset) +
                                 "; the characters that are not base64 were skipped");
  }
  const char* declared = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
  std::string charset = declared ? declared : options_.encoding;
  CharsetDecoded text = charset_to_utf8(raw.out.text, charset);
  if (!text.known) {
    auto header = find_header(GMIME_OBJECT(part), "Content-Type", bytes_);
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

MappedText MailReader::plain_body(GMimePart* part) {
  MappedText text = part_text(part);
  auto* obj = GMIME_OBJECT(part);
  LineFormat format{param_is(obj, "format", "flowed"), param_is(obj, "delsp", "yes")};
  MappedText body = chain(unwrap_lines(text.text, format), text);
  keep_spans(body.text, body.map, writer_spans(body.text, Layout::kBody));
  return body;
}

// The HTML decoder leaves history out itself; its map points into the
// decoded HTML, which the part's map takes on to the file.
MappedText MailReader::html_body(GMimePart* part) {
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

// Not a message GMime can read (no header block): the whole file is the body.
MappedText MailReader::unparsed_body() {
  problem(0, "no mail headers at byte 0; the file was read as plain text");
  CharsetDecoded text = charset_to_utf8(bytes_, options_.encoding);
  MappedText body = chain(unwrap_lines(text.out.text, {}), text.out);
  keep_spans(body.text, body.map, writer_spans(body.text, Layout::kBody));
  return body;
}

// The header block, a blank line, then the body part's text.
MappedText MailReader::read_message(GMimeMessage* message, uint32_t headers_end) {
  if (GMimeObject* top = g_mime_message_get_mime_part(message)) walk(top, nullptr, 0);
  MappedText text;
  auto* headers = GMIME_OBJECT(message);
  header_line(text, headers, "Subject", true);
  header_line(text, headers, "To", true);
  header_line(text, headers, "Cc", true);
  header_line(text, headers, "Date", false);
  attachments_line(text);
  // The blank line that ends a header block stands for the one in the file.
  if (!text.text.empty()) append_encoded(text, "\n", {headers_end, headers_end});
  GMimePart* chosen = plain_ ? plain_ : html_;
  if (plain_) {
    append_mapped(text, plain_body(plain_));
  } else if (html_) {
    append_mapped(text, html_body(html_));
  }
  bool empty = !chosen || content_range(chosen, bytes_).empty();
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
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes_.data(), bytes_.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
  MappedText text;
  if (message) {
    gint64 end = std::clamp<gint64>(g_mime_parser_get_headers_end(parser.get()), 0,
                                    static_cast<gint64>(bytes_.size()));
    text = read_message(message.get(), u32(static_cast<size_t>(end)));
  } else {
    text = unparsed_body();
  }
  out.text = std::move(text.text);
  out.map = std::move(text.map);
  out.problems = std::move(problems_);
  return out;
}

Decoded decode_mail(std::string_view bytes, const ReadOptions& options) {
  ensure_gmime();
  MailReader reader(bytes, options);
  return reader.read();
}

}  // namespace followup::input
