// The seam between the web page's server and the lint core.
//
// serve/ holds no lint logic: it checks requests, hands a LintRequest to
// Service::lint and sends back whatever JSON comes out. The core wiring (the
// `followup-lint serve` command) fills Service with functions that call the
// same lint pipeline as the CLI, on the text alone: nothing in serve/ or
// behind Service may read or write the server's disk for a request.
//
// Both functions are called from the server's worker threads, one call at a
// time (the server serializes them), and may throw: the server answers 500
// with {"error": "..."} and keeps serving.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace followup::serve {

struct LintRequest {
  std::string text;          // the draft as the page holds it (UTF-8, LF line ends)
  std::string filename;      // a bare file name (no folders): its extension picks the reader
  std::string context_json;  // the "context" object as JSON text, "{}" when absent
};

struct LintReply {
  int status = 200;  // 200, or 4xx/5xx with {"error": "..."} in json
  std::string json;  // the JSON document of SPEC §6 (one file), or {"error": "..."}
};

struct Service {
  std::function<LintReply(const LintRequest&)> lint;  // provided by the core wiring
  // GET /api/rules body: {"rules": [{"id", "severity", "kinds": [...],
  // "summary", "explain"}]}, the page shows `explain` on demand.
  std::function<std::string()> rules_json;
};

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8480;  // 0 picks a free port
  bool open_browser = false;
  int threads = 4;  // worker threads at start; more as connections need them, up to 256
  std::size_t max_body_bytes = std::size_t{1} << 20;  // 1 MiB: larger requests get 413
};

// Binds, prints the URL to `log`, serves until SIGINT or SIGTERM. Returns
// the process exit code: 0 after a signal, 2 when the address cannot be bound.
int run_server(const Service& service, const ServeOptions& options, std::ostream& log);

// A server on its own thread, for tests and for run_server. The constructor
// binds (options.port, or a free port when it is 0) and starts serving; it
// throws std::runtime_error when it cannot bind.
class Server {
 public:
  Server(Service service, ServeOptions options);
  ~Server();  // stops and joins
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  std::string url() const;  // "http://127.0.0.1:PORT/"
  void stop();              // idempotent
  bool running() const;     // false once stopped, or if listening failed

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace followup::serve
