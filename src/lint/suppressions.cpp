#include "lint/suppressions.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "lint/stage_report.hpp"

namespace followup::lint {
namespace {

using diag::Diagnostic;

struct Pragma {
  std::string rule;
  core::Span span;    // where the rule name is written
  uint32_t from = 0;  // suppresses diagnostics starting at or after this offset
  uint32_t to = 0;    // ... and before this one
  bool used = false;
};

// Reads "disable RULE, RULE" or "disable-next-line RULE" from `inside`.
void read_pragma(const core::Source& source, std::string_view inside, size_t close, std::vector<Pragma>& out) {
  std::string_view text = source.text();
  size_t lead = inside.find_first_not_of(" \t");
  if (lead == std::string_view::npos) return;
  inside.remove_prefix(lead);
  bool next_line = false;
  if (inside.rfind("disable-next-line", 0) == 0) {
    next_line = true;
    inside.remove_prefix(17);
  } else if (inside.rfind("disable", 0) == 0) {
    inside.remove_prefix(7);
  } else {
    return;
  }
  auto start = static_cast<uint32_t>(inside.data() - text.data());
  uint32_t line = source.line_of(static_cast<uint32_t>(close));
  uint32_t from = static_cast<uint32_t>(close + 3);
  uint32_t to = source.size();
  if (next_line) {
    from = source.line_span(line + 1).begin;
    to = source.line_span(line + 1).end + 1;
  }
  size_t cursor = 0;
  for (const auto& name : split_list(inside)) {
    size_t at = inside.find(name, cursor);
    cursor = at + name.size();
    out.push_back({name, {start + static_cast<uint32_t>(at), start + static_cast<uint32_t>(cursor)}, from, to});
  }
}

// "<!-- followup-lint: disable RULE, RULE -->" (rest of the file) and
// "<!-- followup-lint: disable-next-line RULE -->".
std::vector<Pragma> find_pragmas(const core::Source& source) {
  std::vector<Pragma> out;
  std::string_view text = source.text();
  size_t pos = 0;
  // The last "<!--" and line start before `pos`, and the first "-->" after it,
  // are found by moving forward only: a text full of "followup-lint:" is read once.
  size_t open = std::string_view::npos, line_start = 0, scanned = 0;
  size_t close = text.find("-->");
  while ((pos = text.find("followup-lint:", pos)) != std::string_view::npos) {
    for (; scanned < pos; ++scanned) {
      if (text[scanned] == '\r' || text[scanned] == '\n') line_start = scanned + 1;
      if (text.compare(scanned, 4, "<!--") == 0) open = scanned;
    }
    if (close < pos) close = text.find("-->", pos);
    pos += 14;
    if (open == std::string_view::npos || open < line_start || close == std::string_view::npos) continue;
    // A second "followup-lint:" in the same comment starts a pragma of its own.
    size_t end = std::min(close, text.find("followup-lint:", pos));
    read_pragma(source, text.substr(pos, end - pos), close, out);
  }
  return out;
}

// Whether a config [[suppress]] entry covers `d`: same rule, and its match
// text (if any) in the finding's text or on its line.
bool config_entry_covers(const core::Source& source, const config::Suppression& s, const Diagnostic& d) {
  if (s.rule != d.rule_id) return false;
  if (s.match.empty() || source.slice(d.span).find(s.match) != std::string_view::npos) return true;
  core::Span line = source.line_span(source.line_of(d.span.begin));
  return source.slice(line).find(s.match) != std::string_view::npos;
}

void report_stale(const rules::RuleSet& rules, const std::string& rule, core::Span where, bool used,
                  std::vector<Diagnostic>& out) {
  if (!rules.find(rule)) {
    report_stage_finding(rules, out, "suppression.unknown-rule", where, rule);
  } else if (!used) {
    report_stage_finding(rules, out, "suppression.unused", where, rule);
  }
}

}  // namespace

std::vector<const config::Suppression*> apply_suppressions(const SuppressionInput& input,
                                                            std::vector<Diagnostic>& found,
                                                            std::vector<Diagnostic>& stage_findings) {
  std::vector<Pragma> pragmas = find_pragmas(input.source);
  // A file may hold thousands of pragmas: each finding looks only at its rule's.
  std::unordered_map<std::string_view, std::vector<Pragma*>> pragmas_by_rule;
  for (auto& p : pragmas) pragmas_by_rule[p.rule].push_back(&p);
  std::set<std::string> disabled_used;
  std::vector<bool> config_used(input.config.size(), false);
  std::vector<Diagnostic> kept;
  for (auto& d : found) {
    bool suppressed = false;
    for (const auto& f : input.front_matter) {
      if (f.rule != d.rule_id) continue;
      disabled_used.insert(d.rule_id);
      suppressed = true;
    }
    if (auto it = pragmas_by_rule.find(d.rule_id); it != pragmas_by_rule.end()) {
      for (Pragma* p : it->second)
        if (d.span.begin >= p->from && d.span.begin < p->to) p->used = suppressed = true;
    }
    for (size_t i = 0; i < input.config.size(); ++i)
      if (config_entry_covers(input.source, *input.config[i], d)) config_used[i] = suppressed = true;
    if (!suppressed) kept.push_back(std::move(d));
  }
  found = std::move(kept);
  for (const auto& f : input.front_matter)
    report_stale(input.rules, f.rule, f.where, disabled_used.count(f.rule) != 0, stage_findings);
  for (const auto& p : pragmas) report_stale(input.rules, p.rule, p.span, p.used, stage_findings);
  std::vector<const config::Suppression*> used;
  for (size_t i = 0; i < config_used.size(); ++i)
    if (config_used[i]) used.push_back(input.config[i]);
  return used;
}

}  // namespace followup::lint
