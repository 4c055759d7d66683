// A message's MIME structure as GMime reads it, in plain data. GMime and
// the dozen libraries it brings (GLib, GIO, gpgme...) live in a module of
// their own, followup-lint-mail.so, loaded by the first run that reads a
// mail; that module fills these structures (input/mime_parse.cpp) and
// input/mail.cpp reads them. Offsets are file offsets into the message.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace followup::input {

struct MimeHeader {
  std::string name;       // as GMime names it ("Content-Type")
  std::string raw_name;   // as written
  std::string raw_value;  // after the colon, through the line break
  int64_t offset = 0;     // where the field starts
};

enum class MimeEncoding { kIdentity, kQuotedPrintable, kBase64 };

struct MimeNode {
  enum class Kind { kPart, kMultipart, kOther };  // kOther: an attached message, or unknown
  Kind kind = Kind::kOther;
  std::vector<MimeHeader> headers;
  std::string type, subtype;  // "text", "plain"; empty without a Content-Type
  std::string mime_type;      // "text/plain"
  std::optional<std::string> charset, format, delsp;  // Content-Type parameters
  bool disposition_attachment = false;
  bool has_disposition = false;
  std::optional<std::string> disposition_filename;
  std::optional<std::string> filename;  // the part's file name (disposition, else the type's name)
  bool has_content_id = false;
  MimeEncoding encoding = MimeEncoding::kIdentity;
  bool has_content = false;
  uint32_t content_begin = 0, content_end = 0;  // the still-encoded body of a part
  std::optional<std::string> boundary;          // a multipart's
  std::vector<std::unique_ptr<MimeNode>> children;  // none below kMaxMimeDepth

  bool is_type(std::string_view t, std::string_view s) const;  // ASCII case-insensitive
};

struct MimeMessage {
  bool parsed = false;      // false: no header block GMime could read
  uint32_t headers_end = 0;
  std::vector<MimeHeader> headers;
  std::unique_ptr<MimeNode> body;
};

// Deeper MIME trees are not written by any mail client; the cap bounds the
// walk (and the boundary checks) on hostile input.
constexpr int kMaxMimeDepth = 64;

// The module's two entry points (C linkage, found by name).
using ParseMimeFn = void (*)(const char* data, size_t size, MimeMessage* out);
using DecodeWordFn = bool (*)(const char* word, std::string* out);  // RFC 2047; false when it does not decode

// The message's structure; or why the mail module could not be loaded.
std::variant<MimeMessage, std::string> parse_mime(std::string_view bytes);
// One RFC 2047 encoded word decoded; nullopt when it does not decode or the module is missing.
std::optional<std::string> decode_encoded_word(std::string_view word);

}  // namespace followup::input
