// textDocument/diagnostic (pull): a full report of the document's current
// diagnostics, the same items publishDiagnostics sends. A document that is
// not open gets an empty full report.
#include "lsp/handlers/handlers.hpp"
#include "lsp/server.hpp"

namespace followup::lsp::handlers {

Reply diagnostic(Server& server, const json& params) {
  const json& td = require_object(params, "textDocument");
  std::string uri = require_string(td, "uri");
  Document* doc = server.document(uri);
  json items = doc ? server.lsp_diagnostics(*doc) : json::array();
  return Reply::ok({{"kind", "full"}, {"items", std::move(items)}});
}

}  // namespace followup::lsp::handlers
