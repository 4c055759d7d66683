#include "input/mime_tree.hpp"

#include <cctype>

#include "platform/module.hpp"

namespace followup::input {
namespace {

constexpr const char* kMailModule = "followup-lint-mail.so";

bool same_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

}  // namespace

bool MimeNode::is_type(std::string_view t, std::string_view s) const {
  return same_ascii(type, t) && same_ascii(subtype, s);
}

std::variant<MimeMessage, std::string> parse_mime(std::string_view bytes) {
  auto entry = platform::module_symbol(kMailModule, "followup_mail_parse");
  if (auto* why = std::get_if<std::string>(&entry)) return *why;
  MimeMessage message;
  reinterpret_cast<ParseMimeFn>(std::get<void*>(entry))(bytes.data(), bytes.size(), &message);
  return message;
}

std::optional<std::string> decode_encoded_word(std::string_view word) {
  auto entry = platform::module_symbol(kMailModule, "followup_mail_decode_word");
  if (std::holds_alternative<std::string>(entry)) return std::nullopt;
  std::string out;
  std::string w(word);
  if (!reinterpret_cast<DecodeWordFn>(std::get<void*>(entry))(w.c_str(), &out)) return std::nullopt;
  return out;
}

}  // namespace followup::input
