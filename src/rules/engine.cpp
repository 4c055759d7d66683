#include "rules/engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <unordered_map>

#include "config/toml_value.hpp"
#include "core/utf8.hpp"
#include "parse/draft_parser.hpp"
#include "rules/infer_kind.hpp"

namespace followup::rules {
namespace {

using diag::Diagnostic;

// Emits a finding of an engine rule (input.*, front-matter.*, suppression.*)
// with the severity the rule set gives it; nothing when the rule is off.
void emit(const RuleSet& rules, std::vector<Diagnostic>& out, const std::string& id, core::Span span,
          const std::string& detail) {
  const Rule* rule = rules.find(id);
  if (!rule || !rule->severity) return;
  Emitter emitter(id, *rule->severity, out);
  std::string message = rule->checks.empty() ? detail : rule->checks.front()->common().message.format({{"detail", detail}});
  std::string help = rule->checks.empty() ? std::string() : rule->checks.front()->common().help;
  emitter.report(span, message, help);
}

uint32_t offset_of(const core::Source& source, const core::Origin& origin) {
  if (origin.line == 0) return 0;
  core::Span line = source.line_span(origin.line);
  uint32_t offset = line.begin;
  for (uint32_t col = 1; col < origin.column && offset < line.end; ++col)
    offset += core::decode_utf8(source.text(), offset).length;
  return offset;
}

core::Span line_at(const core::Source& source, const core::Origin& origin) {
  core::Span line = source.line_span(std::max<uint32_t>(origin.line, 1));
  uint32_t begin = std::max(line.begin, offset_of(source, origin));
  return {begin, std::max(begin, line.end)};
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::string item;
  std::stringstream in{std::string(text)};
  while (std::getline(in, item, ',')) {
    auto b = item.find_first_not_of(" \t");
    auto e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
  }
  return out;
}

struct Pragma {
  std::string rule;
  core::Span span;      // where the rule name is written
  uint32_t from = 0;    // suppresses diagnostics starting at or after this offset
  uint32_t to = 0;      // ... and before this one
  bool used = false;
};

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
    std::string_view inside = text.substr(pos, end - pos);
    size_t lead = inside.find_first_not_of(" \t");
    if (lead == std::string_view::npos) continue;
    inside.remove_prefix(lead);
    bool next_line = false;
    if (inside.rfind("disable-next-line", 0) == 0) {
      next_line = true;
      inside.remove_prefix(17);
    } else if (inside.rfind("disable", 0) == 0) {
      inside.remove_prefix(7);
    } else {
      continue;
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
  return out;
}

void resolve_context(const core::Source& source, const core::Draft& draft, const LintSettings& settings,
                     const PatternContext& patterns, core::Context& context, std::vector<std::string>& disabled,
                     std::vector<std::pair<std::string, core::Span>>& disabled_where, std::vector<Diagnostic>& out) {
  const RuleSet& rules = *settings.rules;
  if (draft.front_matter_unclosed) {
    emit(rules, out, "front-matter.invalid", *draft.front_matter_block, "the front matter opened with '+++' is never closed");
  }
  if (draft.front_matter) {
    uint32_t first_line = source.line_of(draft.front_matter->begin);
    auto parsed = config::parse_toml(source.slice(*draft.front_matter), source.path(), first_line - 1);
    if (auto* error = std::get_if<config::LoadError>(&parsed)) {
      emit(rules, out, "front-matter.invalid", line_at(source, error->origin), error->message);
    } else {
      core::Table table = std::get<core::Value>(parsed).table();
      if (auto it = table.find("disable"); it != table.end()) {
        auto add = [&](const core::Value& v) {
          if (v.is_string()) {
            disabled.push_back(v.str());
            disabled_where.emplace_back(v.str(), line_at(source, v.origin));
          }
        };
        if (it->second.is_array()) {
          for (const auto& v : it->second.array()) add(v);
        } else {
          add(it->second);
        }
        table.erase(it);
      }
      std::vector<config::LoadError> errors;
      config::apply_context(context, table, "front matter", errors);
      for (const auto& e : errors) emit(rules, out, "front-matter.invalid", line_at(source, e.origin), e.message);
    }
  }
  bool email_header = false;
  for (const auto& h : draft.headers) {
    std::string_view value = source.slice(h.value);
    if (h.name == "subject" || h.name == "to") email_header = true;
    if (h.name == "date") {
      if (auto date = core::parse_date(value)) {
        context.sent_date = *date;
        context.origins["sent_date"] = "Date header";
      } else if (!value.empty()) {
        emit(rules, out, "header.date-invalid", h.value, std::string(value));
      }
    } else if (h.name == "attachments" || h.name == "attachment") {
      context.attachments = split_list(value);
      context.origins["attachments"] = "Attachments header";
    }
  }
  if (!context.medium) {
    context.medium = email_header ? "email" : "letter";
    context.origins["medium"] = "default";
  }
  std::vector<config::LoadError> errors;
  config::apply_context(context, settings.flag_context, "command line", errors);
  if (!context.kind) {
    context.kind = infer_kind(draft, settings.rules->kind_signals(), &patterns);
    context.origins["kind"] = "inferred";
  }
}

bool conditions_hold(const CheckCommon& common, const core::Context& context) {
  for (const auto& [key, want] : common.when) {
    auto have = context.get(key);
    if (!have || *have != want) return false;
  }
  return true;
}

}  // namespace

namespace {

// The scans of one draft that pattern lists consult (PatternContext).
struct DraftScans {
  DraftScans(const RuleSet& rules, const core::Draft& draft) : atoms(draft.source->text()), parts(&rules.parts(), draft) {
    context.atoms = &atoms;
    context.parts = &parts;
  }
  DraftScans(const DraftScans&) = delete;
  DraftScans& operator=(const DraftScans&) = delete;
  const AtomScan atoms;
  const DraftScan parts;
  PatternContext context;
};

}  // namespace

std::vector<Diagnostic> run_rules(const core::Draft& draft, const core::Context& context, const RuleSet& rules) {
  const DraftScans scans(rules, draft);
  return run_rules(draft, context, rules, scans.context);
}

std::vector<Diagnostic> run_rules(const core::Draft& draft, const core::Context& context, const RuleSet& rules,
                                  const PatternContext& patterns) {
  std::vector<Diagnostic> out;
  thread_local SectionCache sections;  // its buffers serve one lint after another
  sections.reset(draft, rules.section_keys());
  LintInput input{draft, context, &patterns, &sections};
  for (const auto& rule : rules.rules()) {
    if (!rule->applies_to(context)) continue;
    Emitter emitter(rule->id, *rule->severity, out);
    for (const auto& check : rule->checks) {
      if (conditions_hold(check->common(), context)) check->run(input, emitter);
    }
    emitter.finish();
  }
  return out;
}

LintResult lint(const core::Source& source, const LintSettings& settings) {
  LintResult result;
  result.context = settings.context;
  const RuleSet& rules = *settings.rules;
  std::string_view text = source.text();

  // Bytes that are not a UTF-8 text draft stop the lint of this file only.
  size_t nul = text.find('\0');
  // The Source checked the UTF-8 as it indexed the lines: look for the bad
  // byte only when there is one.
  auto invalid = source.valid_utf8() ? std::nullopt : core::find_invalid_utf8(text);
  if (nul != std::string_view::npos && (!invalid || nul < *invalid)) {
    auto at = static_cast<uint32_t>(nul);
    emit(rules, result.diagnostics, "input.encoding", {at, at + 1},
         fmt::format("NUL byte at byte offset {}: this looks like a binary file, not a text draft", nul));
    return result;
  }
  if (invalid) {
    emit(rules, result.diagnostics, "input.encoding", {*invalid, *invalid + 1},
         fmt::format("invalid UTF-8 at byte offset {} (byte 0x{:02X})", *invalid,
                     static_cast<unsigned char>(text[*invalid])));
    return result;
  }
  if (text.find_first_not_of(" \t\r\n\xEF\xBB\xBF") == std::string_view::npos) {
    emit(rules, result.diagnostics, "input.empty", {0, 0}, "the file is empty");
    return result;
  }

  core::Draft draft = parse::parse_draft(source);
  std::vector<Diagnostic> engine;
  std::vector<std::string> disabled;
  std::vector<std::pair<std::string, core::Span>> disabled_where;
  const DraftScans scans(rules, draft);  // shared by kind inference and the rules
  resolve_context(source, draft, settings, scans.context, result.context, disabled, disabled_where, engine);

  std::vector<Diagnostic> found = run_rules(draft, result.context, rules, scans.context);

  // Suppressions: front matter `disable`, comment pragmas, config [[suppress]].
  std::vector<Pragma> pragmas = find_pragmas(source);
  // A file may hold thousands of pragmas: each finding looks only at its rule's.
  std::unordered_map<std::string_view, std::vector<Pragma*>> pragmas_by_rule;
  for (auto& p : pragmas) pragmas_by_rule[p.rule].push_back(&p);
  std::set<std::string> disabled_used;
  std::vector<bool> config_used(settings.suppressions.size(), false);
  std::vector<Diagnostic> kept;
  for (auto& d : found) {
    bool suppressed = false;
    if (std::find(disabled.begin(), disabled.end(), d.rule_id) != disabled.end()) {
      disabled_used.insert(d.rule_id);
      suppressed = true;
    }
    if (auto it = pragmas_by_rule.find(d.rule_id); it != pragmas_by_rule.end()) {
      for (Pragma* p : it->second)
        if (d.span.begin >= p->from && d.span.begin < p->to) p->used = suppressed = true;
    }
    for (size_t i = 0; i < settings.suppressions.size(); ++i) {
      const auto* s = settings.suppressions[i];
      if (s->rule != d.rule_id) continue;
      if (!s->match.empty() && source.slice(d.span).find(s->match) == std::string_view::npos) {
        // The match text may also sit on the diagnostic's line.
        core::Span line = source.line_span(source.line_of(d.span.begin));
        if (source.slice(line).find(s->match) == std::string_view::npos) continue;
      }
      config_used[i] = suppressed = true;
    }
    if (!suppressed) kept.push_back(std::move(d));
  }
  for (size_t i = 0; i < config_used.size(); ++i)
    if (config_used[i]) result.used_suppressions.push_back(settings.suppressions[i]);
  for (const auto& [rule, span] : disabled_where) {
    if (!rules.find(rule)) {
      emit(rules, engine, "suppression.unknown-rule", span, rule);
    } else if (!disabled_used.count(rule)) {
      emit(rules, engine, "suppression.unused", span, rule);
    }
  }
  for (const auto& p : pragmas) {
    if (!rules.find(p.rule)) {
      emit(rules, engine, "suppression.unknown-rule", p.span, p.rule);
    } else if (!p.used) {
      emit(rules, engine, "suppression.unused", p.span, p.rule);
    }
  }
  kept.insert(kept.end(), std::make_move_iterator(engine.begin()), std::make_move_iterator(engine.end()));
  std::stable_sort(kept.begin(), kept.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.rule_id < b.rule_id;
  });
  result.diagnostics = std::move(kept);
  return result;
}

}  // namespace followup::rules
