// The HTTP side of `followup-lint serve`: routes, request checks and the
// server's life cycle. Lint results come from Service; this file only moves
// bytes between the browser and it.
#include <httplib.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "serve/api.hpp"
#include "serve/assets.hpp"
#include "platform/system.hpp"
#include "serve/guard.hpp"
#include "serve/service.hpp"

extern char** environ;

namespace followup::serve {
namespace {

using httplib::Request;
using httplib::Response;
using HandlerResponse = httplib::Server::HandlerResponse;

// Past the body limit the server still reads (and drops) this much more, so
// that a client that sends its whole body before reading the answer gets a
// clean 413; past this it stops reading and the connection is dropped.
constexpr std::size_t kDrainBytes = std::size_t{16} << 20;

constexpr const char* kJson = "application/json; charset=utf-8";

// Only our own files and our own API: no inline script, no other host.
constexpr const char* kPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

void refuse(Response& res, int status, std::string_view reason) {
  res.status = status;
  // The body of a refused request may be left unread; a client must not
  // send its next request on this connection.
  res.set_header("Connection", "close");
  res.set_content(error_json(reason), kJson);
}

// A missing or unreadable Content-Length counts as 0; httplib refuses a
// malformed one itself.
std::uint64_t content_length(const Request& req) {
  std::string value = req.get_header_value("Content-Length");
  std::uint64_t n = 0;
  std::from_chars(value.data(), value.data() + value.size(), n);
  return n;
}

bool has_body(const Request& req) {
  return req.has_header("Transfer-Encoding") || content_length(req) > 0;
}

bool is_read_method(const std::string& method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

std::string url_host(const std::string& host) {
  if (host.find(':') != std::string::npos) return "[" + host + "]";
  return host.empty() ? "127.0.0.1" : host;
}

}  // namespace

struct Server::Impl {
  Service service;
  ServeOptions options;
  httplib::Server http;
  RequestGuard guard{"127.0.0.1", 0};
  std::mutex lint_mutex;  // the core's lint is not assumed to be reentrant
  std::thread thread;
  std::atomic<bool> failed{false};
  int port = 0;

  void bind();
  void install_routes();
  HandlerResponse check_request(const Request& req, Response& res) const;
  void handle_write(const Request& req, Response& res, const httplib::ContentReader& reader);
  bool read_body(const Request& req, Response& res, const httplib::ContentReader& reader,
                 std::string& body) const;
  void handle_lint(const Request& req, Response& res, const std::string& body);
  void handle_rules(Response& res);
};

void Server::Impl::bind() {
  http.new_task_queue = [n = options.threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(std::max(1, n)));
  };
  // Workers are few; an idle browser connection should not hold one long.
  http.set_keep_alive_timeout(2);
  http.set_read_timeout(5);
  http.set_payload_max_length(options.max_body_bytes);
  // httplib's default adds SO_REUSEPORT, which lets a second server share
  // the port unnoticed and split the requests with the first.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // httplib writes the headers and the body separately; with Nagle on, the
  // body waits for the client's delayed ACK, 40 ms on Linux.
  http.set_tcp_nodelay(true);
  if (options.port == 0) {
    port = http.bind_to_any_port(options.host);
  } else {
    port = http.bind_to_port(options.host, options.port) ? options.port : -1;
  }
  if (port <= 0) {
    throw std::runtime_error("cannot listen on " + url_host(options.host) + ":" +
                             std::to_string(options.port) +
                             " (in use? try --port 0 for a free port)");
  }
  guard = RequestGuard(options.host, port);
}

// Runs on the headers, before any body is read.
HandlerResponse Server::Impl::check_request(const Request& req, Response& res) const {
  if (!guard.host_allowed(req.get_header_value("Host"))) {
    refuse(res, 421, "this server answers only to its own address (Host header refused)");
    return HandlerResponse::Handled;
  }
  if (is_read_method(req.method)) {
    // httplib would buffer a GET body without any limit when it is chunked.
    if (has_body(req)) {
      refuse(res, 400, "a " + req.method + " request takes no body");
      return HandlerResponse::Handled;
    }
    return HandlerResponse::Unhandled;
  }
  if (!guard.write_allowed(req.get_header_value("Origin"),
                           req.get_header_value("Sec-Fetch-Site"))) {
    refuse(res, 403, "cross-origin requests are refused");
    return HandlerResponse::Handled;
  }
  if (content_length(req) > options.max_body_bytes + kDrainBytes) {
    refuse(res, 413, "the request body is over the limit");
    return HandlerResponse::Handled;
  }
  return HandlerResponse::Unhandled;
}

// httplib caps only bodies with a Content-Length; a chunked body reaches the
// receiver below, which keeps at most max_body_bytes of it.
bool Server::Impl::read_body(const Request& req, Response& res,
                             const httplib::ContentReader& reader, std::string& body) const {
  std::size_t total = 0;
  const std::size_t limit = options.max_body_bytes;
  bool ok = reader([&](const char* data, std::size_t size) {
    total += size;
    if (total <= limit) body.append(data, size);
    return total <= limit + kDrainBytes;
  });
  if (total > limit || res.status == 413) {
    refuse(res, 413, "the request body is over the limit of " + std::to_string(limit) + " bytes");
    return false;
  }
  if (!ok) {
    refuse(res, 400, "the request body could not be read");
    return false;
  }
  (void)req;
  return true;
}

void Server::Impl::handle_write(const Request& req, Response& res,
                                const httplib::ContentReader& reader) {
  std::string body;
  if (!read_body(req, res, reader, body)) return;
  if (req.path != "/api/lint") {
    res.status = 404;
    res.set_content(error_json("no such endpoint: " + req.path), kJson);
  } else if (req.method != "POST") {
    res.status = 405;
    res.set_header("Allow", "POST");
    res.set_content(error_json("use POST"), kJson);
  } else {
    handle_lint(req, res, body);
  }
}

void Server::Impl::handle_lint(const Request& req, Response& res, const std::string& body) {
  if (!is_json_media_type(req.get_header_value("Content-Type"))) {
    res.status = 415;
    res.set_content(error_json("send the body as Content-Type: application/json"), kJson);
    return;
  }
  ParsedLint parsed = parse_lint_request(body);
  if (!parsed.ok()) {
    res.status = 400;
    res.set_content(error_json(parsed.error), kJson);
    return;
  }
  if (!service.lint) {
    res.status = 503;
    res.set_content(error_json("no lint service"), kJson);
    return;
  }
  LintReply reply;
  try {
    std::lock_guard lock(lint_mutex);
    reply = service.lint(parsed.request);
  } catch (const std::exception& e) {
    reply = {500, error_json(std::string("internal error: ") + e.what())};
  }
  res.status = reply.status;
  res.set_content(reply.json, kJson);
}

void Server::Impl::handle_rules(Response& res) {
  try {
    std::lock_guard lock(lint_mutex);
    res.set_content(service.rules_json ? service.rules_json() : R"({"rules":[]})", kJson);
  } catch (const std::exception& e) {
    res.status = 500;
    res.set_content(error_json(std::string("internal error: ") + e.what()), kJson);
  }
}

void Server::Impl::install_routes() {
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"},
                            {"X-Frame-Options", "DENY"},
                            {"Cross-Origin-Resource-Policy", "same-origin"},
                            {"Cache-Control", "no-store"}});
  http.set_pre_routing_handler(
      [this](const Request& req, Response& res) { return check_request(req, res); });
  http.Get(R"(/|/app\.js|/style\.css)", [](const Request& req, Response& res) {
    const Asset* asset = find_asset(req.path);
    if (req.path == "/") res.set_header("Content-Security-Policy", kPagePolicy);
    res.set_content(asset->body.data(), asset->body.size(), asset->content_type.data());
  });
  http.Get("/api/rules", [this](const Request&, Response& res) { handle_rules(res); });
  http.Get("/api/lint", [](const Request&, Response& res) {
    res.status = 405;
    res.set_header("Allow", "POST");
    res.set_content(error_json("use POST"), kJson);
  });
  auto write = [this](const Request& req, Response& res, const httplib::ContentReader& reader) {
    handle_write(req, res, reader);
  };
  http.Post(".*", write);
  http.Put(".*", write);
  http.Patch(".*", write);
  http.Delete(".*", write);
  // httplib's own refusals (413 on Content-Length, 404, a bad request line)
  // come without a body; give them the API's error shape.
  http.set_error_handler([](const Request&, Response& res) {
    if (!res.body.empty()) return;
    std::string reason = res.status == 413   ? "the request body is over the limit"
                         : res.status == 404 ? "not found"
                                             : "bad request";
    res.set_content(error_json(reason), kJson);
  });
}

Server::Server(Service service, ServeOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->service = std::move(service);
  impl_->options = std::move(options);
  impl_->bind();
  impl_->install_routes();
  impl_->thread = std::thread([impl = impl_.get()] {
    if (!impl->http.listen_after_bind()) impl->failed = true;
  });
  // stop() is a no-op until the listen loop runs; wait for it so that a
  // Server destroyed right away still shuts down.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!impl_->http.is_running() && !impl_->failed &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

Server::~Server() { stop(); }

int Server::port() const { return impl_->port; }

std::string Server::url() const {
  return "http://" + url_host(impl_->options.host) + ":" + std::to_string(impl_->port) + "/";
}

bool Server::running() const { return impl_->http.is_running() && !impl_->failed; }

void Server::stop() {
  impl_->http.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

namespace {

// Blocks until SIGINT or SIGTERM, or until the server stops on its own.
void wait_for_signal(const Server& server, const platform::StopSignals& signals) {
  while (server.running())
    if (signals.wait(200)) return;
}

}  // namespace

int run_server(const Service& service, const ServeOptions& options, std::ostream& log) {
  // Blocked before the server's threads start, so that they inherit the mask
  // and only wait_for_signal receives the signals.
  platform::StopSignals signals;
  int code = 0;
  try {
    Server server(service, options);
    log << "followup-lint serve: " << server.url() << "  (Ctrl+C to stop)\n" << std::flush;
    // Best effort: a missing xdg-open only means the user opens the URL by hand.
    if (options.open_browser && !platform::open_in_browser(server.url()))
      log << "followup-lint serve: could not start a browser; open " << server.url() << " yourself\n";
    wait_for_signal(server, signals);
    code = server.running() ? 0 : 2;
    server.stop();
  } catch (const std::runtime_error& e) {
    log << "followup-lint serve: " << e.what() << "\n";
    code = 2;
  }
  return code;
}

}  // namespace followup::serve
