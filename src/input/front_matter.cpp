#include "input/front_matter.hpp"

#include <cctype>
#include <string>
#include <vector>

namespace followup::input {
namespace {

struct Line {
  uint32_t begin = 0, end = 0, next = 0;  // content [begin, end), next line at `next`
};

Line line_at(std::string_view file, uint32_t at) {
  size_t nl = file.find('\n', at);
  uint32_t next = nl == std::string_view::npos ? to_u32(file.size()) : to_u32(nl + 1);
  uint32_t end = nl == std::string_view::npos ? next : to_u32(nl);
  if (end > at && file[end - 1] == '\r') --end;
  return {at, end, next};
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\t') {
      out += "\\t";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

bool is_number(std::string_view v) {
  size_t i = (v.starts_with('-') || v.starts_with('+')) ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < v.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(v[i])))
      digits = true;
    else if (v[i] == '.' && !dot)
      dot = true;
    else
      return false;
  }
  return digits;
}

// 2026-11-21, 2026-11-21T09:00:00-05:00, 2026-11-21 09:00: TOML reads them as they are.
bool is_date(std::string_view v) {
  if (v.size() < 10 || v[4] != '-' || v[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  for (char c : v.substr(10))
    if (!std::isdigit(static_cast<unsigned char>(c)) &&
        std::string_view("T :.+-Z").find(c) == std::string_view::npos)
      return false;
  return true;
}

std::string scalar(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"')
    return std::string(v);  // same escapes as TOML
  if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') {
    std::string s;
    for (size_t i = 1; i + 1 < v.size(); ++i) {
      s += v[i];
      if (v[i] == '\'' && v[i + 1] == '\'') ++i;  // '' is a quote in YAML
    }
    return toml_string(s);
  }
  if (size_t hash = v.find(" #"); hash != std::string_view::npos) v = trim(v.substr(0, hash));
  if (v == "true" || v == "false" || is_number(v) || is_date(v)) return std::string(v);
  if (v == "True" || v == "TRUE") return "true";
  if (v == "False" || v == "FALSE") return "false";
  return toml_string(v);
}

std::string flow_list(std::string_view v) {
  v = trim(v.substr(1, v.size() - 2));
  std::string out = "[";
  while (!v.empty()) {
    size_t comma = v.find(',');
    if (!out.ends_with('[')) out += ", ";
    out += scalar(v.substr(0, comma));
    v = comma == std::string_view::npos ? std::string_view() : trim(v.substr(comma + 1));
  }
  return out + "]";
}

std::string key_of(std::string_view k) {
  bool bare = !k.empty();
  for (char c : k)
    bare = bare && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-');
  return bare ? std::string(k) : toml_string(k);
}

}  // namespace

namespace {

// Following lines that belong to the entry at `l`: "- item" lines (a block
// list) and indented lines (a nested map or block scalar, which are not flat).
uint32_t entry_children(std::string_view file, uint32_t at, uint32_t close,
                        std::vector<std::string>& items, bool& nested) {
  while (at < close) {
    Line n = line_at(file, at);
    std::string_view s = file.substr(n.begin, n.end - n.begin);
    if (s.empty() || (s[0] != ' ' && s[0] != '\t' && s[0] != '-')) break;
    std::string_view t = trim(s);
    if (t == "-" || t.starts_with("- ")) {
      items.push_back(scalar(t.substr(1)));
    } else if (!t.empty()) {
      nested = true;
    }
    at = n.next;
  }
  return at;
}

// The TOML line of the YAML entry at `l` ("" when it has no flat value);
// `next` moves past the lines the entry used.
std::string yaml_entry(std::string_view file, Line l, uint32_t close, uint32_t& next) {
  std::string_view t = file.substr(l.begin, l.end - l.begin);
  std::vector<std::string> items;
  bool nested = false;
  next = entry_children(file, l.next, close, items, nested);
  size_t colon = t.find(':');
  if (colon == std::string_view::npos || (colon + 1 < t.size() && t[colon + 1] != ' ')) return {};
  std::string_view key = trim(t.substr(0, colon));
  if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
    key = key.substr(1, key.size() - 2);
  std::string_view value = trim(t.substr(colon + 1));
  std::string toml = key_of(key) + " = ";
  if (value.empty()) {
    if (items.empty() || nested) return {};
    toml += '[';
    for (size_t i = 0; i < items.size(); ++i) toml += (i ? ", " : "") + items[i];
    return toml + ']';
  }
  if (nested || value.starts_with('{') || value.starts_with('|') || value.starts_with('>') ||
      value.starts_with('&') || value.starts_with('*'))
    return {};
  if (value.starts_with('[') && value.ends_with(']')) return toml + flow_list(value);
  return toml + scalar(value);
}

void append_yaml(TextBuilder& out, std::string_view file, Line open, Line close) {
  out.mapped("+++\n", {open.begin, open.next});
  for (uint32_t at = open.next; at < close.begin;) {
    Line l = line_at(file, at);
    std::string_view t = trim(file.substr(l.begin, l.end - l.begin));
    if (t.empty() || file[l.begin] == ' ' || file[l.begin] == '\t') {
      at = l.next;
    } else if (t.front() == '#') {
      out.verbatim(file.substr(l.begin, l.next - l.begin),
                   l.begin);  // a comment reads the same in TOML
      at = l.next;
    } else {
      uint32_t next = l.next;
      std::string toml = yaml_entry(file, l, close.begin, next);
      if (!toml.empty()) out.mapped(toml + "\n", {l.begin, next});
      at = next;
    }
  }
  out.mapped("+++\n", {close.begin, close.next});
}

}  // namespace

uint32_t append_front_matter(TextBuilder& out, std::string_view file, uint32_t begin) {
  if (begin >= file.size()) return begin;
  Line open = line_at(file, begin);
  std::string_view fence = trim(file.substr(open.begin, open.end - open.begin));
  if (fence != "+++" && fence != "---") return begin;
  for (uint32_t at = open.next; at < file.size();) {
    Line l = line_at(file, at);
    std::string_view t = trim(file.substr(l.begin, l.end - l.begin));
    if (t == fence || (fence == "---" && t == "...")) {
      if (fence == "+++") {
        out.verbatim(file.substr(begin, l.next - begin), begin);
      } else {
        append_yaml(out, file, open, l);
      }
      return l.next;
    }
    at = l.next;
  }
  return begin;  // unterminated: not front matter, the body parser reads it as text
}

}  // namespace followup::input
