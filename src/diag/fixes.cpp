#include "diag/fixes.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace followup::diag {

Applied apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool include_unsafe) {
  std::vector<const Fix*> chosen;
  for (const auto& d : diagnostics) {
    if (d.fixes.empty()) continue;
    const Fix& fix = d.fixes.front();
    if (fix.applicability == Applicability::kUnsafe && !include_unsafe) continue;
    chosen.push_back(&fix);
  }
  // Accept fixes in order while none of their edits overlaps an accepted one.
  std::vector<Edit> edits;
  Applied result;
  for (const Fix* fix : chosen) {
    bool clash = false;
    for (const auto& e : fix->edits) {
      if (e.span.end > text.size() || e.span.begin > e.span.end) clash = true;
      for (const auto& taken : edits) {
        bool overlap = e.span.begin < taken.span.end && taken.span.begin < e.span.end;
        bool same_point = e.span.begin == taken.span.begin && (e.span.empty() || taken.span.empty());
        clash = clash || overlap || same_point;
      }
    }
    if (clash) continue;
    edits.insert(edits.end(), fix->edits.begin(), fix->edits.end());
    ++result.fixes;
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
  uint32_t cursor = 0;
  for (const auto& e : edits) {
    result.text.append(text.substr(cursor, e.span.begin - cursor));
    result.text.append(e.replacement);
    cursor = e.span.end;
  }
  result.text.append(text.substr(cursor));
  return result;
}

namespace {
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    out.push_back(text.substr(start, end - start));
    start = end;
  }
  return out;
}
}  // namespace

std::string unified_diff(const std::string& path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  auto a = lines_of(before), b = lines_of(after);
  // Fixes change a few nearby lines: one hunk between the common prefix and suffix.
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  size_t context = 3;
  size_t start = prefix > context ? prefix - context : 0;
  size_t a_end = std::min(a.size(), a.size() - suffix + context);
  size_t b_end = std::min(b.size(), b.size() - suffix + context);
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n@@ -{},{} +{},{} @@\n", path, path, start + 1, a_end - start,
                                start + 1, b_end - start);
  auto emit = [&](char mark, std::string_view line) {
    out += mark;
    out += line;
    if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
  };
  for (size_t i = start; i < prefix; ++i) emit(' ', a[i]);
  for (size_t i = prefix; i < a.size() - suffix; ++i) emit('-', a[i]);
  for (size_t i = prefix; i < b.size() - suffix; ++i) emit('+', b[i]);
  for (size_t i = a.size() - suffix; i < a_end; ++i) emit(' ', a[i]);
  return out;
}

}  // namespace followup::diag
