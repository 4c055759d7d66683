// textDocument/codeAction, for the diagnostics that touch the requested range:
// - quickfix: each fix of each diagnostic, as a WorkspaceEdit with the
//   diagnostic attached;
// - quickfix: "Disable RULE in this file", which adds the rule to the front
//   matter's `disable` list (not offered in mail and HTML files, where front
//   matter would become part of the message);
// - source.fixAll.followup-lint: every safe fix in the document at once, as
//   ruff offers (editors run it on save when asked to).
// A document that is not open has no actions ([]).
#include <fmt/format.h>

#include <set>

#include "diag/fixes.hpp"
#include "lsp/handlers/handlers.hpp"
#include "lsp/server.hpp"

namespace followup::lsp::handlers {
namespace {

constexpr const char* kFixAll = "source.fixAll.followup-lint";

// Whether `context.only` admits `kind` (it or a parent kind is listed; no list admits all).
bool wants(const json& params, std::string_view kind) {
  const json* context = find(params, "context");
  const json* only = context ? find(*context, "only") : nullptr;
  if (!only || only->is_null()) return true;
  if (!only->is_array()) throw ParamError("'context.only' must be an array");
  for (const auto& k : *only) {
    if (!k.is_string()) continue;
    const auto& listed = k.get_ref<const std::string&>();
    if (listed.empty() || kind == listed || kind.rfind(listed + ".", 0) == 0) return true;
  }
  return false;
}

bool takes_front_matter(std::string_view uri) {
  for (std::string_view ext : {".eml", ".html", ".htm"})
    if (uri.size() >= ext.size() && uri.substr(uri.size() - ext.size()) == ext) return false;
  return true;
}

void add_quickfixes(json& actions, PositionMapper& mapper, const diag::Diagnostic& d, const json& diagnostic,
                    const std::string& uri) {
  bool preferred_given = false;
  for (const auto& fix : d.fixes) {
    bool safe = fix.applicability == diag::Applicability::kSafe;
    json action = {{"title", safe ? fix.title : fix.title + " (unsafe: check it reads right)"},
                   {"kind", "quickfix"},
                   {"diagnostics", json::array({diagnostic})},
                   {"edit", to_workspace_edit(mapper, fix, uri)}};
    if (safe && !preferred_given) {
      action["isPreferred"] = true;
      preferred_given = true;
    }
    actions.push_back(std::move(action));
  }
}

json fix_all(const Document& doc, PositionMapper& mapper, const std::string& uri) {
  const std::string_view text = doc.linted->text();
  auto applied = diag::apply_fixes(text, doc.diagnostics, false);
  if (applied.fixes == 0) return nullptr;
  diag::Fix all{"Fix all safe followup-lint findings", diag::edit_between(text, applied.text), {}};
  return {{"title", all.title}, {"kind", kFixAll}, {"edit", to_workspace_edit(mapper, all, uri)}};
}

}  // namespace

Reply code_action(Server& server, const json& params) {
  const json& td = require_object(params, "textDocument");
  std::string uri = require_string(td, "uri");
  Range range = range_from_json(require_object(params, "range"));
  const bool quickfix = wants(params, "quickfix"), all = wants(params, kFixAll);
  Document* doc = server.document(uri);
  json actions = json::array();
  if (!doc || !(quickfix || all)) return Reply::ok(std::move(actions));
  server.ensure_linted(*doc);
  const core::Source& source = *doc->linted;
  PositionEncoding enc = server.session().encoding;
  core::Span wanted = to_span(source, range, enc);
  PositionMapper mapper(source, enc);
  std::set<std::string> offered_disable;
  for (const auto& d : doc->diagnostics) {
    if (!quickfix || d.span.begin > wanted.end || wanted.begin > d.span.end) continue;
    json diagnostic = to_lsp_diagnostic(mapper, d, uri);
    add_quickfixes(actions, mapper, d, diagnostic, uri);
    if (!takes_front_matter(uri) || !offered_disable.insert(d.rule_id).second) continue;
    diag::Fix disable{fmt::format("Disable {} in this file", d.rule_id), diag::disable_rule_edits(source.text(), d.rule_id),
                      diag::Applicability::kSafe};
    if (disable.edits.empty()) continue;
    actions.push_back({{"title", disable.title},
                       {"kind", "quickfix"},
                       {"diagnostics", json::array({diagnostic})},
                       {"edit", to_workspace_edit(mapper, disable, uri)}});
  }
  if (all)
    if (json action = fix_all(*doc, mapper, uri); !action.is_null()) actions.push_back(std::move(action));
  return Reply::ok(std::move(actions));
}

}  // namespace followup::lsp::handlers
