// textDocument/didOpen: the editor now owns the text; lint it on the next flush.
#include "lsp/handlers/handlers.hpp"
#include "lsp/server.hpp"

namespace followup::lsp::handlers {

void did_open(Server& server, const json& params) {
  const json& doc = require_object(params, "textDocument");
  std::string uri = require_string(doc, "uri");
  std::string text = require_string(doc, "text");
  int64_t version = optional_int(doc, "version").value_or(0);
  server.open(std::move(uri), std::move(text), version);
}

}  // namespace followup::lsp::handlers
