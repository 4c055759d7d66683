#include "input/mime_tree.hpp"

#include "core/ascii.hpp"
#include "platform/module.hpp"

namespace followup::input {
namespace {

constexpr const char* kMailModule = "followup-lint-mail.so";

}  // namespace

bool MimeNode::is_type(std::string_view t, std::string_view s) const {
  return core::ascii_iequals(type, t) && core::ascii_iequals(subtype, s);
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
