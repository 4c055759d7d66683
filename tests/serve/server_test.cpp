// The server of `followup-lint serve` against a fake Service with canned
// replies: routes, the request checks of SPEC §8 (Host, Origin, body limit,
// bad JSON) and that it keeps serving after each refusal. Loopback only.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "serve/service.hpp"
#include "support/loopback.hpp"

namespace followup::serve {
namespace {

using nlohmann::json;

constexpr std::size_t kLimit = std::size_t{1} << 20;

// Echoes what reached the seam, so that tests can see what the server passed on.
Service canned_service() {
  Service service;
  service.lint = [](const LintRequest& req) {
    if (req.text == "throw") throw std::runtime_error("boom");
    json doc = {
        {"version", 1},
        {"files",
         {{{"path", req.filename}, {"kind", "thank-you"}, {"diagnostics", json::array()}}}},
        {"summary", {{"files", 1}, {"errors", 0}, {"warnings", 0}, {"infos", 0}}},
        {"echo", {{"text_bytes", req.text.size()}, {"context", json::parse(req.context_json)}}}};
    return LintReply{200, doc.dump()};
  };
  service.rules_json = [] { return std::string(R"({"rules":[{"id":"salutation.combined"}]})"); };
  return service;
}

ServeOptions test_options() {
  ServeOptions options;
  options.port = 0;
  return options;
}

struct Fixture {
  Server server{canned_service(), test_options()};
  httplib::Client client{"127.0.0.1", server.port()};
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(server.port()); }

  httplib::Result lint(const std::string& body, httplib::Headers headers = {}) {
    return client.Post("/api/lint", headers, body, "application/json");
  }
  // The check that ends every test: a plain request still gets its answer.
  bool still_serving() {
    auto page = client.Get("/");
    auto api = lint(R"({"text": "Dear Ms. Rivera,"})", {{"Origin", origin()}});
    return page && page->status == 200 && api && api->status == 200;
  }
};

std::string error_of(const httplib::Result& res) {
  return json::parse(res->body).value("error", "");
}

// Sends raw bytes and returns whatever comes back before the server closes
// or goes quiet: for requests httplib::Client will not write.
std::string raw_exchange(int port, const std::string& request) {
  int fd = followup::testing::connect_loopback(port, 3);
  REQUIRE(send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
  std::string out;
  char buf[4096];
  while (out.find("\r\n\r\n") == std::string::npos || out.find('}') == std::string::npos) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  close(fd);
  return out;
}

}  // namespace

TEST_CASE("serve: the page and its files are built in", "[serve]") {
  Fixture f;
  auto page = f.client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") !=
        std::string::npos);
  CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(page->body.find("<html") != std::string::npos);
  for (const char* path : {"/app.js", "/style.css"}) {
    auto res = f.client.Get(path);
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK_FALSE(res->body.empty());
  }
  auto missing = f.client.Get("/etc/passwd");
  REQUIRE(missing);
  CHECK(missing->status == 404);
}

TEST_CASE("serve: POST /api/lint passes text, file name and context to the service", "[serve]") {
  Fixture f;
  auto res = f.lint(R"({"text": "Dear Mr. Jones,", "filename": "../../notes/thanks.eml",
                        "context": {"interviewers": ["Mr. Jones"], "no_follow_up": true}})",
                    {{"Origin", f.origin()}});
  REQUIRE(res);
  REQUIRE(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
  json doc = json::parse(res->body);
  CHECK(doc["files"][0]["path"] == "thanks.eml");  // folders are cut off
  CHECK(doc["echo"]["text_bytes"] == 15);
  CHECK(doc["echo"]["context"]["interviewers"][0] == "Mr. Jones");
  CHECK(doc["echo"]["context"]["no_follow_up"] == true);

  auto rules = f.client.Get("/api/rules");
  REQUIRE(rules);
  CHECK(rules->status == 200);
  CHECK(json::parse(rules->body)["rules"][0]["id"] == "salutation.combined");
}

TEST_CASE("serve: a Host that is not the served address is refused (DNS rebinding)", "[serve]") {
  Fixture f;
  std::string port = std::to_string(f.server.port());
  for (std::string host :
       std::vector<std::string>{"evil.example:" + port, "127.0.0.1", "127.0.0.1:1" + port,
                                "localhost.evil.example:" + port, std::string()}) {
    CAPTURE(host);
    auto res = f.client.Get("/", {{"Host", host}});
    REQUIRE(res);
    CHECK(res->status == 421);
    CHECK(res->get_header_value("Connection") == "close");
    auto api = f.lint(R"({"text": "x"})", {{"Host", host}});
    REQUIRE(api);
    CHECK(api->status == 421);
    CHECK(error_of(api).find("Host") != std::string::npos);
    CHECK(f.still_serving());
  }
  for (std::string host : {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port}) {
    CAPTURE(host);
    auto res = f.client.Get("/", {{"Host", host}});
    REQUIRE(res);
    CHECK(res->status == 200);
  }
}

TEST_CASE("serve: cross-origin writes are refused", "[serve]") {
  Fixture f;
  std::string port = std::to_string(f.server.port());
  std::string body = R"({"text": "Dear Ms. Rivera,"})";
  for (std::string origin :
       std::vector<std::string>{"http://evil.example", "null", "http://127.0.0.1:1" + port,
                                "https://127.0.0.1:" + port, "http://evil.example:" + port}) {
    CAPTURE(origin);
    auto res = f.lint(body, {{"Origin", origin}});
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK(f.still_serving());
  }
  auto cross_site = f.lint(body, {{"Sec-Fetch-Site", "cross-site"}});
  REQUIRE(cross_site);
  CHECK(cross_site->status == 403);

  for (std::string origin : {f.origin(), "http://localhost:" + port}) {
    CAPTURE(origin);
    auto res = f.lint(body, {{"Origin", origin}, {"Sec-Fetch-Site", "same-origin"}});
    REQUIRE(res);
    CHECK(res->status == 200);
  }
  auto no_origin = f.lint(body);  // curl and scripts send none
  REQUIRE(no_origin);
  CHECK(no_origin->status == 200);
}

TEST_CASE("serve: a body over 1 MB gets 413, with a Content-Length", "[serve]") {
  Fixture f;
  std::string text(kLimit, 'a');
  auto res = f.lint(R"({"text": ")" + text + R"("})");
  REQUIRE(res);
  CHECK(res->status == 413);
  CHECK(error_of(res).find("limit") != std::string::npos);
  CHECK(f.still_serving());

  // Exactly at the limit is fine.
  std::string fits = R"({"text": ")" + std::string(kLimit - 12, 'a') + R"("})";
  REQUIRE(fits.size() == kLimit);
  auto ok = f.lint(fits);
  REQUIRE(ok);
  CHECK(ok->status == 200);

  // A huge declared length is refused from the headers, before any body.
  std::string huge =
      "POST /api/lint HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(f.server.port()) +
      "\r\nContent-Type: application/json\r\nContent-Length: 100000000000\r\n\r\n";
  CHECK(raw_exchange(f.server.port(), huge).starts_with("HTTP/1.1 413"));
  CHECK(f.still_serving());
}

TEST_CASE("serve: a chunked body over 1 MB gets 413 too", "[serve]") {
  Fixture f;
  // httplib sends a body without a length as chunks.
  auto send_chunked = [&](std::size_t total, std::string head, std::string tail) {
    std::size_t sent = 0;
    return f.client.Post(
        "/api/lint",
        [&, total, head, tail](std::size_t, httplib::DataSink& sink) {
          if (sent == 0) sink.write(head.data(), head.size());
          std::string chunk(std::min<std::size_t>(64 * 1024, total - sent), 'a');
          sink.write(chunk.data(), chunk.size());
          sent += chunk.size();
          if (sent >= total) {
            sink.write(tail.data(), tail.size());
            sink.done();
          }
          return true;
        },
        "application/json");
  };
  auto big = send_chunked(2 * kLimit, R"({"text": ")", R"("})");
  REQUIRE(big);
  CHECK(big->status == 413);
  CHECK(f.still_serving());

  auto small = send_chunked(1000, R"({"text": ")", R"("})");
  REQUIRE(small);
  CHECK(small->status == 200);
  CHECK(json::parse(small->body)["echo"]["text_bytes"] == 1000);

  // A chunked body on a GET would be buffered without any limit.
  std::string get = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(f.server.port()) +
                    "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
  CHECK(raw_exchange(f.server.port(), get).starts_with("HTTP/1.1 400"));
  CHECK(f.still_serving());
}

TEST_CASE("serve: malformed JSON and a missing text get 400 with a reason", "[serve]") {
  Fixture f;
  struct Case {
    std::string body, reason;
  };
  for (const Case& c : {Case{R"({"text": "Dear)", "malformed JSON"}, Case{"", "malformed JSON"},
                        Case{"{\"text\": \"\xff\"}", "malformed JSON"},
                        Case{R"({"filename": "a.txt"})", "missing \"text\""},
                        Case{R"({"text": 42})", "\"text\" must be a string"},
                        Case{R"({"text": "x", "filename": 1})", "\"filename\" must be a string"},
                        Case{R"({"text": "x", "context": []})", "\"context\" must be an object"},
                        Case{R"(["text"])", "must be a JSON object"}}) {
    CAPTURE(c.body);
    auto res = f.lint(c.body);
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(error_of(res).find(c.reason) != std::string::npos);
    CHECK(f.still_serving());
  }
  auto form = f.client.Post("/api/lint", "text=x", "application/x-www-form-urlencoded");
  REQUIRE(form);
  CHECK(form->status == 415);
  CHECK(f.still_serving());
}

TEST_CASE("serve: a failing service, a wrong method or path, and the server goes on", "[serve]") {
  Fixture f;
  auto thrown = f.lint(R"({"text": "throw"})");
  REQUIRE(thrown);
  CHECK(thrown->status == 500);
  CHECK(error_of(thrown).find("boom") != std::string::npos);
  CHECK(f.still_serving());

  auto get_lint = f.client.Get("/api/lint");
  REQUIRE(get_lint);
  CHECK(get_lint->status == 405);
  auto put = f.client.Put("/api/lint", "{}", "application/json");
  REQUIRE(put);
  CHECK(put->status == 405);
  auto elsewhere = f.client.Post("/api/other", "{}", "application/json");
  REQUIRE(elsewhere);
  CHECK(elsewhere->status == 404);
  CHECK(f.still_serving());
}

TEST_CASE("serve: a port in use is an error, and stop() is quick and idempotent", "[serve]") {
  Server first(canned_service(), test_options());
  ServeOptions same = test_options();
  same.port = first.port();
  CHECK_THROWS_AS(Server(canned_service(), same), std::runtime_error);
  CHECK(first.running());
  first.stop();
  first.stop();
  CHECK_FALSE(first.running());
}

}  // namespace followup::serve
