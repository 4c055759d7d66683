// The mail module (followup-lint-mail.so): GMime reads a message into the
// plain structures of mime_tree.hpp. Nothing else of followup-lint is
// linked in; the two entry points keep C linkage so that they can be found
// by name.
#include <gmime/gmime.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <string>

#include "input/mime_tree.hpp"

namespace followup::input {
namespace {

struct GObjectUnref {
  void operator()(gpointer p) const {
    if (p) g_object_unref(p);
  }
};
template <class T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

void ensure_gmime() {
  static std::once_flag once;  // g_mime_init itself is not thread-safe
  std::call_once(once, [] { g_mime_init(); });
}

std::optional<std::string> text_of(const char* s) { return s ? std::optional<std::string>(s) : std::nullopt; }

std::vector<MimeHeader> headers_of(GMimeObject* obj) {
  std::vector<MimeHeader> out;
  GMimeHeaderList* list = g_mime_object_get_header_list(obj);
  int count = list ? g_mime_header_list_get_count(list) : 0;
  for (int i = 0; i < count; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(list, i);
    const char* name = g_mime_header_get_name(h);
    const char* raw_name = g_mime_header_get_raw_name(h);
    const char* raw_value = g_mime_header_get_raw_value(h);
    if (!name || !raw_name || !raw_value) continue;
    out.push_back({name, raw_name, raw_value, static_cast<int64_t>(g_mime_header_get_offset(h))});
  }
  return out;
}

// The still-encoded body of a leaf part: GMime's content stream is a
// substream of the input, so its bounds are file offsets.
void read_content(GMimePart* part, size_t size, MimeNode& node) {
  GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
  GMimeStream* stream = wrapper ? g_mime_data_wrapper_get_stream(wrapper) : nullptr;
  if (!stream) return;
  g_mime_stream_reset(stream);
  const auto total = static_cast<gint64>(size);
  gint64 begin = std::clamp<gint64>(g_mime_stream_tell(stream), 0, total);
  gint64 length = g_mime_stream_length(stream);
  gint64 end = length < 0 ? total : std::clamp<gint64>(begin + length, begin, total);
  node.has_content = true;
  node.content_begin = static_cast<uint32_t>(begin);
  node.content_end = static_cast<uint32_t>(end);
}

MimeEncoding encoding_of(GMimePart* part) {
  switch (g_mime_part_get_content_encoding(part)) {
    case GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE: return MimeEncoding::kQuotedPrintable;
    case GMIME_CONTENT_ENCODING_BASE64: return MimeEncoding::kBase64;
    default: return MimeEncoding::kIdentity;
  }
}

// A node at kMaxMimeDepth keeps its headers only: the reader goes no deeper.
std::unique_ptr<MimeNode> node_of(GMimeObject* obj, size_t size, int depth) {
  auto node = std::make_unique<MimeNode>();
  node->headers = headers_of(obj);
  if (depth >= kMaxMimeDepth) return node;
  if (GMimeContentType* ct = g_mime_object_get_content_type(obj)) {
    node->type = g_mime_content_type_get_media_type(ct) ? g_mime_content_type_get_media_type(ct) : "";
    node->subtype = g_mime_content_type_get_media_subtype(ct) ? g_mime_content_type_get_media_subtype(ct) : "";
    char* mime = g_mime_content_type_get_mime_type(ct);
    node->mime_type = mime ? mime : "";
    g_free(mime);
  }
  node->charset = text_of(g_mime_object_get_content_type_parameter(obj, "charset"));
  node->format = text_of(g_mime_object_get_content_type_parameter(obj, "format"));
  node->delsp = text_of(g_mime_object_get_content_type_parameter(obj, "delsp"));
  if (GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(obj)) {
    node->has_disposition = true;
    node->disposition_attachment = g_mime_content_disposition_is_attachment(disposition);
    node->disposition_filename = text_of(g_mime_content_disposition_get_parameter(disposition, "filename"));
  }
  node->has_content_id = g_mime_object_get_content_id(obj) != nullptr;
  if (GMIME_IS_MULTIPART(obj)) {
    auto* multipart = GMIME_MULTIPART(obj);
    node->kind = MimeNode::Kind::kMultipart;
    node->boundary = text_of(g_mime_multipart_get_boundary(multipart));
    for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i)
      node->children.push_back(node_of(g_mime_multipart_get_part(multipart, i), size, depth + 1));
  } else if (GMIME_IS_PART(obj)) {
    auto* part = GMIME_PART(obj);
    node->kind = MimeNode::Kind::kPart;
    node->filename = text_of(g_mime_part_get_filename(part));
    node->encoding = encoding_of(part);
    read_content(part, size, *node);
  }
  return node;
}

}  // namespace
}  // namespace followup::input

extern "C" __attribute__((visibility("default"))) void followup_mail_parse(const char* data, size_t size,
                                                                            followup::input::MimeMessage* out) {
  using namespace followup::input;
  ensure_gmime();
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(data, size));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
  if (!message) return;
  out->parsed = true;
  out->headers_end = static_cast<uint32_t>(
      std::clamp<gint64>(g_mime_parser_get_headers_end(parser.get()), 0, static_cast<gint64>(size)));
  out->headers = headers_of(GMIME_OBJECT(message.get()));
  if (GMimeObject* top = g_mime_message_get_mime_part(message.get())) out->body = node_of(top, size, 0);
}

extern "C" __attribute__((visibility("default"))) bool followup_mail_decode_word(const char* word, std::string* out) {
  followup::input::ensure_gmime();
  char* decoded = g_mime_utils_header_decode_text(nullptr, word);
  *out = decoded ? decoded : "";
  g_free(decoded);
  return !out->empty() && *out != word;
}
