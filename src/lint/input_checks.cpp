#include "lint/input_checks.hpp"

#include <fmt/format.h>

#include "core/utf8.hpp"
#include "lint/stage_report.hpp"

namespace followup::lint {

bool check_input(const core::Source& source, const rules::RuleSet& rules, std::vector<diag::Diagnostic>& out) {
  std::string_view text = source.text();
  size_t nul = text.find('\0');
  // The Source checked the UTF-8 as it indexed the lines: look for the bad
  // byte only when there is one.
  auto invalid = source.valid_utf8() ? std::nullopt : core::find_invalid_utf8(text);
  if (nul != std::string_view::npos && (!invalid || nul < *invalid)) {
    auto at = static_cast<uint32_t>(nul);
    report_stage_finding(rules, out, "input.encoding", {at, at + 1},
                         fmt::format("NUL byte at byte offset {}: this looks like a binary file, not a text draft", nul));
    return false;
  }
  if (invalid) {
    report_stage_finding(rules, out, "input.encoding", {*invalid, *invalid + 1},
                         fmt::format("invalid UTF-8 at byte offset {} (byte 0x{:02X})", *invalid,
                                     static_cast<unsigned char>(text[*invalid])));
    return false;
  }
  if (text.find_first_not_of(" \t\r\n\xEF\xBB\xBF") == std::string_view::npos) {
    report_stage_finding(rules, out, "input.empty", {0, 0}, "the file is empty");
    return false;
  }
  return true;
}

}  // namespace followup::lint
