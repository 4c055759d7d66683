// The server of `followup-lint serve` under load and abuse on loopback:
// 1,000 connections at once (all asking, all idle, all stalled in their
// headers), Transfer-Encoding with Content-Length, absurd chunk sizes. Each
// test is bounded in count (1,000 connections) and in time (every socket
// gives up after 30 s); none measures speed. The server must answer the
// plain request that comes after, and its memory must stay bounded.
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "serve/service.hpp"
#include "support/loopback.hpp"

namespace followup::serve {
namespace {

constexpr int kConnections = 1000;

Service echo_service() {
  Service service;
  service.lint = [](const LintRequest& req) {
    return LintReply{200, nlohmann::json{{"text_bytes", req.text.size()}}.dump()};
  };
  service.rules_json = [] { return std::string(R"({"rules":[]})"); };
  return service;
}

ServeOptions any_port() {
  ServeOptions options;
  options.port = 0;
  return options;
}

// Client and server share this process: 1,000 connections take 2,000
// descriptors. Raises the soft limit to what the hard limit allows.
void allow_descriptors(rlim_t wanted) {
  rlimit limit{};
  REQUIRE(getrlimit(RLIMIT_NOFILE, &limit) == 0);
  if (limit.rlim_cur >= wanted) return;
  limit.rlim_cur = std::min(wanted, limit.rlim_max);
  if (limit.rlim_cur < wanted && geteuid() == 0) limit.rlim_cur = limit.rlim_max = wanted;
  setrlimit(RLIMIT_NOFILE, &limit);
  REQUIRE(getrlimit(RLIMIT_NOFILE, &limit) == 0);
  INFO("open files allowed: " << limit.rlim_cur << "; the test needs " << wanted);
  REQUIRE(limit.rlim_cur >= wanted);
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// A blocking loopback connection whose reads give up after 30 s.
int connect_to(int port) { return followup::testing::connect_loopback(port, 30); }

void send_all(int fd, const std::string& bytes) {
  REQUIRE(send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size()));
}

// Everything the server sends until it closes the connection (or 30 s
// pass: then `closed`, when given, is false).
std::string read_to_close(int fd, bool* closed = nullptr) {
  std::string out;
  char buf[4096];
  ssize_t n = 0;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<size_t>(n));
  if (closed) *closed = n == 0;
  return out;
}

std::string host(int port) { return "Host: 127.0.0.1:" + std::to_string(port) + "\r\n"; }

std::string get_rules(int port) {
  return "GET /api/rules HTTP/1.1\r\n" + host(port) + "Connection: close\r\n\r\n";
}

// The plain request every test ends with: one fresh connection, one answer.
bool answers(int port) {
  int fd = connect_to(port);
  send_all(fd, get_rules(port));
  bool ok = read_to_close(fd).starts_with("HTTP/1.1 200");
  close(fd);
  return ok;
}

struct Flood {
  std::vector<int> fds;
  ~Flood() {
    for (int fd : fds) close(fd);
  }
};

}  // namespace

TEST_CASE("serve load: 1,000 connections that all ask at once are all answered", "[serve]") {
  allow_descriptors(2 * kConnections + 200);
  Server server(echo_service(), any_port());
  long rss_before = peak_rss_kb();
  Flood flood;
  for (int i = 0; i < kConnections; ++i) {
    flood.fds.push_back(connect_to(server.port()));
    send_all(flood.fds.back(), get_rules(server.port()));
  }
  int answered = 0;
  for (int fd : flood.fds) answered += read_to_close(fd).starts_with("HTTP/1.1 200") ? 1 : 0;
  CHECK(answered == kConnections);
  CHECK(answers(server.port()));
  // Workers are capped (256 threads), so memory is too.
  INFO("peak RSS " << rss_before / 1024 << " MB -> " << peak_rss_kb() / 1024 << " MB");
  CHECK(peak_rss_kb() - rss_before < 200 * 1024);
}

TEST_CASE("serve load: 1,000 idle connections do not keep a request from its answer",
          "[serve]") {
  allow_descriptors(2 * kConnections + 200);
  Server server(echo_service(), any_port());
  Flood flood;
  for (int i = 0; i < kConnections; ++i) flood.fds.push_back(connect_to(server.port()));
  CHECK(answers(server.port()));
}

TEST_CASE("serve load: 1,000 connections stalled in their headers are dropped, and it serves on",
          "[serve]") {
  allow_descriptors(2 * kConnections + 200);
  Server server(echo_service(), any_port());
  Flood flood;
  for (int i = 0; i < kConnections; ++i) {
    flood.fds.push_back(connect_to(server.port()));
    // Headers begun and never ended: the slowloris pattern.
    send_all(flood.fds.back(), "POST /api/lint HTTP/1.1\r\n" + host(server.port()) + "X-Slow: 1");
  }
  CHECK(answers(server.port()));
  // Each stalled connection is closed by the server (after a 400 for the
  // unfinished request), within the 30 s each read waits.
  int closed = 0;
  for (int i = 0; i < kConnections; i += 100) {
    bool by_server = false;
    std::string got = read_to_close(flood.fds[static_cast<size_t>(i)], &by_server);
    closed += by_server && (got.empty() || got.starts_with("HTTP/1.1 400")) ? 1 : 0;
  }
  CHECK(closed == kConnections / 100);
}

TEST_CASE("serve load: Transfer-Encoding with Content-Length is refused, nothing smuggled",
          "[serve]") {
  Server server(echo_service(), any_port());
  const int port = server.port();
  std::string body = R"({"text": "hi"})";
  // A proxy that reads Content-Length would see one request; a server that
  // reads the chunks would see a second one, smuggled, after them.
  std::string smuggle = "POST /api/lint HTTP/1.1\r\n" + host(port) +
                        "Content-Type: application/json\r\nContent-Length: 4\r\n"
                        "Transfer-Encoding: chunked\r\n\r\n" +
                        "e\r\n" + body + "\r\n0\r\n\r\n" + get_rules(port);
  int fd = connect_to(port);
  send_all(fd, smuggle);
  std::string got = read_to_close(fd);
  close(fd);
  CHECK(got.starts_with("HTTP/1.1 400"));
  CHECK(got.find("both Transfer-Encoding and Content-Length") != std::string::npos);
  CHECK(got.find("HTTP/1.1", 1) == std::string::npos);  // one answer, then closed
  CHECK(answers(port));
}

TEST_CASE("serve load: absurd chunk sizes are refused without being allocated", "[serve]") {
  Server server(echo_service(), any_port());
  const int port = server.port();
  long rss_before = peak_rss_kb();
  for (std::string size : {"FFFFFFFFFFFFFFFF", "7FFFFFFFFFFFFFFF", "100000000", "-1", "zz"}) {
    INFO("chunk size " << size);
    int fd = connect_to(port);
    send_all(fd, "POST /api/lint HTTP/1.1\r\n" + host(port) +
                     "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + size +
                     "\r\n{\"text\": \"hi\"}\r\n0\r\n\r\n");
    shutdown(fd, SHUT_WR);  // no more bytes: the server need not wait for its read timeout
    std::string got = read_to_close(fd);
    close(fd);
    // 400 or 413, or a dropped connection; never a lint of a partial body.
    CHECK_FALSE(got.starts_with("HTTP/1.1 200"));
  }
  CHECK(peak_rss_kb() - rss_before < 100 * 1024);
  CHECK(answers(port));
}

}  // namespace followup::serve
