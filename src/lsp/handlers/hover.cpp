// textDocument/hover: over a diagnostic, the rule's message, help and
// explain text as Markdown (several findings: the narrowest first, its range
// is the hover's); elsewhere (or in a document that is not open) null.
#include <fmt/format.h>

#include <algorithm>

#include "diag/rule_docs.hpp"

#include "lsp/handlers/handlers.hpp"
#include "lsp/server.hpp"

namespace followup::lsp::handlers {
namespace {

std::string hover_text(const diag::Diagnostic& d, const rules::Rule* rule) {
  std::string md =
      fmt::format("**{}** · {} · `{}`\n\n{}", "followup-lint", core::severity_name(d.severity),
                  d.rule_id, diag::escape_markdown(d.message));
  if (!d.help.empty()) md += fmt::format("\n\n*help:* {}", diag::escape_markdown(d.help));
  if (rule) md += diag::rule_docs_markdown(rules::rule_doc(*rule));
  md += fmt::format("\n\n[Rule documentation]({})", diag::rule_docs_url(d.rule_id));
  return md;
}

// The same, for a client that shows hover text as it is (no Markdown).
std::string hover_plain(const diag::Diagnostic& d, const rules::Rule* rule) {
  std::string text = fmt::format("followup-lint · {} · {}\n\n{}", core::severity_label(d.severity), d.rule_id, d.message);
  if (!d.help.empty()) text += fmt::format("\n\nhelp: {}", d.help);
  if (rule) text += "\n\n" + diag::rule_docs_text(rules::rule_doc(*rule));
  text += fmt::format("\nRule documentation: {}", diag::rule_docs_url(d.rule_id));
  return text;
}

}  // namespace

Reply hover(Server& server, const json& params) {
  const json& td = require_object(params, "textDocument");
  std::string uri = require_string(td, "uri");
  Position pos = position_from_json(require_object(params, "position"));
  Document* doc = server.document(uri);
  if (!doc) return Reply::ok(nullptr);
  server.ensure_linted(*doc);
  const core::Source& source = *doc->linted;
  PositionEncoding enc = server.session().encoding;
  uint32_t offset = to_offset(source, pos, enc);
  // Every diagnostic under the cursor, the narrowest (most specific) first.
  std::vector<const diag::Diagnostic*> hits;
  for (const auto& d : doc->diagnostics) {
    bool over = d.span.empty() ? offset == d.span.begin : d.span.contains(offset);
    if (over) hits.push_back(&d);
  }
  if (hits.empty()) return Reply::ok(nullptr);
  std::stable_sort(hits.begin(), hits.end(),
                   [](const diag::Diagnostic* a, const diag::Diagnostic* b) {
                     return a->span.size() < b->span.size();
                   });
  const bool plain = server.session().plain_hover;
  std::string value;
  for (const auto* d : hits) {
    const rules::Rule* rule = doc->settings ? doc->settings->rules->find(d->rule_id) : nullptr;
    if (!value.empty()) value += plain ? "\n\n" : "\n\n---\n\n";
    value += plain ? hover_plain(*d, rule) : hover_text(*d, rule);
  }
  const diag::Diagnostic* first = hits.front();
  return Reply::ok({{"contents", {{"kind", plain ? "plaintext" : "markdown"}, {"value", value}}},
                    {"range", to_json(to_range(source, first->span, enc))}});
}

}  // namespace followup::lsp::handlers
