// shutdown and exit: the end of the lifecycle. After shutdown every request
// but exit is refused; exit's code tells whether shutdown came first.
#include "lsp/handlers/handlers.hpp"
#include "lsp/server.hpp"

namespace followup::lsp::handlers {

Reply shutdown(Server& server, const json&) {
  server.session().shutdown_requested = true;
  return Reply::ok(nullptr);
}

void exit(Server& server, const json&) { server.session().exit_received = true; }

}  // namespace followup::lsp::handlers
