#include "core/date.hpp"

#include "core/ascii.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace followup::core {

namespace {

constexpr int64_t kSecondsPerDay = 86400;

constexpr int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
constexpr int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = floor_div(y, 400);
  const int64_t yoe = y - era * 400;                                  // [0, 399]
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          // [0, 146096]
  return era * 146097 + doe - 719468;
}

struct Civil {
  int64_t year;
  int64_t month;
  int64_t day;
};

constexpr Civil civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t doe = z - era * 146097;                                       // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11017);
static_assert(days_from_civil(1969, 12, 31) == -1);
static_assert(civil_from_days(-1).year == 1969 && civil_from_days(-1).day == 31);

constexpr bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int64_t days_in_month(int64_t y, int64_t m) {
  constexpr int64_t kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }


std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// A read position over the input; every accessor is bounds-checked.
struct Cursor {
  std::string_view text;
  size_t pos = 0;

  bool done() const { return pos >= text.size(); }
  char peek() const { return done() ? '\0' : text[pos]; }
  bool accept(char c) {
    if (done() || text[pos] != c) return false;
    ++pos;
    return true;
  }
  // Reads between min_digits and max_digits decimal digits (no more follow).
  bool digits(size_t min_digits, size_t max_digits, int64_t& out, size_t* count = nullptr) {
    size_t n = 0;
    int64_t v = 0;
    while (n < max_digits && !done() && is_digit(text[pos])) {
      v = v * 10 + (text[pos] - '0');
      ++pos;
      ++n;
    }
    if (n < min_digits || (!done() && is_digit(text[pos]))) return false;
    out = v;
    if (count != nullptr) *count = n;
    return true;
  }
  std::string_view word() {
    size_t begin = pos;
    while (!done() && ((text[pos] >= 'a' && text[pos] <= 'z') || (text[pos] >= 'A' && text[pos] <= 'Z'))) ++pos;
    return text.substr(begin, pos - begin);
  }
};

struct Fields {
  int64_t year = 0, month = 0, day = 0;
  int64_t hour = 0, minute = 0, second = 0;
  bool has_time = false;
  bool has_offset = false;
  int64_t offset = 0;  // seconds east of UTC
};

std::optional<DateTime> build(const Fields& f) {
  if (f.year < 0 || f.year > 9999) return std::nullopt;
  if (f.month < 1 || f.month > 12) return std::nullopt;
  if (f.day < 1 || f.day > days_in_month(f.year, f.month)) return std::nullopt;
  if (f.hour < 0 || f.hour > 23 || f.minute < 0 || f.minute > 59 || f.second < 0 || f.second > 60) {
    return std::nullopt;
  }
  if (f.offset <= -kSecondsPerDay || f.offset >= kSecondsPerDay) return std::nullopt;
  DateTime dt;
  dt.seconds = days_from_civil(f.year, f.month, f.day) * kSecondsPerDay;
  if (f.has_time) dt.seconds += f.hour * 3600 + f.minute * 60 + f.second;
  dt.has_time = f.has_time;
  dt.has_offset = f.has_time && f.has_offset;
  dt.utc_offset = dt.has_offset ? static_cast<int32_t>(f.offset) : 0;
  return dt;
}

// ---- RFC 5322 -------------------------------------------------------------

// Skips folding white space and (possibly nested) comments. Returns false on
// an unterminated comment.
bool skip_cfws(Cursor& c) {
  while (!c.done()) {
    if (is_space(c.peek())) {
      ++c.pos;
    } else if (c.peek() == '(') {
      int depth = 0;
      while (!c.done()) {
        char ch = c.text[c.pos++];
        if (ch == '\\') {
          if (c.done()) return false;
          ++c.pos;
        } else if (ch == '(') {
          ++depth;
        } else if (ch == ')') {
          if (--depth == 0) break;
        }
      }
      if (depth != 0) return false;
    } else {
      break;
    }
  }
  return true;
}

// Like skip_cfws, but requires at least one character of white space or a comment.
bool require_cfws(Cursor& c) {
  size_t before = c.pos;
  return skip_cfws(c) && c.pos > before;
}

int64_t month_from_name(std::string_view name) {
  constexpr std::string_view kMonths[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int64_t i = 0; i < 12; ++i) {
    if (ascii_iequals(name, kMonths[i])) return i + 1;
  }
  return 0;
}

bool is_day_name(std::string_view name) {
  constexpr std::string_view kDays[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (std::string_view d : kDays) {
    if (ascii_iequals(name, d)) return true;
  }
  return false;
}

bool obsolete_zone(std::string_view name, int64_t& offset) {
  struct Zone {
    std::string_view name;
    int64_t hours;
  };
  constexpr Zone kZones[] = {{"ut", 0},   {"gmt", 0},  {"z", 0},    {"est", -5}, {"edt", -4}, {"cst", -6},
                             {"cdt", -5}, {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}};
  for (const Zone& z : kZones) {
    if (ascii_iequals(name, z.name)) {
      offset = z.hours * 3600;
      return true;
    }
  }
  return false;
}

}  // namespace

int64_t DateTime::day_number() const { return floor_div(seconds, kSecondsPerDay); }

std::optional<DateTime> parse_rfc5322_date(std::string_view text) {
  Cursor c{trim(text)};
  Fields f;
  if (!skip_cfws(c)) return std::nullopt;

  // [ day-of-week "," ]
  if (!is_digit(c.peek())) {
    if (!is_day_name(c.word())) return std::nullopt;
    if (!skip_cfws(c) || !c.accept(',') || !skip_cfws(c)) return std::nullopt;
  }

  // day month year
  if (!c.digits(1, 2, f.day) || !require_cfws(c)) return std::nullopt;
  f.month = month_from_name(c.word());
  if (f.month == 0 || !require_cfws(c)) return std::nullopt;
  size_t year_digits = 0;
  if (!c.digits(2, 4, f.year, &year_digits)) return std::nullopt;
  if (year_digits == 2) {
    f.year += f.year < 50 ? 2000 : 1900;
  } else if (year_digits == 3) {
    f.year += 1900;
  } else if (f.year < 1900) {
    return std::nullopt;
  }
  const size_t after_year = c.pos;
  if (!skip_cfws(c)) return std::nullopt;
  if (c.done()) return build(f);               // a date without a time
  if (c.pos == after_year) return std::nullopt;  // the time must be set apart

  // hour ":" minute [ ":" second ]
  f.has_time = true;
  if (!c.digits(1, 2, f.hour) || !skip_cfws(c) || !c.accept(':') || !skip_cfws(c) || !c.digits(2, 2, f.minute)) {
    return std::nullopt;
  }
  if (!skip_cfws(c)) return std::nullopt;
  if (c.accept(':')) {
    if (!skip_cfws(c) || !c.digits(2, 2, f.second) || !skip_cfws(c)) return std::nullopt;
  }

  // zone: ("+" / "-") 4DIGIT, or an obsolete name; absent means local time.
  if (!c.done()) {
    char sign = c.peek();
    if (sign == '+' || sign == '-') {
      ++c.pos;
      int64_t hhmm = 0;
      if (!c.digits(4, 4, hhmm)) return std::nullopt;
      int64_t hh = hhmm / 100;
      int64_t mm = hhmm % 100;
      if (hh > 23 || mm > 59) return std::nullopt;
      f.offset = (sign == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
    } else if (!obsolete_zone(c.word(), f.offset)) {
      return std::nullopt;
    }
    f.has_offset = true;
    if (!skip_cfws(c) || !c.done()) return std::nullopt;
  }
  return build(f);
}

// ---- ISO 8601 / RFC 3339 / TOML ------------------------------------------

std::optional<DateTime> parse_iso8601_date(std::string_view text) {
  Cursor c{trim(text)};
  Fields f;
  if (!c.digits(4, 4, f.year) || !c.accept('-') || !c.digits(2, 2, f.month) || !c.accept('-') ||
      !c.digits(2, 2, f.day)) {
    return std::nullopt;
  }
  if (c.done()) return build(f);

  if (!c.accept('T') && !c.accept('t') && !c.accept(' ')) return std::nullopt;
  f.has_time = true;
  if (!c.digits(2, 2, f.hour) || !c.accept(':') || !c.digits(2, 2, f.minute)) return std::nullopt;
  if (c.accept(':')) {
    if (!c.digits(2, 2, f.second)) return std::nullopt;
    if (c.accept('.') || c.accept(',')) {
      if (!is_digit(c.peek())) return std::nullopt;
      while (is_digit(c.peek())) ++c.pos;  // fractions of a second are dropped
    }
  }
  if (c.done()) return build(f);

  if (c.accept('Z') || c.accept('z')) {
    f.has_offset = true;
  } else {
    char sign = c.peek();
    if (sign != '+' && sign != '-') return std::nullopt;
    ++c.pos;
    // hh, hh:mm or hhmm
    int64_t value = 0;
    size_t count = 0;
    if (!c.digits(2, 4, value, &count)) return std::nullopt;
    int64_t hh = value;
    int64_t mm = 0;
    if (count == 4) {
      hh = value / 100;
      mm = value % 100;
    } else if (count != 2) {
      return std::nullopt;
    } else if (c.accept(':')) {
      if (!c.digits(2, 2, mm)) return std::nullopt;
    }
    if (hh > 23 || mm > 59) return std::nullopt;
    f.offset = (sign == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
    f.has_offset = true;
  }
  if (!c.done()) return std::nullopt;
  return build(f);
}

namespace {

// Dates as people write them in letters: "April 1, 2024", "1 April 2024",
// "Monday, April 1, 2024", "Apr. 1 2024". Date only.
std::optional<DateTime> parse_written_date(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (is_space(text[i]) || text[i] == ',' || text[i] == '.')) ++i;
    size_t begin = i;
    while (i < text.size() && !is_space(text[i]) && text[i] != ',' && text[i] != '.') ++i;
    if (i > begin) words.push_back(text.substr(begin, i - begin));
  }
  auto number = [](std::string_view w, int64_t& out) {
    // "1st", "2nd", "21st": digits and an optional ordinal suffix.
    size_t d = 0;
    out = 0;
    // Past four digits it is no day or year: stop adding before it overflows.
    for (; d < w.size() && is_digit(w[d]); ++d)
      if (d < 4) out = out * 10 + (w[d] - '0');
    std::string_view rest = w.substr(d);
    return d > 0 && d <= 4 && (rest.empty() || ascii_iequals(rest, "st") || ascii_iequals(rest, "nd") ||
                               ascii_iequals(rest, "rd") || ascii_iequals(rest, "th"));
  };
  if (!words.empty() && words.front().size() >= 3 && is_day_name(words.front().substr(0, 3))) {
    words.erase(words.begin());
  }
  if (words.size() != 3) return std::nullopt;
  Fields f;
  auto month_of = [](std::string_view w) {
    return w.size() >= 3 ? month_from_name(w.substr(0, 3)) : int64_t{0};
  };
  if (month_of(words[0]) && number(words[1], f.day) && number(words[2], f.year)) {
    f.month = month_of(words[0]);
  } else if (number(words[0], f.day) && month_of(words[1]) && number(words[2], f.year)) {
    f.month = month_of(words[1]);
  } else {
    return std::nullopt;
  }
  if (f.year < 1900) return std::nullopt;
  return build(f);
}

}  // namespace

std::optional<DateTime> parse_date(std::string_view text) {
  text = trim(text);
  if (auto iso = parse_iso8601_date(text)) return iso;
  if (auto rfc = parse_rfc5322_date(text)) return rfc;
  return parse_written_date(text);
}

std::string format_date(const DateTime& value) {
  const int64_t days = value.day_number();
  const Civil civil = civil_from_days(days);
  char buf[96];
  int n = 0;
  if (!value.has_time) {
    n = std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(civil.year),
                      static_cast<long long>(civil.month), static_cast<long long>(civil.day));
  } else {
    const int64_t secs = value.seconds - days * kSecondsPerDay;  // [0, 86399]
    n = std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld",
                      static_cast<long long>(civil.year), static_cast<long long>(civil.month),
                      static_cast<long long>(civil.day), static_cast<long long>(secs / 3600),
                      static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
    if (value.has_offset && n > 0 && static_cast<size_t>(n) < sizeof buf) {
      const int64_t offset = value.utc_offset;
      const int64_t magnitude = (offset < 0 ? -offset : offset) / 60;  // whole minutes
      n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), "%c%02lld:%02lld", offset < 0 ? '-' : '+',
                         static_cast<long long>(magnitude / 60), static_cast<long long>(magnitude % 60));
    }
  }
  if (n < 0) return std::string();
  return std::string(buf, std::min(static_cast<size_t>(n), sizeof buf - 1));
}

std::string format_date_readable(const DateTime& value, const DateTime& reference) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int64_t days = value.day_number();
  const Civil civil = civil_from_days(days);
  const Civil ref = civil_from_days(reference.day_number());
  std::string out = std::string(kMonths[(civil.month - 1) % 12]) + " " + std::to_string(civil.day);
  if (civil.year != ref.year) out += ", " + std::to_string(civil.year);
  if (value.has_time) {
    const int64_t secs = value.seconds - days * kSecondsPerDay;  // [0, 86399]
    const int64_t hour = secs / 3600, minute = secs / 60 % 60;
    out += (hour < 10 ? ", 0" : ", ") + std::to_string(hour) + (minute < 10 ? ":0" : ":") + std::to_string(minute);
  }
  return out;
}

double hours_between(const DateTime& from, const DateTime& to) {
  if (!from.has_time || !to.has_time) {
    return static_cast<double>(to.day_number() - from.day_number()) * 24.0;
  }
  // With only one zone known, the other value is taken to be in that zone, so
  // local wall-clock times compare directly.
  const int64_t diff = from.has_offset && to.has_offset ? to.utc_seconds() - from.utc_seconds()
                                                        : to.seconds - from.seconds;
  return static_cast<double>(diff) / 3600.0;
}

}  // namespace followup::core
