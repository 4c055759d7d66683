#include "config/glob.hpp"

#include <optional>
#include <unordered_map>

namespace followup::config {

namespace {

constexpr size_t kMaxAlternatives = 256;

size_t utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// The end of the bracket expression that starts at `open` ('['), or npos.
size_t bracket_end(std::string_view p, size_t open) {
  size_t i = open + 1;
  if (i < p.size() && (p[i] == '!' || p[i] == '^')) ++i;
  if (i < p.size() && p[i] == ']') ++i;  // "[]a]": a leading ']' is a member
  for (; i < p.size(); ++i) {
    if (p[i] == '\\') ++i;
    else if (p[i] == ']') return i;
  }
  return std::string_view::npos;
}

bool in_bracket(std::string_view set, unsigned char c) {  // set: what lies between '[' and ']'
  bool negated = !set.empty() && (set[0] == '!' || set[0] == '^');
  if (negated) set.remove_prefix(1);
  bool found = false;
  for (size_t i = 0; i < set.size(); ++i) {
    unsigned char lo = static_cast<unsigned char>(set[i] == '\\' && i + 1 < set.size() ? set[++i] : set[i]);
    unsigned char hi = lo;
    if (i + 2 < set.size() && set[i + 1] == '-') {
      hi = static_cast<unsigned char>(set[i + 2] == '\\' && i + 3 < set.size() ? set[i + 3] : set[i + 2]);
      i += set[i + 2] == '\\' ? 3 : 2;
    }
    found = found || (c >= lo && c <= hi);
  }
  return found != negated;
}

// Matches one pattern item at p[pi] against the text at s[si]; returns the
// bytes of `s` it takes (0: no match) and moves `pi` past the item.
size_t match_item(std::string_view p, size_t& pi, std::string_view s, size_t si) {
  char c = p[pi];
  if (c == '?') {
    ++pi;
    return std::min(utf8_length(static_cast<unsigned char>(s[si])), s.size() - si);
  }
  if (c == '[') {
    size_t end = bracket_end(p, pi);
    if (end != std::string_view::npos) {
      bool ok = in_bracket(p.substr(pi + 1, end - pi - 1), static_cast<unsigned char>(s[si]));
      pi = end + 1;
      return ok ? 1 : 0;
    }
  }
  if (c == '\\' && pi + 1 < p.size()) c = p[++pi];
  ++pi;
  return c == s[si] ? 1 : 0;
}

// "{a,b}c" -> "ac", "bc"; nested braces expand from the inside out. A
// lone '{' or ',' outside braces is literal.
bool expand_braces(const std::string& text, std::vector<std::string>& out, std::string& error) {
  size_t open = std::string::npos, depth = 0;
  std::vector<size_t> commas;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '{') {
      if (depth++ == 0) open = i;
    } else if (text[i] == ',' && depth == 1) {
      commas.push_back(i);
    } else if (text[i] == '}' && depth > 0 && --depth == 0) {
      std::string head = text.substr(0, open), tail = text.substr(i + 1);
      commas.push_back(i);
      size_t from = open + 1;
      for (size_t comma : commas) {
        if (!expand_braces(head + text.substr(from, comma - from) + tail, out, error)) return false;
        from = comma + 1;
      }
      return true;
    }
  }
  if (depth > 0) {
    error = "an unclosed '{'";
    return false;
  }
  if (out.size() >= kMaxAlternatives) {
    error = "too many {,} alternatives (at most 256)";
    return false;
  }
  out.push_back(text);
  return true;
}

// Pattern segments against path segments; "**" takes any number of them.
// Filled from the end: reach[i][j] says whether pattern[i..] matches path[j..].
bool segments_match(const std::vector<std::string>& pattern, const std::vector<std::string_view>& path) {
  const size_t P = pattern.size(), S = path.size();
  std::vector<char> next(S + 1, 0), row(S + 1, 0);
  next[S] = 1;  // the empty pattern matches the empty rest
  for (size_t i = P; i-- > 0;) {
    bool any = pattern[i] == "**";
    row[S] = any ? next[S] : 0;
    for (size_t j = S; j-- > 0;)
      row[j] = any ? (next[j] || row[j + 1]) : (next[j + 1] && segment_match(pattern[i], path[j]));
    std::swap(row, next);
  }
  return next[0];
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string_view part = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!part.empty() && part != ".") out.push_back(part);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

}  // namespace

bool segment_match(std::string_view p, std::string_view s) {
  // Two pointers with one remembered star: each star retries from one more
  // character, never nesting, so the cost stays O(|p| x |s|).
  size_t pi = 0, si = 0, star_p = std::string_view::npos, star_s = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star_p = ++pi;
      star_s = si;
      continue;
    }
    if (pi < p.size()) {
      size_t item = pi;
      if (size_t took = match_item(p, item, s, si)) {
        pi = item;
        si += took;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    pi = star_p;
    star_s += utf8_length(static_cast<unsigned char>(s[star_s]));
    si = star_s;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

bool has_glob_chars(std::string_view text) { return text.find_first_of("*?[{") != std::string_view::npos; }

std::variant<Glob, std::string> Glob::compile(std::string_view pattern) {
  Glob glob;
  glob.text_ = std::string(pattern);
  std::string body(pattern);
  while (body.size() > 1 && body.back() == '/') {
    body.pop_back();
    glob.folder_only_ = true;
  }
  if (body.empty() || body == "/") return std::string("an empty pattern");
  std::vector<std::string> expanded;
  std::string error;
  if (!expand_braces(body, expanded, error)) return error;
  for (auto& alternative : expanded) {
    for (size_t i = 0; i < alternative.size(); ++i) {
      if (alternative[i] == '\\') ++i;
      else if (alternative[i] == '[' && bracket_end(alternative, i) == std::string::npos)
        return std::string("an unclosed '['");
    }
    // "name" alone matches at any depth; a '/' anywhere ties it to the base folder.
    bool anchored = alternative.find('/') != std::string::npos;
    Segments segments;
    if (!anchored) segments.push_back("**");
    for (auto part : split_path(alternative))
      if (!(part == "**" && !segments.empty() && segments.back() == "**")) segments.emplace_back(part);
    if (segments.empty()) return std::string("an empty pattern");
    glob.alternatives_.push_back(std::move(segments));
  }
  return glob;
}

bool Glob::matches_entry(std::string_view path, bool folder) const {
  if (folder_only_ && !folder) return false;
  auto parts = split_path(path);
  for (const auto& alternative : alternatives_)
    if (segments_match(alternative, parts)) return true;
  return false;
}

bool Glob::matches(std::string_view path) const {
  if (matches_entry(path, false)) return true;
  for (size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1))
    if (slash > 0 && matches_entry(path.substr(0, slash), true)) return true;
  return false;
}

namespace {
const Glob* cached(std::string_view pattern) {
  thread_local std::unordered_map<std::string, std::optional<Glob>> cache;
  auto it = cache.find(std::string(pattern));
  if (it == cache.end()) {
    if (cache.size() > 4096) cache.clear();
    auto compiled = Glob::compile(pattern);
    std::optional<Glob> glob;
    if (auto* g = std::get_if<Glob>(&compiled)) glob = std::move(*g);
    it = cache.emplace(std::string(pattern), std::move(glob)).first;
  }
  return it->second ? &*it->second : nullptr;
}
}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  const Glob* glob = cached(pattern);
  return glob && glob->matches(path);
}

bool glob_match_entry(std::string_view pattern, std::string_view path, bool folder) {
  const Glob* glob = cached(pattern);
  return glob && glob->matches_entry(path, folder);
}

}  // namespace followup::config
