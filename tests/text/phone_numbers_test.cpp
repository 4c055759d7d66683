// Phone numbers as people write them, found through libphonenumber; dates
// and other runs of digits are not numbers.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/phone_numbers.hpp"

namespace {
std::vector<std::string> numbers_in(const std::string& text, const std::string& region = "US") {
  std::vector<std::string> out;
  for (auto span : followup::text::find_phone_numbers(text, region)) out.push_back(text.substr(span.begin, span.size()));
  return out;
}
}  // namespace

TEST_CASE("phone numbers in the usual forms are found with their exact span", "[text][phone]") {
  CHECK(numbers_in("Call me at (555) 010-4477 any day.") == std::vector<std::string>{"(555) 010-4477"});
  CHECK(numbers_in("Reach me at 555.010.4477.") == std::vector<std::string>{"555.010.4477"});
  CHECK(numbers_in("Mobile: +44 20 7946 0958") == std::vector<std::string>{"+44 20 7946 0958"});
  CHECK(numbers_in("Tel. +49 30 1234567") == std::vector<std::string>{"+49 30 1234567"});
  CHECK(numbers_in("my number is 07700 900123") == std::vector<std::string>{"07700 900123"});
  CHECK(numbers_in("or 678 8990 at home") == std::vector<std::string>{"678 8990"});
  CHECK(numbers_in("UK mobile 07700 900123", "GB") == std::vector<std::string>{"07700 900123"});
}

TEST_CASE("dates, years and short figures are not phone numbers", "[text][phone]") {
  CHECK(numbers_in("We met on 2026-11-20 at noon.").empty());
  CHECK(numbers_in("We met on 11/20/2026 and again on 20.11.26.").empty());
  CHECK(numbers_in("Date: 12/1/2026").empty());
  CHECK(numbers_in("I grew sales 40% in 2025.").empty());
  CHECK(numbers_in("a budget of 120,000 dollars").empty());
}

TEST_CASE("a number read before is found again at its new place", "[text][phone]") {
  const std::string text = "Cell (555) 010-4477. Office (555) 010-4477 ext. 2. Cell (555) 010-4477";
  auto spans = followup::text::find_phone_numbers(text, "US");
  REQUIRE(spans.size() == 3);
  CHECK(spans[0].begin == 5);
  CHECK(spans[1].begin == 28);
  CHECK(spans[2].begin == text.size() - 14);
  for (auto s : spans) CHECK(text.substr(s.begin, 14) == "(555) 010-4477");
  // The same stretch read for another region is asked again, not remembered across regions.
  CHECK(followup::text::find_phone_numbers("call 07700 900123", "GB").size() == 1);
  CHECK(followup::text::find_phone_numbers("call 07700 900123", "US").size() == 1);
}
