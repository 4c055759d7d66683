#include "core/clock.hpp"

#include <cstdlib>
#include <ctime>

namespace followup::core {

std::optional<DateTime> now() {
  if (const char* pinned = std::getenv("FOLLOWUP_LINT_NOW"); pinned && *pinned) return parse_date(pinned);
  std::time_t t = std::time(nullptr);
  std::tm local{};
  if (!localtime_r(&t, &local)) return std::nullopt;
  DateTime value;
  value.utc_offset = static_cast<int32_t>(local.tm_gmtoff);
  value.seconds = static_cast<int64_t>(t) + value.utc_offset;
  value.has_time = true;
  value.has_offset = true;
  return value;
}

}  // namespace followup::core
