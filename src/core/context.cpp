#include "core/context.hpp"

#include <fmt/format.h>

namespace followup::core {

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::kThankYou: return "thank-you";
    case Kind::kStatusInquiry: return "status-inquiry";
    case Kind::kRejectionReply: return "rejection-reply";
    case Kind::kUnknown: return "unknown";
  }
  return "unknown";
}

std::optional<Kind> parse_kind(std::string_view name) {
  if (name == "thank-you") return Kind::kThankYou;
  if (name == "status-inquiry") return Kind::kStatusInquiry;
  if (name == "rejection-reply") return Kind::kRejectionReply;
  if (name == "unknown") return Kind::kUnknown;
  return std::nullopt;
}

const std::vector<std::string>& context_keys() {
  static const std::vector<std::string> keys = {
      "kind",         "medium",         "position",  "company",           "interviewers",
      "candidate",    "culture",        "relationship", "interview_date", "sent_date",
      "reply_expected_by", "no_follow_up", "attachments", "template",     "placeholders"};
  return keys;
}

namespace {
std::string join_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += fmt::format("\"{}\"", items[i]);
  }
  return out + "]";
}
}  // namespace

std::optional<std::string> Context::get(std::string_view key) const {
  if (key == "kind") return kind ? std::optional<std::string>(std::string(kind_name(*kind))) : std::nullopt;
  if (key == "medium") return medium;
  if (key == "position") return position;
  if (key == "company") return company;
  if (key == "interviewers") return interviewers ? std::optional(join_list(*interviewers)) : std::nullopt;
  if (key == "candidate") return candidate;
  if (key == "culture") return culture;
  if (key == "relationship") return relationship;
  if (key == "interview_date") return interview_date ? std::optional(format_date(*interview_date)) : std::nullopt;
  if (key == "sent_date") return sent_date ? std::optional(format_date(*sent_date)) : std::nullopt;
  if (key == "reply_expected_by")
    return reply_expected_by ? std::optional(format_date(*reply_expected_by)) : std::nullopt;
  if (key == "no_follow_up") return std::string(no_follow_up ? "true" : "false");
  if (key == "attachments") return join_list(attachments);
  if (key == "template") return std::string(template_mode ? "true" : "false");
  if (key == "placeholders") return join_list(placeholders);
  return std::nullopt;
}

}  // namespace followup::core
