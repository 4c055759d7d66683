// The language server: LSP 3.17 over stdin/stdout, a thin layer over the
// same Workspace and lint pipeline the command line uses.
//
// Server holds the session (lifecycle, negotiated encoding, open documents)
// and dispatches each JSON-RPC message to handlers/<method>.cpp. It never
// writes anywhere itself: every outgoing message goes through the Sink, so
// tests drive it in-process. Bad input becomes a JSON-RPC error reply (or is
// logged, for notifications); nothing escapes as an exception.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "lsp/convert.hpp"
#include "lsp/document.hpp"
#include "lsp/protocol.hpp"
#include "lsp/transport.hpp"
#include "lint/workspace.hpp"

namespace followup::lsp {

// Serves until `exit` or end of input; returns the process exit code
// (0 after shutdown + exit, 1 for exit or end of input without shutdown).
int serve(lint::Workspace& workspace);

struct ServerOptions {
  // Documents larger than this are not linted (one diagnostic says so), so
  // that a pasted megabyte of text cannot stall the editor on every keystroke.
  size_t max_lint_bytes = size_t{1} << 20;
  // Likewise for a document with a line longer than this (pasted data, not a
  // note): some checks cost time in proportion to the line length.
  size_t max_line_bytes = 100000;
};

// What initialize negotiated and where the lifecycle stands.
struct Session {
  bool initialize_received = false;
  bool shutdown_requested = false;
  bool exit_received = false;
  PositionEncoding encoding = PositionEncoding::kUtf16;
  bool watch_registration = false;  // client registers file watchers dynamically
  bool pull_refresh = false;        // client accepts workspace/diagnostic/refresh
  bool plain_hover = false;         // client lists "plaintext" first in hover.contentFormat
  std::filesystem::path root;       // first workspace folder, for untitled documents
};

class Server {
 public:
  using Sink = std::function<void(const json&)>;

  Server(lint::Workspace& workspace, Sink sink, ServerOptions options = {});

  // Bytes from the client, split anywhere: feed(), then flush(). The
  // transcript and in-process tests use this.
  void receive(std::string_view bytes);
  // Decodes every complete frame in `bytes` (plus what was left over) as one
  // batch and handles its messages in order, without flushing. A
  // $/cancelRequest is handed over as soon as it is read, so a request read
  // before it in the same batch is answered with RequestCancelled instead of
  // being handled. serve() feeds everything waiting on stdin at once and
  // flushes only when no input is waiting.
  void feed(std::string_view bytes);
  // Bytes of an unfinished message (dropped if the input ends here).
  size_t pending_bytes() const { return decoder_.pending(); }
  // Whether the input so far ends inside a message (see FrameDecoder).
  bool mid_message() const { return decoder_.mid_message(); }

  // One frame body as received (may be invalid JSON).
  void handle_text(std::string_view body);
  // A frame the transport rejected (bad header): answered with a parse error.
  void handle_frame_error(std::string_view error);
  void handle(const json& message);
  // Lints and publishes every document changed since the last call. The
  // transport calls it when no complete message is waiting, so a burst of
  // edits is linted once.
  void flush();

  bool exited() const { return session_.exit_received; }
  int exit_code() const { return session_.shutdown_requested ? 0 : 1; }

  // --- for the handlers ---
  Session& session() { return session_; }
  lint::Workspace& workspace() { return workspace_; }
  const ServerOptions& options() const { return options_; }

  Document* document(std::string_view uri);
  Document& open(std::string uri, std::string text, int64_t version);
  void close(std::string_view uri);
  // Lints `doc` now if its text changed since the last lint.
  void ensure_linted(Document& doc);
  void publish(Document& doc);
  // All LSP diagnostics of a linted document (config errors first).
  json lsp_diagnostics(Document& doc);
  // Drops cached configs, then relints and republishes every open document.
  void reload_config();

  void notify(std::string_view method, json params);
  void request(std::string_view method, json params);
  // $/cancelRequest: marks request `id` as cancelled if it is still waiting
  // in the batch being handled; otherwise (answered already, or unknown) it
  // does nothing. Returns whether a request was cancelled.
  bool cancel(const json& id);
  // A one-line note on stderr (never stdout).
  void log(std::string_view message);

 private:
  void handle_request(const json& id, const std::string& method, const json& params);
  void handle_notification(const std::string& method, const json& params);
  void handle_response(const json& message);
  void lint(Document& doc);
  void show_config_errors(const std::vector<config::LoadError>& errors);

  lint::Workspace& workspace_;
  Sink sink_;
  ServerOptions options_;
  Session session_;
  FrameDecoder decoder_;
  std::map<std::string, std::unique_ptr<Document>, std::less<>> documents_;
  std::set<std::string> shown_messages_;     // config errors already shown (reset on reload)
  // When each config and rule file in use was last changed: a client that
  // reports no file changes (Neovim 0.7, or a config saved outside the
  // editor) still gets a reload at its next edit.
  std::map<std::filesystem::path, std::filesystem::file_time_type> config_times_;
  bool configs_changed();
  void remember_config_times();
  std::map<int64_t, std::string> outgoing_;  // our request id -> method
  std::multiset<std::string> queued_;        // ids (as JSON text) of requests read, not yet handled
  std::set<std::string> cancelled_;          // queued ids the client cancelled
  int64_t next_request_id_ = 1;
};

}  // namespace followup::lsp
