// Severity of a diagnostic, ordered so that a larger value is more serious.
#pragma once

#include <optional>
#include <string_view>

namespace followup::core {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

inline std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "error";
}

// The word people read in text output: "note" where configs and JSON say "info".
inline std::string_view severity_label(Severity s) { return s == Severity::kInfo ? "note" : severity_name(s); }

inline std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "info" || name == "note") return Severity::kInfo;  // "note" is what the text output calls it
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

}  // namespace followup::core
