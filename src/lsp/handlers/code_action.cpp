// textDocument/codeAction: one quickfix per fix of each diagnostic that
// touches the requested range, as a WorkspaceEdit with the diagnostic attached.
// A document that is not open has no actions ([]).
#include <fmt/format.h>

#include "lsp/handlers/handlers.hpp"
#include "lsp/server.hpp"

namespace followup::lsp::handlers {
namespace {

// Whether `context.only` admits quickfixes ("quickfix" or a parent kind).
bool wants_quickfix(const json& params) {
  const json* context = find(params, "context");
  const json* only = context ? find(*context, "only") : nullptr;
  if (!only || only->is_null()) return true;
  if (!only->is_array()) throw ParamError("'context.only' must be an array");
  for (const auto& kind : *only) {
    if (!kind.is_string()) continue;
    const auto& k = kind.get_ref<const std::string&>();
    if (k.empty() || k == "quickfix" || k.rfind("quickfix.", 0) == 0) return true;
  }
  return false;
}

}  // namespace

Reply code_action(Server& server, const json& params) {
  const json& td = require_object(params, "textDocument");
  std::string uri = require_string(td, "uri");
  Range range = range_from_json(require_object(params, "range"));
  bool quickfix = wants_quickfix(params);
  Document* doc = server.document(uri);
  json actions = json::array();
  if (!doc || !quickfix) return Reply::ok(std::move(actions));
  server.ensure_linted(*doc);
  const core::Source& source = *doc->linted;
  PositionEncoding enc = server.session().encoding;
  core::Span wanted = to_span(source, range, enc);
  PositionMapper mapper(source, enc);
  for (const auto& d : doc->diagnostics) {
    if (d.fixes.empty() || d.span.begin > wanted.end || wanted.begin > d.span.end) continue;
    json diagnostic = to_lsp_diagnostic(mapper, d, uri);
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
  return Reply::ok(std::move(actions));
}

}  // namespace followup::lsp::handlers
