#include "text/phone_numbers.hpp"

#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <array>
#include <string>
#include <unordered_map>

namespace followup::text {
namespace {

using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_phone_char(char c) {
  return is_digit(c) || c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '+';
}

// "2026-11-20", "11/20/2026", "20.11.26": three groups of digits with one
// separator, shaped like a date. Dates are common in notes and no phone
// number is written so; each would cost nine matcher runs, one per region.
bool looks_like_date(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == '-' || s.back() == '/')) s.remove_suffix(1);
  std::array<size_t, 3> group{};
  size_t groups = 0;
  char separator = 0;
  for (char c : s) {
    if (is_digit(c)) {
      if (groups == 0) groups = 1;
      ++group[groups - 1];
    } else if ((c == '-' || c == '/' || c == '.') && groups > 0 && groups < 3 && group[groups - 1] > 0 &&
               (separator == 0 || separator == c)) {
      separator = c;
      ++groups;
    } else {
      return false;
    }
  }
  if (groups != 3) return false;
  bool year_first = group[0] == 4 && group[1] <= 2 && group[2] <= 2;
  bool year_last = group[0] <= 2 && group[1] <= 2 && (group[2] == 2 || group[2] == 4);
  return year_first || year_last;
}

// Stretches of digits and phone punctuation holding 7 to 17 digits, not
// shaped like a date: the only places worth the matcher's time (about
// 100 µs per paragraph otherwise).
std::vector<core::Span> candidates(std::string_view text) {
  std::vector<core::Span> out;
  const auto n = static_cast<uint32_t>(text.size());
  for (uint32_t i = 0; i < n;) {
    if (!is_digit(text[i]) && text[i] != '+' && text[i] != '(') {
      ++i;
      continue;
    }
    uint32_t end = i;
    int digits = 0;
    while (end < n && is_phone_char(text[end])) digits += is_digit(text[end++]) ? 1 : 0;
    // "ext. 12" after a number belongs to it.
    if (digits >= 7 && digits <= 17 && !looks_like_date(text.substr(i, end - i))) out.push_back({i, end});
    i = end > i ? end : i + 1;
  }
  return out;
}

// The matches of one region in `piece`, offset by `base`.
bool match_region(const std::string& piece, uint32_t base, const std::string& region, std::vector<core::Span>& out) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumberMatcher matcher(util, piece, region, PhoneNumberMatcher::POSSIBLE, 64);
  bool found = false;
  while (matcher.HasNext()) {
    PhoneNumberMatch match;
    if (!matcher.Next(&match)) break;
    auto begin = base + static_cast<uint32_t>(match.start());
    out.push_back({begin, begin + static_cast<uint32_t>(match.length())});
    found = true;
  }
  return found;
}

// The numbers in one candidate stretch, relative to it.
std::vector<core::Span> numbers_in(const std::string& piece, const std::string& home) {
  static const std::array<const char*, 8> kOthers = {"GB", "DE", "FR", "IN", "AU", "ES", "IT", "NL"};
  std::vector<core::Span> found;
  if (match_region(piece, 0, home, found)) return found;
  for (const char* other : kOthers)
    if (home != other && match_region(piece, 0, other, found)) break;
  return found;
}

// The matcher costs about 0.1 ms a number, and the same number comes back
// again and again: in every note a person writes, and in every edit of one
// note in an editor. Each thread remembers the stretches it has read.
const std::vector<core::Span>& remembered_numbers_in(const std::string& piece, const std::string& home) {
  constexpr size_t kRemembered = 512;
  thread_local std::unordered_map<std::string, std::vector<core::Span>> memory;
  std::string key = home + '\0' + piece;
  if (auto it = memory.find(key); it != memory.end()) return it->second;
  if (memory.size() >= kRemembered) memory.clear();
  return memory.emplace(std::move(key), numbers_in(piece, home)).first->second;
}

}  // namespace

std::vector<core::Span> find_phone_numbers(std::string_view text, std::string_view region) {
  std::vector<core::Span> out;
  const std::string home(region.empty() ? "US" : region);
  for (core::Span c : candidates(text))
    for (core::Span number : remembered_numbers_in(std::string(text.substr(c.begin, c.size())), home))
      out.push_back({c.begin + number.begin, c.begin + number.end});
  return out;
}

}  // namespace followup::text
