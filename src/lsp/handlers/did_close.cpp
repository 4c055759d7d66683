// textDocument/didClose: forget the document and clear its diagnostics.
#include "lsp/handlers/handlers.hpp"
#include "lsp/server.hpp"

namespace followup::lsp::handlers {

void did_close(Server& server, const json& params) {
  const json& td = require_object(params, "textDocument");
  server.close(require_string(td, "uri"));
}

}  // namespace followup::lsp::handlers
