// Fuzzes the web page's request path: the bytes are what one client sends on
// one connection (request lines, headers, Content-Length and chunked bodies,
// several requests in a row), fed from memory through cpp-httplib's request
// parser to the routes and checks `followup-lint serve` installs
// (serve/site.hpp). The lint behind /api/lint is the real one, on the
// built-in rules, rendered as the page receives it.
//
// Checks: every answer is an HTTP/1.1 status line with a 3-digit code and,
// when it has a body, a JSON one that parses; a request that names another
// Host is never answered 200; nothing is ever answered 5xx.
#include <httplib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "diag/report.hpp"
#include "fuzz_support.hpp"
#include "lint/document.hpp"
#include "serve/site.hpp"

using namespace followup;

namespace {

// One connection's bytes in memory: reads take from the input, writes
// collect the answers.
class MemoryStream : public httplib::Stream {
 public:
  explicit MemoryStream(std::string_view input) : input_(input) {}

  bool is_readable() const override { return at_ < input_.size(); }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    size_t n = std::min(size, input_.size() - at_);
    std::memcpy(ptr, input_.data() + at_, n);
    at_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    output.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 50000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8480;
  }
  socket_t socket() const override { return INVALID_SOCKET; }

  std::string output;

 private:
  std::string_view input_;
  size_t at_ = 0;
};

// httplib's request loop without a socket.
class MemoryServer : public httplib::Server {
 public:
  bool answer(httplib::Stream& stream, bool& closed) {
    return process_request(stream, false, closed, nullptr);
  }
};

serve::LintReply lint_for_page(const serve::LintRequest& request) {
  auto linted = lint::lint_document(request.filename, request.text, fuzz::builtin_settings());
  diag::FileReport report{linted.file.get(), request.filename, "unknown",
                          std::move(linted.result.diagnostics)};
  return {200, diag::render_json({report})};
}

MemoryServer& server() {
  static MemoryServer* http = [] {
    serve::ServeOptions options;
    options.max_body_bytes = 64 * 1024;  // small, so that the fuzzer reaches the cap
    static serve::Site site({lint_for_page, [] { return std::string(R"({"rules":[]})"); }}, options);
    site.set_address("127.0.0.1", 8480);
    auto* s = new MemoryServer;
    site.install(*s);
    return s;
  }();
  return *http;
}

// Each answer in `output`: its status line, and a JSON body that parses.
void check_answers(std::string_view output) {
  size_t at = 0;
  while (at < output.size()) {
    FUZZ_CHECK(output.compare(at, 9, "HTTP/1.1 ") == 0);
    int status = std::atoi(std::string(output.substr(at + 9, 3)).c_str());
    FUZZ_CHECK(status >= 100 && status < 500);
    size_t head_end = output.find("\r\n\r\n", at);
    FUZZ_CHECK(head_end != std::string_view::npos);
    std::string_view head = output.substr(at, head_end - at);
    size_t length = 0;
    if (size_t cl = head.find("Content-Length: "); cl != std::string_view::npos)
      length = std::strtoul(std::string(head.substr(cl + 16, 20)).c_str(), nullptr, 10);
    // A HEAD answer names its length but sends no body.
    std::string_view rest = output.substr(head_end + 4);
    if (rest.empty() || rest.starts_with("HTTP/1.1 ")) length = 0;
    std::string_view body = rest.substr(0, length);
    FUZZ_CHECK(body.size() == length);
    if (length > 0 && head.find("application/json") != std::string_view::npos)
      FUZZ_CHECK(!nlohmann::json::parse(body, nullptr, false).is_discarded());
    at = head_end + 4 + length;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  MemoryStream stream(fuzz::as_text(data, size));
  bool closed = false;
  for (int requests = 0; requests < 8 && stream.is_readable() && !closed; ++requests) {
    size_t before = stream.output.size();
    if (!server().answer(stream, closed)) break;
    // The socket server hangs up after an answer that says so.
    std::string_view answer = std::string_view(stream.output).substr(before);
    if (answer.substr(0, answer.find("\r\n\r\n")).find("Connection: close") != std::string_view::npos) break;
  }
  // FUZZ_HTTP_SHOW=1 prints the answers, to see what an input does.
  static const bool show = std::getenv("FUZZ_HTTP_SHOW") != nullptr;
  if (show) std::fwrite(stream.output.data(), 1, stream.output.size(), stderr);
  check_answers(stream.output);
  return 0;
}
