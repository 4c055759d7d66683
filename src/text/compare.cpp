#include "text/compare.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

#include "core/utf8.hpp"

#include "text/unicode_buffer.hpp"

namespace followup::text {

using namespace detail;


std::string comparison_key(std::string_view text) {
  std::string key;
  if (is_ascii(text)) {
    key.assign(text);
    for (char& c : key) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
  }
  if (text.size() > kMaxInput) return key;
  icu::UnicodeString folded = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  folded.foldCase(U_FOLD_CASE_DEFAULT);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed;
  if (U_SUCCESS(status) && nfd != nullptr) {
    nfd->normalize(folded, decomposed, status);
  }
  // Without normalization data, the folded string is the best key we have.
  const icu::UnicodeString& source = U_SUCCESS(status) ? decomposed : folded;
  const char16_t* units = source.getBuffer();
  const int32_t length = source.length();
  if (units == nullptr) return key;
  key.reserve(text.size());
  for (int32_t i = 0; i < length;) {
    const UChar32 c = next_code_point(units, i, length);
    if (c < 0x80) {
      key.push_back(static_cast<char>(c));
    } else if (u_charType(c) != U_NON_SPACING_MARK) {
      core::append_utf8(key, static_cast<char32_t>(c));
    }
  }
  return key;
}

uint32_t edit_distance(std::string_view a, std::string_view b, uint32_t limit) {
  // Reused per thread: names are compared against each other in loops.
  thread_local std::vector<char32_t> x;
  thread_local std::vector<char32_t> y;
  thread_local std::vector<uint32_t> rows[3];
  auto decode = [](std::string_view text, std::vector<char32_t>& out) {
    out.clear();
    const auto size = static_cast<uint32_t>(std::min(text.size(), kMaxInput));
    for (uint32_t i = 0; i < size;) {
      const core::Decoded d = core::decode_utf8(text, i);
      out.push_back(d.code_point);
      i += d.length;
    }
  };
  decode(a, x);
  decode(b, y);
  const size_t n = x.size(), m = y.size();
  // No distance exceeds the longer length, so `far` cannot overflow.
  limit = static_cast<uint32_t>(std::min<size_t>(limit, std::max(n, m)));
  const uint32_t far = limit + 1;
  if ((n > m ? n - m : m - n) > limit) return far;

  // Row i lives in rows[i % 3] (the transposition looks two rows up). Only
  // the cells within `limit` of the diagonal are computed; each buffer last
  // held row i - 3, so the cells just outside the band are reset to `far`,
  // the only ones the next two rows read besides the band itself.
  for (auto& r : rows) r.assign(m + 1, far);
  for (size_t j = 0; j <= std::min<size_t>(m, limit); ++j) rows[0][j] = static_cast<uint32_t>(j);
  for (size_t i = 1; i <= n; ++i) {
    auto& row = rows[i % 3];
    const auto& up = rows[(i - 1) % 3];
    const auto& up2 = rows[(i + 1) % 3];  // row i - 2
    const size_t lo = i > limit ? i - limit : 0;
    const size_t hi = std::min(m, i + limit);
    if (lo == 0) {
      row[0] = static_cast<uint32_t>(i);
    } else {
      row[lo - 1] = far;
    }
    if (hi + 1 <= m) row[hi + 1] = far;
    uint32_t best = lo == 0 ? row[0] : far;
    for (size_t j = std::max<size_t>(lo, 1); j <= hi; ++j) {
      const uint32_t substitute = up[j - 1] + (x[i - 1] == y[j - 1] ? 0u : 1u);
      uint32_t v = std::min({up[j] + 1, row[j - 1] + 1, substitute});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) v = std::min(v, up2[j - 2] + 1);
      row[j] = std::min(v, far);
      best = std::min(best, row[j]);
    }
    if (best > limit) return far;  // every alignment is already too far
  }
  return rows[n % 3][m];
}


char32_t to_lower(char32_t code_point) {
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(code_point)));
}

std::string closest_word(std::string_view word, const std::vector<std::string>& candidates) {
  const uint32_t allowed = std::max<uint32_t>(1, static_cast<uint32_t>(word.size() / 3));
  const std::string* best = nullptr;
  uint32_t best_distance = allowed + 1;
  for (const auto& candidate : candidates) {
    uint32_t d = edit_distance(word, candidate, best_distance - 1);
    if (d < best_distance) {
      best_distance = d;
      best = &candidate;
    }
  }
  return best && best_distance > 0 ? *best : std::string();
}

}  // namespace followup::text
