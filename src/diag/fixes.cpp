#include "diag/fixes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>

namespace followup::diag {

namespace {

// Whether two edits touch the same bytes, or insert at the same point (where
// their order would be undefined).
bool clash(core::Span a, core::Span b) {
  bool overlap = a.begin < b.end && b.begin < a.end;
  bool same_point = a.begin == b.begin && (a.empty() || b.empty());
  return overlap || same_point;
}

// Whether `span` clashes with one of `taken` (spans by begin, none clashing
// with another). Their ends grow with their begins, so only the spans on
// either side of span.begin can clash: a pass over N fixes costs N log N.
bool clashes_with_taken(const std::map<uint32_t, const Edit*>& taken, core::Span span) {
  auto after = taken.lower_bound(span.begin);
  if (after != taken.end() && clash(span, after->second->span)) return true;
  return after != taken.begin() && clash(span, std::prev(after)->second->span);
}

}  // namespace

Applied apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool include_unsafe) {
  // Accept fixes in order while none of their edits clashes with an accepted
  // one, with another edit of the same fix, or falls outside the text.
  std::map<uint32_t, const Edit*> taken;
  Applied result;
  for (const auto& d : diagnostics) {
    if (d.fixes.empty()) continue;
    const Fix& fix = d.fixes.front();
    if (fix.applicability == Applicability::kUnsafe && !include_unsafe) continue;
    bool ok = true;
    for (size_t i = 0; ok && i < fix.edits.size(); ++i) {
      core::Span span = fix.edits[i].span;
      ok = span.begin <= span.end && span.end <= text.size() && !clashes_with_taken(taken, span);
      for (size_t j = 0; ok && j < i; ++j) ok = !clash(span, fix.edits[j].span);
    }
    if (!ok) continue;
    for (const auto& e : fix.edits) taken.emplace(e.span.begin, &e);
    ++result.fixes;
  }
  uint32_t cursor = 0;
  for (const auto& [begin, e] : taken) {
    result.text.append(text.substr(cursor, begin - cursor));
    result.text.append(e->replacement);
    cursor = e->span.end;
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
