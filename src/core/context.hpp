// Context: what a rule may know about a draft besides its text (SPEC §3).
// Unset optional fields mean "unknown": rules that need them stay silent.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace followup::core {

enum class Kind { kUnknown, kThankYou, kStatusInquiry, kRejectionReply };

std::string_view kind_name(Kind kind);
std::optional<Kind> parse_kind(std::string_view name);

struct Context {
  std::optional<Kind> kind;  // unset until given or inferred
  std::optional<std::string> medium;
  std::optional<std::string> position;
  std::optional<std::string> company;
  std::optional<std::vector<std::string>> interviewers;
  std::optional<std::string> candidate;
  std::optional<std::string> culture;
  std::string relationship = "new";
  std::optional<DateTime> interview_date;
  std::optional<DateTime> sent_date;
  std::optional<DateTime> reply_expected_by;
  bool no_follow_up = false;
  std::vector<std::string> attachments;
  bool template_mode = false;
  std::vector<std::string> placeholders;
  // The note's language when it is not English ("es"): rules written for
  // English stay silent (lint/context_stage.cpp guesses it). Not a context key.
  std::string language;

  // Where each key got its value ("default", "config .followup-lint.toml",
  // "front matter", "header", "command line", "inferred").
  std::map<std::string, std::string> origins;

  Kind effective_kind() const { return kind.value_or(Kind::kUnknown); }
  // The value of a key as text, for `when` conditions and --show-config;
  // nullopt when unset.
  std::optional<std::string> get(std::string_view key) const;
};

// The keys of SPEC §3, in the spec's order.
const std::vector<std::string>& context_keys();

}  // namespace followup::core
