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

inline std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

}  // namespace followup::core
