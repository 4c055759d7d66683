#include "diag/fixes.hpp"

#include <dtl/dtl.hpp>
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

std::vector<Edit> edit_between(std::string_view before, std::string_view after) {
  if (before == after) return {};
  size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
    ++suffix;
  // Never split a UTF-8 sequence: back the common parts off to character starts.
  auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  while (prefix > 0 && prefix < before.size() && continuation(before[prefix])) --prefix;
  while (suffix > 0 && continuation(before[before.size() - suffix])) --suffix;
  core::Span span{static_cast<uint32_t>(prefix), static_cast<uint32_t>(before.size() - suffix)};
  return {Edit::replace(span, std::string(after.substr(prefix, after.size() - suffix - prefix)))};
}

namespace {

// The line of `text` starting at `at` (without its line break) and where the next one starts.
std::string_view line_at(std::string_view text, size_t at, size_t& next) {
  size_t nl = text.find('\n', at);
  next = nl == std::string_view::npos ? text.size() : nl + 1;
  std::string_view line = text.substr(at, (nl == std::string_view::npos ? text.size() : nl) - at);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

std::vector<Edit> disable_rule_edits(std::string_view text, std::string_view rule) {
  const std::string quoted = "\"" + std::string(rule) + "\"";
  size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;  // after a BOM
  size_t next = 0;
  std::string_view fence = line_at(text, start, next);
  const bool toml = fence == "+++", yaml = fence == "---";
  const std::string newline = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  if (toml || yaml) {
    const std::string key = toml ? "disable" : "disable:";
    for (size_t at = next; at < text.size(); at = next) {
      std::string_view line = line_at(text, at, next);
      if (line == fence) {  // the closing fence: no list yet
        std::string entry = toml ? "disable = [" + quoted + "]" : "disable: [" + quoted + "]";
        return {Edit::insert(static_cast<uint32_t>(at), entry + newline)};
      }
      if (line.rfind(key, 0) != 0) continue;
      if (line.find(quoted) != std::string_view::npos) return {};
      size_t open = line.find('[');
      if (open == std::string_view::npos) return {};  // not a list we can add to
      bool empty = line.find_first_not_of(" \t", open + 1) == line.find(']', open);
      return {Edit::insert(static_cast<uint32_t>(at + open + 1), empty ? quoted : quoted + ", ")};
    }
    return {};  // an unclosed front matter is left alone
  }
  return {Edit::insert(static_cast<uint32_t>(start), "+++" + newline + "disable = [" + quoted + "]" + newline +
                                                          "+++" + newline)};
}

std::string unified_diff(const std::string& path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  std::vector<std::string> a, b;
  for (auto line : lines_of(before)) a.emplace_back(line);
  for (auto line : lines_of(after)) b.emplace_back(line);
  // dtl finds the shortest edit script; each hunk keeps three lines of
  // context, so a fix on line 3 and one on line 40 give two small hunks.
  dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
  diff.onHuge();
  diff.compose();
  diff.composeUnifiedHunks();
  // A name with a line break or an escape sequence must not forge or color lines of the diff.
  std::string shown;
  for (char c : path) shown += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? '?' : c;
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", shown, shown);
  auto emit = [&](char mark, const std::string& line) {
    out += mark;
    out += line;
    if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
  };
  auto mark_of = [](dtl::edit_t type) { return type == dtl::SES_ADD ? '+' : type == dtl::SES_DELETE ? '-' : ' '; };
  for (const auto& hunk : diff.getUniHunks()) {
    out += fmt::format("@@ -{},{} +{},{} @@\n", hunk.a, hunk.b, hunk.c, hunk.d);
    for (const auto& e : hunk.common[0]) emit(' ', e.first);
    for (const auto& e : hunk.change) emit(mark_of(e.second.type), e.first);
    for (const auto& e : hunk.common[1]) emit(' ', e.first);
  }
  return out;
}

}  // namespace followup::diag
