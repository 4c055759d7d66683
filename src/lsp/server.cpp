#include "lsp/server.hpp"

#include "platform/system.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "config/toml_value.hpp"
#include "lint/document.hpp"
#include "lsp/handlers/handlers.hpp"
#include "lsp/transport.hpp"

namespace followup::lsp {
namespace fs = std::filesystem;

namespace {

using RequestHandler = Reply (*)(Server&, const json&);
using NotificationHandler = void (*)(Server&, const json&);

const std::map<std::string_view, RequestHandler>& request_handlers() {
  static const std::map<std::string_view, RequestHandler> table = {
      {"initialize", handlers::initialize},
      {"shutdown", handlers::shutdown},
      {"textDocument/codeAction", handlers::code_action},
      {"textDocument/hover", handlers::hover},
      {"textDocument/diagnostic", handlers::diagnostic},
  };
  return table;
}

const std::map<std::string_view, NotificationHandler>& notification_handlers() {
  static const std::map<std::string_view, NotificationHandler> table = {
      {"initialized", handlers::initialized},
      {"exit", handlers::exit},
      {"textDocument/didOpen", handlers::did_open},
      {"textDocument/didChange", handlers::did_change},
      {"textDocument/didSave", handlers::did_save},
      {"textDocument/didClose", handlers::did_close},
      {"workspace/didChangeWatchedFiles", handlers::did_change_watched_files},
      {"$/cancelRequest", handlers::cancel_request},
  };
  return table;
}

bool valid_id(const json& id) { return id.is_string() || id.is_number_integer(); }

// A request id as a map key: 5 and "5" stay apart.
std::string id_key(const json& id) { return to_text(id); }

// A message as read from the stream: a parsed body or why it was rejected.
struct Incoming {
  json message;       // discarded when the body is not valid JSON
  std::string error;  // the transport rejected the frame
};

bool is_cancel_notification(const json& m) {
  if (!m.is_object() || m.contains("id")) return false;
  auto it = m.find("method");
  return it != m.end() && *it == "$/cancelRequest";
}

const json* request_id(const json& m) {
  if (!m.is_object()) return nullptr;
  const json* id = find(m, "id");
  const json* method = find(m, "method");
  return id && valid_id(*id) && method && method->is_string() ? id : nullptr;
}

// Drafts are linted; TOML files (the config, rule files) are not.
bool is_lintable(const fs::path& path) { return path.extension() != ".toml"; }

size_t longest_line(std::string_view text) {
  size_t longest = 0, start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      longest = std::max(longest, i - start);
      start = i + 1;
    }
  }
  return longest;
}

json config_error_diagnostic(const config::LoadError& e) {
  return json{{"range", to_json(Range{})},
              {"severity", 1},
              {"code", "config.invalid"},
              {"source", "followup-lint"},
              {"message",
               config::format_error(e) +
                   "\nhelp: fix the configuration and save it; open drafts are then linted again"}};
}

}  // namespace

Server::Server(lint::Workspace& workspace, Sink sink, ServerOptions options)
    : workspace_(workspace), sink_(std::move(sink)), options_(options) {}

void Server::log(std::string_view message) {
  std::string line = fmt::format("followup-lint[lsp]: {}\n", message);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

void Server::notify(std::string_view method, json params) {
  sink_(make_notification(method, std::move(params)));
}

void Server::request(std::string_view method, json params) {
  int64_t id = next_request_id_++;
  outgoing_[id] = std::string(method);
  sink_(make_request(id, method, std::move(params)));
}

void Server::receive(std::string_view bytes) {
  feed(bytes);
  if (!exited()) flush();
}

void Server::feed(std::string_view bytes) {
  decoder_.feed(bytes);
  // Read the whole batch first, so that a cancellation reaches a request read
  // before it; then handle the messages in order.
  std::vector<Incoming> batch;
  while (auto f = decoder_.next()) {
    Incoming in;
    if (f->error.empty()) {
      in.message = json::parse(f->body, nullptr, false);
    } else {
      in.error = std::move(f->error);
    }
    if (is_cancel_notification(in.message)) {
      handle(in.message);
      continue;
    }
    if (const json* id = request_id(in.message)) queued_.insert(id_key(*id));
    batch.push_back(std::move(in));
  }
  for (const auto& in : batch) {
    if (exited()) break;  // nothing after exit is handled
    if (!in.error.empty()) {
      handle_frame_error(in.error);
    } else if (in.message.is_discarded()) {
      log("a message is not valid JSON");
      sink_(make_error(nullptr, error_code::kParseError, "the message is not valid JSON"));
    } else {
      handle(in.message);
    }
  }
  queued_.clear();
  cancelled_.clear();
}

bool Server::cancel(const json& id) {
  std::string key = id_key(id);
  if (!queued_.count(key)) return false;
  cancelled_.insert(std::move(key));
  return true;
}

void Server::handle_frame_error(std::string_view error) {
  log(fmt::format("bad message header: {}", error));
  sink_(make_error(nullptr, error_code::kParseError, fmt::format("bad message header: {}", error)));
}

void Server::handle_text(std::string_view body) {
  json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    log("a message is not valid JSON");
    sink_(make_error(nullptr, error_code::kParseError, "the message is not valid JSON"));
    return;
  }
  handle(message);
}

void Server::handle(const json& message) {
  if (!message.is_object()) {
    sink_(make_error(nullptr, error_code::kInvalidRequest,
                     message.is_array() ? "JSON-RPC batches are not supported"
                                        : "a message must be a JSON object"));
    return;
  }
  const json* id = find(message, "id");
  if (id && !valid_id(*id) && !id->is_null()) {
    sink_(make_error(nullptr, error_code::kInvalidRequest, "'id' must be an integer or a string"));
    return;
  }
  const json* version = find(message, "jsonrpc");
  if (!version || *version != "2.0") {
    sink_(make_error(id ? *id : json(nullptr), error_code::kInvalidRequest,
                     "'jsonrpc' must be \"2.0\""));
    return;
  }
  const json* method = find(message, "method");
  if (!method) {
    if (id && (find(message, "result") || find(message, "error"))) {
      handle_response(message);
    } else {
      sink_(make_error(id ? *id : json(nullptr), error_code::kInvalidRequest,
                       "a request needs a 'method'"));
    }
    return;
  }
  if (!method->is_string()) {
    sink_(make_error(id ? *id : json(nullptr), error_code::kInvalidRequest,
                     "'method' must be a string"));
    return;
  }
  static const json kNoParams = nullptr;
  const json* params = find(message, "params");
  if (params && !params->is_object() && !params->is_array() && !params->is_null()) {
    if (id)
      sink_(make_error(*id, error_code::kInvalidParams, "'params' must be an object or an array"));
    return;
  }
  if (id) {
    handle_request(*id, method->get<std::string>(), params ? *params : kNoParams);
  } else {
    handle_notification(method->get<std::string>(), params ? *params : kNoParams);
  }
}

void Server::handle_request(const json& id, const std::string& method, const json& params) {
  std::string key = id_key(id);
  if (auto it = queued_.find(key); it != queued_.end()) queued_.erase(it);
  if (cancelled_.erase(key)) {
    sink_(make_error(id, error_code::kRequestCancelled, "the client cancelled this request"));
    return;
  }
  if (!session_.initialize_received && method != "initialize") {
    sink_(make_error(id, error_code::kServerNotInitialized, "the server has not been initialized"));
    return;
  }
  if (session_.shutdown_requested) {
    sink_(make_error(id, error_code::kInvalidRequest, "the server is shutting down"));
    return;
  }
  auto it = request_handlers().find(method);
  if (it == request_handlers().end()) {
    sink_(make_error(id, error_code::kMethodNotFound,
                     fmt::format("method '{}' is not supported", method)));
    return;
  }
  Reply reply;
  try {
    reply = it->second(*this, params);
  } catch (const ParamError& e) {
    reply = Reply::fail(error_code::kInvalidParams,
                        fmt::format("invalid params for {}: {}", method, e.what()));
  } catch (const json::exception& e) {
    reply = Reply::fail(error_code::kInvalidParams,
                        fmt::format("invalid params for {}: {}", method, e.what()));
  } catch (const std::exception& e) {
    log(fmt::format("internal error in {}: {}", method, e.what()));
    reply = Reply::fail(error_code::kInternalError,
                        fmt::format("internal error in {}: {}", method, e.what()));
  }
  sink_(make_response(id, reply));
}

void Server::handle_notification(const std::string& method, const json& params) {
  if (!session_.initialize_received && method != "exit") return;  // dropped, as LSP asks
  auto it = notification_handlers().find(method);
  if (it == notification_handlers().end()) return;  // unknown notifications are ignored
  try {
    it->second(*this, params);
  } catch (const ParamError& e) {
    log(fmt::format("ignored {}: invalid params: {}", method, e.what()));
  } catch (const std::exception& e) {
    log(fmt::format("ignored {}: {}", method, e.what()));
  }
}

void Server::handle_response(const json& message) {
  const json& id = message["id"];
  std::string method;
  if (id.is_number_integer()) {
    auto it = outgoing_.find(id.get<int64_t>());
    if (it != outgoing_.end()) {
      method = it->second;
      outgoing_.erase(it);
    }
  }
  if (const json* error = find(message, "error")) {
    log(fmt::format("the client rejected {}: {}", method.empty() ? "a request" : method,
                    to_text(*error)));
  }
}

Document* Server::document(std::string_view uri) {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : it->second.get();
}

Document& Server::open(std::string uri, std::string text, int64_t version) {
  fs::path path;
  if (auto p = uri_to_path(uri)) {
    path = *p;
  } else {
    std::error_code ec;
    fs::path folder = session_.root.empty() ? fs::current_path(ec) : session_.root;
    path = folder / "untitled.txt";
  }
  auto doc = std::make_unique<Document>(uri, path, std::move(text), version);
  Document& ref = *doc;
  documents_[std::move(uri)] = std::move(doc);
  return ref;
}

void Server::close(std::string_view uri) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) return;
  documents_.erase(it);
  notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
}

void Server::lint(Document& doc) {
  doc.dirty = false;
  doc.unpublished = true;
  doc.linted = doc.shared_source();
  doc.linted_version = doc.version();
  doc.diagnostics.clear();
  doc.extra.clear();
  doc.settings.reset();
  if (!is_lintable(doc.path())) return;
  std::string too_large;
  if (doc.text().size() > options_.max_lint_bytes) {
    too_large = fmt::format(
        "this document has {} bytes, more than the {} the language server lints as you type",
        doc.text().size(), options_.max_lint_bytes);
  } else if (size_t longest = longest_line(doc.text()); longest > options_.max_line_bytes) {
    too_large = fmt::format(
        "this document has a line of {} bytes, longer than the {} the language server lints as "
        "you type",
        longest, options_.max_line_bytes);
  }
  if (!too_large.empty()) {
    doc.extra.push_back(
        {{"range", to_json(Range{})},
         {"severity", 2},
         {"code", "lsp.too-large"},
         {"source", "followup-lint"},
         {"message", too_large + "\nhelp: run followup-lint on the command line to check it"}});
    return;
  }
  auto resolved = workspace_.resolve(doc.path());
  if (!resolved.settings) {
    for (const auto& e : resolved.errors) doc.extra.push_back(config_error_diagnostic(e));
    show_config_errors(resolved.errors);
    return;
  }
  if (workspace_.excluded(doc.path())) return;
  doc.settings = resolved.settings;
  try {
    auto linted = lint::lint_document(doc.path().string(), std::string(doc.linted->text()), *resolved.settings);
    doc.diagnostics = std::move(linted.result.diagnostics);
  } catch (const std::exception& e) {
    // The pipeline is not meant to throw; if it does, say so instead of dying.
    log(fmt::format("internal error while linting {}: {}", doc.uri(), e.what()));
    doc.extra.push_back(
        {{"range", to_json(Range{})},
         {"severity", 1},
         {"code", "lsp.internal-error"},
         {"source", "followup-lint"},
         {"message", fmt::format("followup-lint failed on this document: {}\nhelp: please "
                                 "report it with the draft that caused it",
                                 e.what())}});
  }
}

void Server::show_config_errors(const std::vector<config::LoadError>& errors) {
  std::string text =
      "followup-lint: the configuration has errors, so drafts under it are not linted:";
  for (const auto& e : errors) {
    text += '\n';
    text += config::format_error(e);
  }
  if (!shown_messages_.insert(text).second) return;
  log(text);
  notify("window/showMessage", {{"type", 1}, {"message", text}});
}

void Server::ensure_linted(Document& doc) {
  if (doc.dirty) lint(doc);
}

json Server::lsp_diagnostics(Document& doc) {
  ensure_linted(doc);
  json out = json::array();
  for (const auto& e : doc.extra) out.push_back(e);
  PositionMapper mapper(*doc.linted, session_.encoding);
  for (const auto& d : doc.diagnostics) out.push_back(to_lsp_diagnostic(mapper, d, doc.uri()));
  return out;
}

void Server::remember_config_times() {
  for (const auto& path : workspace_.config_files()) {
    if (config_times_.count(path)) continue;
    std::error_code ec;
    auto time = fs::last_write_time(path, ec);
    if (!ec) config_times_[path] = time;
  }
}

void Server::publish(Document& doc) {
  json diagnostics = lsp_diagnostics(doc);
  remember_config_times();
  doc.unpublished = false;
  notify("textDocument/publishDiagnostics", {{"uri", doc.uri()},
                                             {"version", doc.linted_version},
                                             {"diagnostics", std::move(diagnostics)}});
}

bool Server::configs_changed() {
  bool changed = false;
  for (const auto& [path, time] : config_times_) {
    std::error_code ec;
    auto now = fs::last_write_time(path, ec);
    changed = changed || ec || now != time;
  }
  return changed;
}

void Server::flush() {
  if (configs_changed()) {
    workspace_.invalidate();
    config_times_.clear();
    shown_messages_.clear();
    for (auto& [uri, doc] : documents_) doc->dirty = true;
  }
  for (auto& [uri, doc] : documents_) {
    if (doc->dirty || doc->unpublished) publish(*doc);
  }
}

void Server::reload_config() {
  workspace_.invalidate();
  config_times_.clear();
  shown_messages_.clear();
  for (auto& [uri, doc] : documents_) doc->dirty = true;
  flush();
  if (session_.pull_refresh) request("workspace/diagnostic/refresh", nullptr);
}

int serve(lint::Workspace& workspace) {
  std::string error;
  auto channel = platform::StdioChannel::take(error);
  if (!channel) {
    std::fprintf(stderr, "followup-lint: %s\n", error.c_str());
    return 2;
  }
  platform::StdioChannel& io = *channel;
  bool write_failed = false;
  Server server(workspace, [&](const json& message) {
    if (!write_failed && !io.write(frame(to_text(message)))) write_failed = true;
  });
  // One batch is everything the client has sent so far (up to kMaxBatch):
  // a cancellation then reaches the requests sent just before it, and a burst
  // of edits is linted once, when no more input is waiting.
  constexpr size_t kMaxBatch = size_t{1} << 20;
  std::string chunk;
  bool end_of_input = false;
  while (!server.exited() && !write_failed && !end_of_input) {
    chunk.clear();
    if (!io.read_some(chunk)) {
      end_of_input = true;
      break;
    }
    while (chunk.size() < kMaxBatch && io.input_waiting()) {
      if (!io.read_some(chunk)) {
        end_of_input = true;
        break;
      }
    }
    server.feed(chunk);
    if (!server.exited() && !write_failed && (end_of_input || !io.input_waiting())) server.flush();
  }
  if (end_of_input && !server.exited() && server.mid_message())
    server.log("end of input inside a message; it is dropped");
  if (write_failed) server.log("cannot write to the client; stopping");
  return server.exit_code();
}

}  // namespace followup::lsp
