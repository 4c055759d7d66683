// One function per LSP method (handlers/<method>.cpp). Request handlers
// return a Reply; notification handlers return nothing. Params readers throw
// ParamError, which the server answers with InvalidParams.
#pragma once

#include "lsp/protocol.hpp"

namespace followup::lsp {
class Server;
}

namespace followup::lsp::handlers {

Reply initialize(Server& server, const json& params);
void initialized(Server& server, const json& params);
Reply shutdown(Server& server, const json& params);
void exit(Server& server, const json& params);

void did_open(Server& server, const json& params);
void did_change(Server& server, const json& params);
void did_save(Server& server, const json& params);
void did_close(Server& server, const json& params);
void did_change_watched_files(Server& server, const json& params);
void cancel_request(Server& server, const json& params);

Reply code_action(Server& server, const json& params);
Reply hover(Server& server, const json& params);
Reply diagnostic(Server& server, const json& params);

}  // namespace followup::lsp::handlers
