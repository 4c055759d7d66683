// $/cancelRequest: the client no longer needs the answer to a request. The
// server handles one message at a time, so only a request still waiting in
// the batch being read can be cancelled: the server hands a cancellation over
// as soon as it reads it, ahead of the messages read before it, and the
// request is then answered with RequestCancelled (-32800) instead of being
// handled. A request answered already, or an unknown id, is ignored, as LSP
// asks; every request still gets exactly one reply.
#include "lsp/handlers/handlers.hpp"
#include "lsp/server.hpp"

namespace followup::lsp::handlers {

void cancel_request(Server& server, const json& params) {
  const json* id = find(params, "id");
  if (!id) throw ParamError("missing 'id'");
  if (!id->is_string() && !id->is_number_integer())
    throw ParamError("'id' must be an integer or a string");
  server.cancel(*id);
}

}  // namespace followup::lsp::handlers
