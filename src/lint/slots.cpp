#include "lint/slots.hpp"

#include <algorithm>
#include <string_view>

namespace followup::lint {
namespace {

constexpr std::string_view kSlotRule = "placeholder.unfilled";

}  // namespace

void shield_slots(std::vector<diag::Diagnostic>& found) {
  std::vector<core::Span> slots;
  for (const auto& d : found)
    if (d.rule_id == kSlotRule && !d.span.empty()) slots.push_back(d.span);
  if (slots.empty()) return;
  auto inside_slot = [&](const diag::Diagnostic& d) {
    if (d.rule_id.rfind("placeholder.", 0) == 0) return false;
    return std::any_of(slots.begin(), slots.end(), [&](core::Span s) { return s.contains(d.span); });
  };
  found.erase(std::remove_if(found.begin(), found.end(), inside_slot), found.end());
}

}  // namespace followup::lint
