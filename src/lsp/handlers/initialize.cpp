// initialize and initialized: negotiate the position encoding, advertise what
// the server implements, and register the config file watcher.
#include <fmt/format.h>

#include "lsp/handlers/handlers.hpp"
#include "lsp/server.hpp"

namespace followup::lsp::handlers {

Reply initialize(Server& server, const json& params) {
  Session& s = server.session();
  if (s.initialize_received)
    return Reply::fail(error_code::kInvalidRequest, "initialize may be sent only once");
  if (!params.is_object()) throw ParamError("initialize needs params with 'capabilities'");
  const json* caps = find(params, "capabilities");
  if (!caps || !caps->is_object()) throw ParamError("missing 'capabilities'");

  s.encoding = PositionEncoding::kUtf16;
  if (const json* general = find(*caps, "general")) {
    if (const json* offered = find(*general, "positionEncodings"); offered && offered->is_array()) {
      for (const auto& e : *offered)
        if (e == "utf-8") s.encoding = PositionEncoding::kUtf8;
    }
  }
  s.watch_registration = flag_at(*caps, "workspace.didChangeWatchedFiles.dynamicRegistration");
  s.pull_refresh = flag_at(*caps, "workspace.diagnostics.refreshSupport");
  // Hover as plain text for a client that prefers it (eglot can, ALE's preview does).
  if (const json* formats = find_path(*caps, "textDocument.hover.contentFormat"); formats && formats->is_array())
    s.plain_hover = !formats->empty() && (*formats)[0] == "plaintext";

  // The first workspace folder locates the config of untitled documents.
  const json* folders = find(params, "workspaceFolders");
  const json* root_uri = find(params, "rootUri");
  if (folders && folders->is_array() && !folders->empty() && (*folders)[0].is_object()) {
    if (const json* uri = find((*folders)[0], "uri"); uri && uri->is_string())
      if (auto p = uri_to_path(uri->get<std::string>())) s.root = *p;
  } else if (root_uri && root_uri->is_string()) {
    if (auto p = uri_to_path(root_uri->get<std::string>())) s.root = *p;
  }
  s.initialize_received = true;

  json capabilities = {
      {"positionEncoding", encoding_name(s.encoding)},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix", "source.fixAll.followup-lint"})}}},
      {"hoverProvider", true},
      {"diagnosticProvider", {{"interFileDependencies", false}, {"workspaceDiagnostics", false}}},
  };
  return Reply::ok({{"capabilities", std::move(capabilities)},
                    {"serverInfo", {{"name", "followup-lint"}, {"version", FOLLOWUP_VERSION}}}});
}

void initialized(Server& server, const json&) {
  if (!server.session().watch_registration) return;
  json watcher = {{"globPattern", "**/.followup-lint.toml"}};
  json registration = {{"id", "followup-lint/config-watcher"},
                       {"method", "workspace/didChangeWatchedFiles"},
                       {"registerOptions", {{"watchers", json::array({watcher})}}}};
  server.request("client/registerCapability", {{"registrations", json::array({registration})}});
}

}  // namespace followup::lsp::handlers
