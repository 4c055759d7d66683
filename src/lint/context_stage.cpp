#include "lint/context_stage.hpp"

#include <algorithm>
#include <sstream>

#include "config/toml_value.hpp"
#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/utf8.hpp"
#include "lint/infer_kind.hpp"
#include "lint/stage_report.hpp"
#include "text/language.hpp"

namespace followup::lint {
namespace {

using diag::Diagnostic;

uint32_t offset_of(const core::Source& source, const core::Origin& origin) {
  if (origin.line == 0) return 0;
  core::Span line = source.line_span(origin.line);
  uint32_t offset = line.begin;
  for (uint32_t col = 1; col < origin.column && offset < line.end; ++col)
    offset += core::decode_utf8(source.text(), offset).length;
  return offset;
}

// The rest of the line from `origin`: where a front matter problem is shown.
core::Span line_at(const core::Source& source, const core::Origin& origin) {
  core::Span line = source.line_span(std::max<uint32_t>(origin.line, 1));
  uint32_t begin = std::max(line.begin, offset_of(source, origin));
  return {begin, std::max(begin, line.end)};
}

// The front matter's `disable` key, taken out of `table`; what is not a
// rule ID (a number, a table) is reported, not ignored.
void take_disable(const core::Source& source, const rules::RuleSet& rules, core::Table& table,
                  std::vector<FrontMatterDisable>& disabled, std::vector<Diagnostic>& out) {
  auto it = table.find("disable");
  if (it == table.end()) return;
  auto add = [&](const core::Value& v) {
    if (v.is_string()) {
      disabled.push_back({v.str(), line_at(source, v.origin)});
      return;
    }
    report_stage_finding(rules, out, "front-matter.invalid", line_at(source, v.origin),
                         fmt::format("'disable' lists rule IDs as strings (e.g. disable = [\"style.shouting\"]), "
                                     "not {}",
                                     v.type_name()));
  };
  if (it->second.is_array()) {
    for (const auto& v : it->second.array()) add(v);
  } else {
    add(it->second);
  }
  table.erase(it);
}

void apply_front_matter(const core::Source& source, const core::Draft& draft, const rules::RuleSet& rules,
                        core::Context& context, std::vector<FrontMatterDisable>& disabled,
                        std::vector<Diagnostic>& out) {
  if (draft.front_matter_unclosed) {
    report_stage_finding(rules, out, "front-matter.invalid", *draft.front_matter_block,
                         "the front matter opened with '+++' is never closed");
  }
  if (!draft.front_matter) return;
  uint32_t first_line = source.line_of(draft.front_matter->begin);
  auto parsed = config::parse_toml(source.slice(*draft.front_matter), source.path(), first_line - 1);
  if (auto* error = std::get_if<config::LoadError>(&parsed)) {
    report_stage_finding(rules, out, "front-matter.invalid", line_at(source, error->origin), error->message);
    return;
  }
  core::Table table = std::get<core::Value>(parsed).table();
  take_disable(source, rules, table, disabled, out);
  table.erase("encoding");  // read by the input decoder (input/plain.cpp), not a context key
  std::vector<config::LoadError> errors;
  config::apply_context(context, table, "front matter", errors);
  for (const auto& e : errors)
    report_stage_finding(rules, out, "front-matter.invalid", line_at(source, e.origin), e.message);
}

// Subject and To make a draft an email; Date and Attachments feed the context.
void apply_headers(const core::Source& source, const core::Draft& draft, const rules::RuleSet& rules,
                   core::Context& context, std::vector<Diagnostic>& out) {
  bool email_header = false;
  for (const auto& h : draft.headers) {
    std::string_view value = source.slice(h.value);
    if ((h.name == "subject" || h.name == "to") && !h.in_letter_head) email_header = true;
    if (h.name == "date") {
      if (auto date = core::parse_date(value)) {
        context.sent_date = *date;
        context.origins["sent_date"] = "Date header";
      } else if (!value.empty()) {
        report_stage_finding(rules, out, "header.date-invalid", h.value, std::string(value));
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
}

// A note in another language: said once, and the English-only rules rest.
void read_language(const core::Draft& draft, const rules::RuleSet& rules, core::Context& context,
                   std::vector<Diagnostic>& out) {
  std::string_view code = text::guess_language(draft.source->text(), draft.words);
  if (code.empty() || code == "en") return;
  context.language = std::string(code);
  core::Span where = draft.salutation ? *draft.salutation : draft.body;
  report_stage_finding(rules, out, "input.language", where,
                       fmt::format("this note reads as {}; the rules for wording, salutations and closings are "
                                   "written for English notes and were not run",
                                   text::language_name(code)));
}

}  // namespace

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

void resolve_context(const core::Source& source, const core::Draft& draft, const LintSettings& settings,
                     const match::LintScans& scans, core::Context& context,
                     std::vector<FrontMatterDisable>& disabled, std::vector<Diagnostic>& out) {
  const rules::RuleSet& rules = *settings.rules;
  apply_front_matter(source, draft, rules, context, disabled, out);
  apply_headers(source, draft, rules, context, out);
  std::vector<config::LoadError> errors;
  config::apply_context(context, settings.command_line_context, "command line", errors);
  // A draft with no Date header is sent when it is checked: a late thank-you
  // shows while it can still be sent.
  if (!context.sent_date && context.interview_date) {
    if (auto when = core::now()) {
      context.sent_date = *when;
      context.origins["sent_date"] = "the time of this run (no Date header)";
    }
  }
  if (!context.kind) {
    context.kind = infer_kind(draft, rules.kind_signals(), &scans);
    context.origins["kind"] = "inferred";
  }
  read_language(draft, rules, context, out);
}

}  // namespace followup::lint
