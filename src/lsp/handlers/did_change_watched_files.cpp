// workspace/didChangeWatchedFiles: a .followup-lint.toml was created, changed
// or deleted (the watcher is registered in `initialized`): reload.
#include "lsp/handlers/handlers.hpp"
#include "lsp/server.hpp"

namespace followup::lsp::handlers {

void did_change_watched_files(Server& server, const json& params) {
  const json& changes = require_array(params, "changes");
  if (!changes.empty()) server.reload_config();
}

}  // namespace followup::lsp::handlers
