#include "diag/rule_docs.hpp"

#include <cctype>

#include <fmt/format.h>

#include <algorithm>

namespace followup::diag {
namespace {

// An example draft, indented; several lines get a rule under them to keep examples apart.
std::string indent_example(const std::string& example) {
  std::string out = "    ";
  for (char c : example) {
    out += c;
    if (c == '\n') out += "    ";
  }
  out += "\n";
  if (example.find('\n') != std::string::npos) out += "    ----\n";
  return out;
}

// A fence longer than any run of backticks inside `text`.
std::string fence_for(std::string_view text) {
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<size_t>(3, longest + 1), '`');
}

std::string trim_newlines(std::string_view s) {
  while (!s.empty() && (s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string rule_docs_text(const RuleDoc& doc) {
  std::string text = fmt::format("{}  ({}, kinds: {}{})\n\n{}\n\n{}", doc.id, doc.severity, doc.kinds,
                                 doc.media.empty() ? "" : ", " + doc.media + " only", doc.summary, doc.explain);
  if (!text.empty() && text.back() != '\n') text += '\n';
  if (!doc.flag_examples.empty()) {
    text += "\nFlagged:\n";
    for (const auto& e : doc.flag_examples) text += indent_example(e);
  }
  if (!doc.pass_examples.empty()) {
    text += "\nFine:\n";
    for (const auto& e : doc.pass_examples) text += indent_example(e);
  }
  return text;
}

std::string rule_docs_markdown(const RuleDoc& doc) {
  std::string md;
  if (!doc.summary.empty()) md += fmt::format("\n\n---\n\n**{}**: {}", doc.id, escape_markdown(doc.summary));
  std::string explain = trim_newlines(doc.explain);
  if (!explain.empty()) {
    // No info string after the fence: a client that looks up a syntax for
    // it (Vim's ALE and "text") fails when there is none.
    std::string fence = fence_for(explain);
    md += fmt::format("\n\n{}\n{}\n{}", fence, explain, fence);
  }
  return md;
}

std::string rule_docs_url(std::string_view rule_id) {
  return fmt::format("https://github.com/followup-lint/followup-lint/blob/main/docs/rules.md#{}", rule_id);
}

std::string rule_display_name(std::string_view rule_id) {
  std::string name;
  bool upper = true;
  for (char c : rule_id) {
    if (c == '.' || c == '-' || c == '_') {
      upper = true;
      continue;
    }
    name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return name;
}

}  // namespace followup::diag
