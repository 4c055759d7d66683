// The HTTP side of the page: request checks before any body is read, the
// routes, and the API's error shape. Lint results come from Service; this
// file only moves bytes between the browser and it.
#include "serve/site.hpp"

#include <charconv>
#include <cstdint>
#include <stdexcept>

#include "serve/api.hpp"
#include "serve/assets.hpp"

namespace followup::serve {
namespace {

using httplib::Request;
using httplib::Response;

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

}  // namespace

Site::Site(Service service, ServeOptions options)
    : service_(std::move(service)), options_(std::move(options)) {}

void Site::set_address(const std::string& host, int port) { guard_ = RequestGuard(host, port); }

// Runs on the headers, before any body is read.
Site::HandlerResponse Site::check_request(const Request& req, Response& res) const {
  if (!guard_.host_allowed(req.get_header_value("Host"))) {
    refuse(res, 421, "this server answers only to its own address (Host header refused)");
    return HandlerResponse::Handled;
  }
  // Both framings at once is how requests are smuggled past a proxy
  // (RFC 9112 §6.3); a server on its own has no reason to guess.
  if (req.has_header("Transfer-Encoding") && req.has_header("Content-Length")) {
    refuse(res, 400, "a request may not carry both Transfer-Encoding and Content-Length");
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
  if (!guard_.write_allowed(req.get_header_value("Origin"),
                            req.get_header_value("Sec-Fetch-Site"))) {
    refuse(res, 403, "cross-origin requests are refused");
    return HandlerResponse::Handled;
  }
  if (content_length(req) > options_.max_body_bytes + kDrainBytes) {
    refuse(res, 413, "the request body is over the limit");
    return HandlerResponse::Handled;
  }
  return HandlerResponse::Unhandled;
}

// httplib caps only bodies with a Content-Length; a chunked body reaches the
// receiver below, which keeps at most max_body_bytes of it.
bool Site::read_body(Response& res, const httplib::ContentReader& reader, std::string& body) const {
  std::size_t total = 0;
  const std::size_t limit = options_.max_body_bytes;
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
  return true;
}

void Site::handle_write(const Request& req, Response& res, const httplib::ContentReader& reader) {
  std::string body;
  if (!read_body(res, reader, body)) return;
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

void Site::handle_lint(const Request& req, Response& res, const std::string& body) {
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
  if (!service_.lint) {
    res.status = 503;
    res.set_content(error_json("no lint service"), kJson);
    return;
  }
  LintReply reply;
  try {
    std::lock_guard lock(lint_mutex_);
    reply = service_.lint(parsed.request);
  } catch (const std::exception& e) {
    reply = {500, error_json(std::string("internal error: ") + e.what())};
  }
  res.status = reply.status;
  res.set_content(reply.json, kJson);
}

void Site::handle_rules(Response& res) {
  try {
    std::lock_guard lock(lint_mutex_);
    res.set_content(service_.rules_json ? service_.rules_json() : R"({"rules":[]})", kJson);
  } catch (const std::exception& e) {
    res.status = 500;
    res.set_content(error_json(std::string("internal error: ") + e.what()), kJson);
  }
}

void Site::install(httplib::Server& http) {
  http.set_payload_max_length(options_.max_body_bytes);
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

}  // namespace followup::serve
