// textDocument/didSave: saving .followup-lint.toml (or a rule file, any
// .toml) reloads the configuration and relints every open document.
#include "lsp/handlers/handlers.hpp"
#include "lsp/server.hpp"

namespace followup::lsp::handlers {

void did_save(Server& server, const json& params) {
  const json& td = require_object(params, "textDocument");
  auto path = uri_to_path(require_string(td, "uri"));
  if (path && path->extension() == ".toml") server.reload_config();
}

}  // namespace followup::lsp::handlers
