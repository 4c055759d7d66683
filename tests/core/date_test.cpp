#include "core/date.hpp"

#include <catch2/catch.hpp>

#include <string>

using followup::core::DateTime;
using followup::core::format_date;
using followup::core::hours_between;
using followup::core::parse_date;
using followup::core::parse_iso8601_date;
using followup::core::parse_rfc5322_date;

namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kNov21_2026 = 20778;  // days since 1970-01-01

// The ISO text of a parse, or "invalid".
std::string iso(std::string_view text) {
  auto d = parse_date(text);
  return d ? format_date(*d) : std::string("invalid");
}

}  // namespace

TEST_CASE("RFC 5322: the spec example", "[date]") {
  // 21 Nov 2026 is really a Saturday; the day-of-week is not cross-checked.
  auto d = parse_rfc5322_date("Fri, 21 Nov 2026 09:00:00 -0500");
  REQUIRE(d);
  CHECK(d->has_time);
  CHECK(d->has_offset);
  CHECK(d->utc_offset == -5 * 3600);
  CHECK(d->seconds == kNov21_2026 * kDay + 9 * 3600);
  CHECK(d->utc_seconds() == kNov21_2026 * kDay + 14 * 3600);
  CHECK(d->day_number() == kNov21_2026);
  CHECK(format_date(*d) == "2026-11-21T09:00:00-05:00");
}

TEST_CASE("RFC 5322: optional parts and spacing", "[date]") {
  CHECK(iso("21 Nov 2026 09:00:00 -0500") == "2026-11-21T09:00:00-05:00");  // no day-of-week
  CHECK(iso("Sat, 21 Nov 2026 09:00 +0000") == "2026-11-21T09:00:00+00:00");  // no seconds
  CHECK(iso("  Sat ,  21   Nov\t2026  09 : 05 : 07   +0130  ") == "2026-11-21T09:05:07+01:30");
  CHECK(iso("Sat, 1 Nov 2026 09:00:00 -0500") == "2026-11-01T09:00:00-05:00");  // 1-digit day
  CHECK(iso("Sat, 01 Nov 2026 09:00:00 -0500") == "2026-11-01T09:00:00-05:00");
  CHECK(iso("sat, 21 NOV 2026 09:00:00 -0500") == "2026-11-21T09:00:00-05:00");  // case
  CHECK(iso("Sat, 21 nOv 2026 09:00:00 -0500") == "2026-11-21T09:00:00-05:00");
  CHECK(iso("Sat,\r\n 21 Nov 2026 09:00:00 -0500") == "2026-11-21T09:00:00-05:00");  // folded
  CHECK(iso("Sat, 21 Nov 2026 23:59:60 +0000") == "2026-11-22T00:00:00+00:00");  // leap second
}

TEST_CASE("RFC 5322: all month names", "[date]") {
  const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int m = 0; m < 12; ++m) {
    std::string text = std::string("15 ") + months[m] + " 2026 12:00 +0000";
    std::string expected = std::string("2026-") + (m < 9 ? "0" : "") + std::to_string(m + 1) + "-15T12:00:00+00:00";
    CHECK(iso(text) == expected);
  }
}

TEST_CASE("RFC 5322: zones", "[date]") {
  struct Case {
    const char* zone;
    int32_t offset;
  };
  const Case cases[] = {{"+0000", 0},        {"-0000", 0},          {"+0530", 19800},     {"-0930", -34200},
                        {"UT", 0},           {"GMT", 0},            {"Z", 0},             {"EST", -5 * 3600},
                        {"EDT", -4 * 3600},  {"CST", -6 * 3600},    {"CDT", -5 * 3600},   {"MST", -7 * 3600},
                        {"MDT", -6 * 3600},  {"PST", -8 * 3600},    {"PDT", -7 * 3600},   {"gmt", 0},
                        {"est", -5 * 3600}};
  for (const Case& c : cases) {
    INFO(c.zone);
    auto d = parse_rfc5322_date(std::string("Sat, 21 Nov 2026 09:00:00 ") + c.zone);
    REQUIRE(d);
    CHECK(d->has_offset);
    CHECK(d->utc_offset == c.offset);
    CHECK(d->seconds == kNov21_2026 * kDay + 9 * 3600);
  }
  CHECK_FALSE(parse_rfc5322_date("Sat, 21 Nov 2026 09:00:00 XYZ"));
  CHECK_FALSE(parse_rfc5322_date("Sat, 21 Nov 2026 09:00:00 A"));  // military zones other than Z
  CHECK_FALSE(parse_rfc5322_date("Sat, 21 Nov 2026 09:00:00 ESTX"));
  CHECK_FALSE(parse_rfc5322_date("Sat, 21 Nov 2026 09:00:00 +050"));
  CHECK_FALSE(parse_rfc5322_date("Sat, 21 Nov 2026 09:00:00 +05000"));
  CHECK_FALSE(parse_rfc5322_date("Sat, 21 Nov 2026 09:00:00 +0560"));
  CHECK_FALSE(parse_rfc5322_date("Sat, 21 Nov 2026 09:00:00 +2400"));
  CHECK_FALSE(parse_rfc5322_date("Sat, 21 Nov 2026 09:00:00 -05:00"));
}

TEST_CASE("RFC 5322: comments after the zone are ignored", "[date]") {
  CHECK(iso("Sat, 21 Nov 2026 09:00:00 -0500 (EST)") == "2026-11-21T09:00:00-05:00");
  CHECK(iso("Sat, 21 Nov 2026 09:00:00 +0000 (UTC) (again)") == "2026-11-21T09:00:00+00:00");
  CHECK(iso("Sat, 21 Nov 2026 09:00:00 +0000 (nested (comment) \\) here)") == "2026-11-21T09:00:00+00:00");
  CHECK(iso("Sat, 21 Nov 2026 09:00:00 +0000(tight)") == "2026-11-21T09:00:00+00:00");
  CHECK(iso("Sat, 21 Nov 2026 09:00:00 +0000 (unterminated") == "invalid");
  CHECK(iso("Sat, 21 Nov 2026 09:00:00 +0000 (a))") == "invalid");
  CHECK(iso("Sat, 21 Nov 2026 09:00:00 +0000 trailing") == "invalid");
}

TEST_CASE("RFC 5322: obsolete 2- and 3-digit years", "[date]") {
  CHECK(iso("21 Nov 26 09:00 +0000") == "2026-11-21T09:00:00+00:00");
  CHECK(iso("21 Nov 00 09:00 +0000") == "2000-11-21T09:00:00+00:00");
  CHECK(iso("21 Nov 49 09:00 +0000") == "2049-11-21T09:00:00+00:00");
  CHECK(iso("21 Nov 50 09:00 +0000") == "1950-11-21T09:00:00+00:00");
  CHECK(iso("21 Nov 99 09:00 +0000") == "1999-11-21T09:00:00+00:00");
  CHECK(iso("21 Nov 126 09:00 +0000") == "2026-11-21T09:00:00+00:00");
  CHECK(iso("21 Nov 1900 09:00 +0000") == "1900-11-21T09:00:00+00:00");
  CHECK(iso("21 Nov 1899 09:00 +0000") == "invalid");  // years before 1900 are not allowed
  CHECK(iso("21 Nov 2 09:00 +0000") == "invalid");
  CHECK(iso("21 Nov 20260 09:00 +0000") == "invalid");
}

TEST_CASE("RFC 5322: without a zone or a time", "[date]") {
  auto local = parse_rfc5322_date("Sat, 21 Nov 2026 09:00:00");
  REQUIRE(local);
  CHECK(local->has_time);
  CHECK_FALSE(local->has_offset);
  CHECK(format_date(*local) == "2026-11-21T09:00:00");

  auto date_only = parse_rfc5322_date("Sat, 21 Nov 2026");
  REQUIRE(date_only);
  CHECK_FALSE(date_only->has_time);
  CHECK(date_only->seconds == kNov21_2026 * kDay);
  CHECK(format_date(*date_only) == "2026-11-21");
}

TEST_CASE("RFC 5322: range validation", "[date]") {
  CHECK(parse_rfc5322_date("Tue, 29 Feb 2028 09:00:00 +0000"));  // leap year
  CHECK_FALSE(parse_rfc5322_date("Sun, 29 Feb 2026 09:00:00 +0000"));
  CHECK(parse_rfc5322_date("29 Feb 2000 09:00:00 +0000"));  // divisible by 400
  CHECK_FALSE(parse_rfc5322_date("29 Feb 1900 09:00:00 +0000"));  // divisible by 100
  CHECK_FALSE(parse_rfc5322_date("Fri, 32 Nov 2026"));
  CHECK_FALSE(parse_rfc5322_date("Fri, 32 Nov 2026 09:00:00 +0000"));
  CHECK_FALSE(parse_rfc5322_date("31 Nov 2026 09:00:00 +0000"));
  CHECK(parse_rfc5322_date("31 Dec 2026 09:00:00 +0000"));
  CHECK_FALSE(parse_rfc5322_date("0 Nov 2026 09:00:00 +0000"));
  CHECK_FALSE(parse_rfc5322_date("21 Nov 2026 24:00:00 +0000"));
  CHECK_FALSE(parse_rfc5322_date("21 Nov 2026 23:60:00 +0000"));
  CHECK_FALSE(parse_rfc5322_date("21 Nov 2026 23:59:61 +0000"));
  CHECK(parse_rfc5322_date("21 Nov 2026 23:59:59 +0000"));
}

TEST_CASE("RFC 5322: malformed text", "[date]") {
  const char* bad[] = {
      "",
      "   ",
      "tomorrow",
      "Fri",
      "Fri,",
      "Fri 21 Nov 2026 09:00 +0000",    // day-of-week needs its comma
      "Frid, 21 Nov 2026 09:00 +0000",  // not a day name
      "21 November 2026 09:00 +0000",
      "21 Nox 2026 09:00 +0000",
      "21Nov 2026 09:00 +0000",
      "21 Nov2026 09:00 +0000",
      "21 Nov 2026 09 +0000",
      "21 Nov 2026 09: +0000",
      "21 Nov 2026 09:0 +0000",
      "21 Nov 2026 09:00: +0000",
      "21 Nov 2026 09:00:0 +0000",
      "21 Nov 2026 123:00 +0000",
      "21 Nov 2026:09:00 +0000",
      "-21 Nov 2026 09:00 +0000",
      "2026-11-21",  // ISO is not RFC 5322
      "21 Nov 2026 09:00 -",
      "21 Nov 2026 09:00 +",
  };
  for (const char* text : bad) {
    INFO('"' << text << '"');
    CHECK_FALSE(parse_rfc5322_date(text));
  }
}

TEST_CASE("ISO 8601: bare dates", "[date]") {
  auto d = parse_iso8601_date("2026-11-21");
  REQUIRE(d);
  CHECK_FALSE(d->has_time);
  CHECK_FALSE(d->has_offset);
  CHECK(d->seconds == kNov21_2026 * kDay);
  CHECK(d->day_number() == kNov21_2026);
  CHECK(format_date(*d) == "2026-11-21");

  CHECK(parse_iso8601_date("1970-01-01")->seconds == 0);
  CHECK(parse_iso8601_date("2000-03-01")->day_number() == 11017);
  CHECK(parse_iso8601_date("1969-12-31")->day_number() == -1);
  CHECK(parse_iso8601_date("1900-01-01")->day_number() == -25567);
  CHECK(parse_iso8601_date("0001-01-01")->day_number() == -719162);
  CHECK(parse_iso8601_date("9999-12-31")->day_number() == 2932896);
  CHECK(format_date(*parse_iso8601_date("0001-01-01")) == "0001-01-01");
}

TEST_CASE("ISO 8601: times and offsets", "[date]") {
  CHECK(iso("2026-11-21T09:00") == "2026-11-21T09:00:00");
  CHECK(iso("2026-11-21T09:00:00") == "2026-11-21T09:00:00");
  CHECK(iso("2026-11-21 09:00:00") == "2026-11-21T09:00:00");
  CHECK(iso("2026-11-21t09:00:00") == "2026-11-21T09:00:00");
  CHECK(iso("2026-11-21T09:00:00.5") == "2026-11-21T09:00:00");
  CHECK(iso("2026-11-21T09:00:59.999999") == "2026-11-21T09:00:59");
  CHECK(iso("2026-11-21T09:00:00,25Z") == "2026-11-21T09:00:00+00:00");
  CHECK(iso("2026-11-21T09:00:00Z") == "2026-11-21T09:00:00+00:00");
  CHECK(iso("2026-11-21T09:00:00z") == "2026-11-21T09:00:00+00:00");
  CHECK(iso("2026-11-21T09:00Z") == "2026-11-21T09:00:00+00:00");
  CHECK(iso("2026-11-21T09:00:00+05:30") == "2026-11-21T09:00:00+05:30");
  CHECK(iso("2026-11-21T09:00:00-0500") == "2026-11-21T09:00:00-05:00");
  CHECK(iso("2026-11-21T09:00:00-05") == "2026-11-21T09:00:00-05:00");
  CHECK(iso("2026-11-21T09:00:00.123-05:00") == "2026-11-21T09:00:00-05:00");
  CHECK(iso("2026-11-21 09:00+01:00") == "2026-11-21T09:00:00+01:00");
  CHECK(iso("1979-05-27T07:32:00-08:00") == "1979-05-27T07:32:00-08:00");  // TOML's example
  CHECK(iso("1979-05-27T00:32:00.999999-07:00") == "1979-05-27T00:32:00-07:00");

  auto d = parse_iso8601_date("2026-11-21T09:00:00+05:30");
  REQUIRE(d);
  CHECK(d->has_time);
  CHECK(d->has_offset);
  CHECK(d->utc_offset == 19800);
  CHECK(d->seconds == kNov21_2026 * kDay + 9 * 3600);
  CHECK(d->utc_seconds() == kNov21_2026 * kDay + 9 * 3600 - 19800);

  auto local = parse_iso8601_date("2026-11-21T09:00");
  REQUIRE(local);
  CHECK(local->has_time);
  CHECK_FALSE(local->has_offset);
  CHECK(local->utc_seconds() == local->seconds);
}

TEST_CASE("ISO 8601: validation and malformed text", "[date]") {
  CHECK(parse_iso8601_date("2028-02-29"));
  CHECK(parse_iso8601_date("2028-02-29T12:00:00Z"));
  CHECK_FALSE(parse_iso8601_date("2026-02-29"));
  CHECK_FALSE(parse_iso8601_date("2026-02-29T12:00:00Z"));
  CHECK_FALSE(parse_iso8601_date("2100-02-29"));
  CHECK(parse_iso8601_date("2000-02-29"));
  const char* bad[] = {
      "",
      "tomorrow",
      "2026-13-01",
      "2026-00-01",
      "2026-11-00",
      "2026-11-31",
      "2026-04-31",
      "2026-1-21",
      "2026-11-1",
      "26-11-21",
      "20261-11-21",
      "2026/11/21",
      "20261121",
      "2026-11-21T",
      "2026-11-21T9:00",
      "2026-11-21T09",
      "2026-11-21T09:",
      "2026-11-21T09:0",
      "2026-11-21T24:00",
      "2026-11-21T23:60",
      "2026-11-21T23:59:61",
      "2026-11-21T09:00:00.",
      "2026-11-21T09:00.5",
      "2026-11-21T09:00:00+5",
      "2026-11-21T09:00:00+05:",
      "2026-11-21T09:00:00+05:3",
      "2026-11-21T09:00:00+053",
      "2026-11-21T09:00:00+24:00",
      "2026-11-21T09:00:00+05:60",
      "2026-11-21T09:00:00ZZ",
      "2026-11-21T09:00:00 Z",
      "2026-11-21X09:00:00",
      "2026-11-21  09:00:00",
      "2026-11-21T09:00:00-05:00 x",
      "2026-11-21x",
  };
  for (const char* text : bad) {
    INFO('"' << text << '"');
    CHECK_FALSE(parse_iso8601_date(text));
    CHECK_FALSE(parse_date(text));
  }
}

TEST_CASE("parse_date tries both forms and trims", "[date]") {
  CHECK(iso("  2026-11-21  ") == "2026-11-21");
  CHECK(iso("\t2026-11-21T09:00:00Z\n") == "2026-11-21T09:00:00+00:00");
  CHECK(iso("\r\nFri, 21 Nov 2026 09:00:00 -0500 \n") == "2026-11-21T09:00:00-05:00");
  CHECK(iso("Fri, 32 Nov 2026") == "invalid");
  CHECK(iso("2026-13-01") == "invalid");
  CHECK(iso("tomorrow") == "invalid");
  CHECK(iso("") == "invalid");
  CHECK(iso(std::string_view("2026-11-21\0", 11)) == "invalid");
  CHECK(iso(std::string_view("2026-11-21", 7)) == "invalid");  // not NUL-terminated: "2026-11"
}

TEST_CASE("format_date round-trips", "[date]") {
  const char* texts[] = {
      "2026-11-21",
      "2028-02-29",
      "1970-01-01",
      "1969-12-31",
      "0001-01-01",
      "9999-12-31",
      "2026-11-21T09:00:00",
      "2026-11-21T00:00:00",
      "2026-11-21T23:59:59",
      "1969-12-31T23:59:59",
      "2026-11-21T09:00:00-05:00",
      "2026-11-21T09:00:00+00:00",
      "2026-11-21T09:00:00+05:30",
      "2026-11-21T09:00:00-09:30",
      "1960-06-15T12:34:56+14:00",
  };
  for (const char* text : texts) {
    INFO(text);
    auto d = parse_date(text);
    REQUIRE(d);
    CHECK(format_date(*d) == text);
    auto again = parse_date(format_date(*d));
    REQUIRE(again);
    CHECK(again->seconds == d->seconds);
    CHECK(again->utc_offset == d->utc_offset);
    CHECK(again->has_time == d->has_time);
    CHECK(again->has_offset == d->has_offset);
  }
  // RFC 5322 input comes back as ISO text.
  CHECK(format_date(*parse_date("Fri, 21 Nov 2026 09:00:00 -0500")) == "2026-11-21T09:00:00-05:00");
  CHECK(format_date(*parse_date("Fri, 21 Nov 2026 09:00:00 GMT")) == "2026-11-21T09:00:00+00:00");
}

TEST_CASE("format_date on hand-built values", "[date]") {
  DateTime d;
  CHECK(format_date(d) == "1970-01-01");
  d.has_time = true;
  CHECK(format_date(d) == "1970-01-01T00:00:00");
  d.seconds = -1;
  CHECK(format_date(d) == "1969-12-31T23:59:59");
  d.has_offset = true;
  d.utc_offset = -(5 * 3600 + 30 * 60);
  CHECK(format_date(d) == "1969-12-31T23:59:59-05:30");
  d.utc_offset = 0;
  CHECK(format_date(d) == "1969-12-31T23:59:59+00:00");
  d.has_time = false;  // a bare date never shows an offset
  CHECK(format_date(d) == "1969-12-31");
}

TEST_CASE("day_number floors negative seconds", "[date]") {
  DateTime d;
  d.seconds = 0;
  CHECK(d.day_number() == 0);
  d.seconds = 86399;
  CHECK(d.day_number() == 0);
  d.seconds = 86400;
  CHECK(d.day_number() == 1);
  d.seconds = -1;
  CHECK(d.day_number() == -1);
  d.seconds = -86400;
  CHECK(d.day_number() == -1);
  d.seconds = -86401;
  CHECK(d.day_number() == -2);
  // Local calendar day, not the UTC day.
  auto late = parse_date("2026-11-21T23:00:00-05:00");
  REQUIRE(late);
  CHECK(late->day_number() == kNov21_2026);
}

TEST_CASE("hours_between", "[date]") {
  auto h = [](std::string_view from, std::string_view to) {
    auto a = parse_date(from);
    auto b = parse_date(to);
    REQUIRE(a);
    REQUIRE(b);
    return hours_between(*a, *b);
  };

  SECTION("across zones") {
    CHECK(h("2026-11-20T16:00:00-05:00", "Fri, 21 Nov 2026 09:00:00 -0800") == Approx(20.0));
    CHECK(h("Fri, 21 Nov 2026 09:00:00 -0800", "2026-11-20T16:00:00-05:00") == Approx(-20.0));
    CHECK(h("2026-11-21T09:00:00Z", "2026-11-21T09:00:00+05:30") == Approx(-5.5));
    CHECK(h("2026-11-21T09:00:00-05:00", "2026-11-21T14:00:00Z") == Approx(0.0));
    CHECK(h("2026-11-21T09:00:00 ", "2026-11-21T09:30:00") == Approx(0.5));
    CHECK(h("2026-11-20T23:00:00-05:00", "2026-11-21T06:00:00+02:00") == Approx(0.0));
  }

  SECTION("one side without a zone is taken to be in the other's zone") {
    CHECK(h("2026-11-20T16:00:00-05:00", "2026-11-21T09:00:00") == Approx(17.0));
    CHECK(h("2026-11-20T16:00:00", "2026-11-21T09:00:00+09:00") == Approx(17.0));
    CHECK(h("2026-11-20T16:00:00", "2026-11-21T09:00:00") == Approx(17.0));
  }

  SECTION("a bare date compares calendar days") {
    CHECK(h("2026-11-20", "2026-11-23") == Approx(72.0));
    CHECK(h("2026-11-23", "2026-11-20") == Approx(-72.0));
    CHECK(h("2026-11-20", "2026-11-20") == Approx(0.0));
    CHECK(h("2026-11-20T23:59:00-05:00", "2026-11-21") == Approx(24.0));
    CHECK(h("2026-11-21", "2026-11-20T00:01:00+14:00") == Approx(-24.0));
    CHECK(h("2028-02-28", "2028-03-01") == Approx(48.0));
    CHECK(h("2026-02-28", "2026-03-01") == Approx(24.0));
    CHECK(h("2026-12-31", "2027-01-01") == Approx(24.0));
    CHECK(h("Fri, 20 Nov 2026", "Sat, 21 Nov 2026 01:00 +0000") == Approx(24.0));
  }
}

TEST_CASE("parsers survive truncated and random input", "[date]") {
  const std::string samples[] = {
      "Fri, 21 Nov 2026 09:00:00 -0500 (EST (nested) \\) x)",
      "2026-11-21T09:00:00.123456+05:30",
      "21 Nov 26 9:05 PDT",
  };
  for (const std::string& sample : samples) {
    for (size_t len = 0; len <= sample.size(); ++len) {
      // Only the full text needs to parse; no prefix may crash or read past its end.
      std::string prefix = sample.substr(0, len);
      auto d = parse_date(prefix);
      if (len == sample.size()) CHECK(d);
      if (d) CHECK_FALSE(format_date(*d).empty());
    }
  }
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return static_cast<char>((state >> 16) & 0xFF);
  };
  const std::string alphabet = "0123456789:-+TZ ,()\\.NovFriESTGMT\t\r\n\xC3\xA9";
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    auto length = static_cast<size_t>(static_cast<unsigned char>(next())) % 40;
    for (size_t i = 0; i < length; ++i) {
      unsigned char r = static_cast<unsigned char>(next());
      text.push_back(r < 200 ? alphabet[r % alphabet.size()] : static_cast<char>(r));
    }
    auto d = parse_date(text);
    if (d) {
      auto again = parse_date(format_date(*d));
      REQUIRE(again);
      CHECK(again->utc_seconds() == d->utc_seconds());
    }
  }
}

TEST_CASE("parse_date also reads dates as people write them in letters", "[date]") {
  using followup::core::parse_date;
  auto a = parse_date("April 1, 2024");
  REQUIRE(a);
  CHECK(followup::core::format_date(*a) == "2024-04-01");
  CHECK_FALSE(a->has_time);
  auto b = parse_date("Monday, 23 September 2024");
  REQUIRE(b);
  CHECK(followup::core::format_date(*b) == "2024-09-23");
  auto c = parse_date("Sept. 3rd 2024");
  REQUIRE(c);
  CHECK(followup::core::format_date(*c) == "2024-09-03");
  CHECK_FALSE(parse_date("April 31, 2024"));
  CHECK_FALSE(parse_date("April, 2024"));
  CHECK_FALSE(parse_date("next Tuesday"));
}

TEST_CASE("written dates with absurdly long numbers are rejected, not overflowed", "[date]") {
  // Found by fuzz_fix: twenty digits overflowed a 64-bit accumulator.
  CHECK_FALSE(parse_date("Tue, 1 Apr 2000000000000000000000000000000120810238940076077"));
  CHECK_FALSE(parse_date("April 99999999999999999999999, 2024"));
  CHECK_FALSE(parse_date("1 April 20245"));
  CHECK(parse_date("1 April 2024"));
}

TEST_CASE("format_date_readable: as people write dates in a sentence", "[core][date]") {
  using followup::core::format_date_readable;
  using followup::core::parse_date;
  auto sent = *parse_date("2026-11-24T08:30:00-05:00");
  CHECK(format_date_readable(*parse_date("2026-11-19T10:00:00-05:00"), sent) == "Nov 19, 10:00");
  CHECK(format_date_readable(*parse_date("2026-11-19"), sent) == "Nov 19");
  CHECK(format_date_readable(*parse_date("2025-12-30T16:05:00"), sent) == "Dec 30, 2025, 16:05");
  CHECK(format_date_readable(*parse_date("2026-01-02T09:07:00"), *parse_date("2025-12-30")) == "Jan 2, 2026, 09:07");
}
