// Dates and times from headers, front matter and flags. Parsing accepts
// RFC 5322 ("Fri, 21 Nov 2026 09:00:00 -0500") and ISO 8601 / TOML forms
// ("2026-11-21", "2026-11-21T09:00:00-05:00", "2026-11-21 09:00"). Invalid
// input returns nullopt; nothing throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace followup::core {

struct DateTime {
  int64_t seconds = 0;      // local wall-clock time as seconds since 1970-01-01T00:00
  int32_t utc_offset = 0;   // seconds east of UTC, when has_offset
  bool has_time = false;    // false for a bare date
  bool has_offset = false;  // false when the text gave no zone

  // Seconds since the epoch in UTC (local time when no zone was given).
  int64_t utc_seconds() const { return seconds - (has_offset ? utc_offset : 0); }
  // Days since 1970-01-01 of the local calendar date.
  int64_t day_number() const;
};

std::optional<DateTime> parse_date(std::string_view text);  // either form

// The date as people write it in a sentence: "Nov 19, 10:00", with the year
// only when it is not `reference`'s ("Dec 30, 2025"), no zone, no seconds.
std::string format_date_readable(const DateTime& value, const DateTime& reference);
std::optional<DateTime> parse_rfc5322_date(std::string_view text);
std::optional<DateTime> parse_iso8601_date(std::string_view text);

// ISO 8601 text of the value ("2026-11-21" or "2026-11-21T09:00:00-05:00").
std::string format_date(const DateTime& value);

// Hours from `from` to `to`, comparing instants when both carry a time, or
// calendar days * 24 when either is a bare date.
double hours_between(const DateTime& from, const DateTime& to);

}  // namespace followup::core
