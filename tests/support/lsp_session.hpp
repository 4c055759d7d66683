// Helpers shared by the language server tests: an in-process server that
// records what it sends, and a child process running `followup-lint --lsp`
// over pipes, read with timeouts so a hung server fails a test instead of
// hanging it.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "lint/workspace.hpp"
#include "lsp/protocol.hpp"
#include "lsp/server.hpp"
#include "lsp/transport.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace lsp_test {

using followup::lsp::json;
using Millis = std::chrono::milliseconds;

inline std::string fixtures_dir() { return std::string(FOLLOWUP_SOURCE_DIR) + "/fixtures/lsp"; }

using followup::testing::read_text;
using followup::testing::TempDir;
using followup::testing::write_text;

// UTF-16 code units in UTF-8 text `s`.
inline uint32_t utf16_units(std::string_view s) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    n += c >= 0xF0 ? 2 : 1;
  }
  return n;
}

// The UTF-16 column of 1-based code-point column `column` on 1-based `line`
// (lines end in '\n'), as the command line counts them (SPEC §6).
inline uint32_t utf16_column(const std::string& text, uint32_t line, uint32_t column) {
  size_t start = 0;
  for (uint32_t l = 1; l < line; ++l) start = text.find('\n', start) + 1;
  size_t i = start;
  for (uint32_t c = 1; c < column; ++c) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return utf16_units(std::string_view(text).substr(start, i - start));
}

inline json lsp_range(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

// A diagnostic of the command line's JSON output (`--format json`) for
// `text`, as the language server should publish it: code, message (with the
// help line), severity and UTF-16 range. Compare it with comparable().
inline json cli_as_lsp(const json& c, const std::string& text) {
  std::string message = c["message"];
  if (c.contains("help") && c["help"].is_string() && !c["help"].get<std::string>().empty())
    message += "\nhelp: " + c["help"].get<std::string>();
  uint32_t line = c["line"], end_line = c["end_line"];
  return {{"code", c["rule"]},
          {"message", message},
          {"severity", c["severity"] == "error"     ? 1
                       : c["severity"] == "warning" ? 2
                                                    : 3},
          {"range", lsp_range(line - 1, utf16_column(text, line, c["column"]), end_line - 1,
                              utf16_column(text, end_line, c["end_column"]))}};
}

// The fields of a published LSP diagnostic that cli_as_lsp() gives.
inline json comparable(const json& d) {
  return {{"code", d["code"]},
          {"message", d["message"]},
          {"severity", d["severity"]},
          {"range", d["range"]}};
}

// Both lists as comparable items in one order, so that they compare equal
// when they hold the same diagnostics.
inline json sorted_cli_as_lsp(const json& cli_diagnostics, const std::string& text) {
  json out = json::array();
  for (const auto& c : cli_diagnostics) out.push_back(cli_as_lsp(c, text));
  std::sort(out.begin(), out.end());
  return out;
}
inline json sorted_comparable(const json& lsp_diagnostics) {
  json out = json::array();
  for (const auto& d : lsp_diagnostics) out.push_back(comparable(d));
  std::sort(out.begin(), out.end());
  return out;
}

inline json rpc_request(int64_t id, std::string_view method, json params = json::object()) {
  return followup::lsp::make_request(id, method, std::move(params));
}
inline json rpc_notification(std::string_view method, json params = json::object()) {
  return followup::lsp::make_notification(method, std::move(params));
}
inline json initialize_params(json capabilities = json::object()) {
  return {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", std::move(capabilities)}};
}
inline json did_open_params(const std::string& uri, const std::string& text, int version = 1) {
  return {{"textDocument",
           {{"uri", uri}, {"languageId", "plaintext"}, {"version", version}, {"text", text}}}};
}

// The server in this process; everything it sends lands in `sent`.
class InProcess {
 public:
  explicit InProcess(followup::lsp::ServerOptions options = {})
      : workspace_(followup::lint::WorkspaceOptions{}),
        server_(
            workspace_, [this](const json& m) { sent.push_back(m); }, options) {}

  // Sends one message framed, as a client would, and returns what came back.
  std::vector<json> send(const json& message) {
    size_t before = sent.size();
    server_.receive(followup::lsp::frame(followup::lsp::to_text(message)));
    return {sent.begin() + static_cast<std::ptrdiff_t>(before), sent.end()};
  }
  std::vector<json> send_bytes(std::string_view bytes) {
    size_t before = sent.size();
    server_.receive(bytes);
    return {sent.begin() + static_cast<std::ptrdiff_t>(before), sent.end()};
  }
  // The response to request `id` among the messages it produced.
  json call(int64_t id, std::string_view method, json params = json::object()) {
    for (auto& m : send(rpc_request(id, method, std::move(params))))
      if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
    throw std::runtime_error("no response to " + std::string(method));
  }
  std::vector<json> notify(std::string_view method, json params = json::object()) {
    return send(rpc_notification(method, std::move(params)));
  }
  json initialize(json capabilities = json::object()) {
    json r = call(0, "initialize", initialize_params(std::move(capabilities)));
    notify("initialized");
    return r;
  }
  // The last publishDiagnostics for `uri`, or null.
  json last_publish(const std::string& uri) const {
    for (auto it = sent.rbegin(); it != sent.rend(); ++it)
      if ((*it).value("method", "") == "textDocument/publishDiagnostics" &&
          (*it)["params"]["uri"] == uri)
        return (*it)["params"];
    return nullptr;
  }
  followup::lsp::Server& server() { return server_; }

  std::vector<json> sent;

 private:
  followup::lint::Workspace workspace_;
  followup::lsp::Server server_;
};

// `followup-lint --lsp` as a child process with pipes on stdin and stdout;
// its stderr goes to a file in a folder of its own (read with stderr_text()).
class Child {
 public:
  explicit Child(std::vector<std::string> args, const std::string& cwd = {}) {
    int to_child[2], from_child[2];
    if (::pipe2(to_child, O_CLOEXEC) != 0 || ::pipe2(from_child, O_CLOEXEC) != 0)
      throw std::runtime_error("pipe failed");
    err_path_ = (tmp_ / "stderr.txt").string();
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      ::dup2(to_child[0], STDIN_FILENO);
      ::dup2(from_child[1], STDOUT_FILENO);
      int err = ::open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (err >= 0) ::dup2(err, STDERR_FILENO);
      if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    in_ = to_child[1];
    out_ = from_child[0];
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (in_ >= 0) ::close(in_);
    if (out_ >= 0) ::close(out_);
    if (pid_ > 0 && !status_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  // False when the server has stopped reading; a server that has exited
  // makes the write fail instead of killing the tests with SIGPIPE.
  bool send_bytes(std::string_view bytes) {
    sigset_t pipe_signal, old_mask;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &pipe_signal, &old_mask);
    bool ok = true;
    while (!bytes.empty()) {
      ssize_t n = ::write(in_, bytes.data(), bytes.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        ok = false;
        break;
      }
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    if (!ok && errno == EPIPE) {
      timespec now{};
      ::sigtimedwait(&pipe_signal, nullptr, &now);  // the SIGPIPE the failed write raised
    }
    ::pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
    return ok;
  }
  bool send(const json& message) {
    return send_bytes(followup::lsp::frame(followup::lsp::to_text(message)));
  }
  void close_stdin() {
    if (in_ >= 0) ::close(in_);
    in_ = -1;
  }
  // The client goes away without reading what the server still has to say.
  void close_stdout() {
    if (out_ >= 0) ::close(out_);
    out_ = -1;
    eof_ = true;
  }
  // Grows the pipe to the server's stdin (F_SETPIPE_SZ), so that a burst of
  // messages fits in it whole; false if the system refuses.
  bool set_input_pipe_size(int bytes) {
    return in_ >= 0 && ::fcntl(in_, F_SETPIPE_SZ, bytes) >= bytes;
  }
  pid_t pid() const { return pid_; }
  // CPU time (user + system) the server has used so far, from /proc: the
  // nanosecond count of schedstat (the server has one thread), else the
  // clock ticks of stat.
  std::chrono::microseconds cpu_time() const {
    std::string proc = "/proc/" + std::to_string(pid_);
    std::istringstream schedstat(read_text(proc + "/schedstat"));
    long long ns = 0;
    if (schedstat >> ns) return std::chrono::microseconds(ns / 1000);
    std::string stat = read_text(proc + "/stat");
    size_t paren = stat.rfind(')');
    if (paren == std::string::npos) return std::chrono::microseconds(-1);
    std::istringstream fields(stat.substr(paren + 2));
    std::string field;
    long long ticks = 0;
    for (int i = 0; i < 13 && fields >> field; ++i)
      if (i == 11 || i == 12) ticks += std::stoll(field);  // utime, stime
    return std::chrono::microseconds(ticks * 1000000 / ::sysconf(_SC_CLK_TCK));
  }

  // The next message from the server, or nullopt after `timeout` or at EOF.
  std::optional<json> read(Millis timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      if (!queue_.empty()) {
        json m = std::move(queue_.front());
        queue_.pop_front();
        return m;
      }
      if (auto f = decoder_.next()) {
        json m = json::parse(f->body, nullptr, false);
        queue_.push_back(f->error.empty() && !m.is_discarded() ? m : json{{"unparsable", f->body}});
        continue;
      }
      auto left = std::chrono::duration_cast<Millis>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || eof_) return std::nullopt;
      pollfd p{out_, POLLIN, 0};
      int r = ::poll(&p, 1, static_cast<int>(left.count()));
      if (r <= 0) continue;
      char buf[65536];
      ssize_t n = ::read(out_, buf, sizeof buf);
      if (n <= 0) {
        eof_ = true;
        continue;
      }
      decoder_.feed(std::string_view(buf, static_cast<size_t>(n)));
    }
  }
  // The first message, among those passed over before (`seen`) and then
  // those still to come, for which `pred` holds. Messages passed over are
  // kept in `seen`, so the order in which replies and notifications arrive
  // does not matter.
  std::optional<json> wait_for(const std::function<bool(const json&)>& pred,
                               Millis timeout = Millis(20000)) {
    for (auto it = seen.begin(); it != seen.end(); ++it) {
      if (pred(*it)) {
        json m = std::move(*it);
        seen.erase(it);
        return m;
      }
    }
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      auto left = std::chrono::duration_cast<Millis>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      auto m = read(left);
      if (!m) return std::nullopt;
      if (pred(*m)) return m;
      seen.push_back(*m);
    }
  }
  std::optional<json> response(int64_t id, Millis timeout = Millis(20000)) {
    return wait_for(
        [id](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); },
        timeout);
  }
  std::optional<json> publish_for(const std::string& uri, Millis timeout = Millis(20000)) {
    return wait_for(
        [&](const json& m) {
          return m.value("method", "") == "textDocument/publishDiagnostics" &&
                 m["params"]["uri"] == uri;
        },
        timeout);
  }
  // The exit status (or -signal), or nullopt if still running after `timeout`.
  std::optional<int> wait_exit(Millis timeout = Millis(20000)) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!status_) {
      int status = 0;
      pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
        break;
      }
      if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
      std::this_thread::sleep_for(Millis(10));
    }
    return status_;
  }
  std::string stderr_text() const { return read_text(err_path_); }

  std::vector<json> seen;

 private:
  TempDir tmp_;  // holds the server's stderr
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  bool eof_ = false;
  std::optional<int> status_;
  std::string err_path_;
  followup::lsp::FrameDecoder decoder_;
  std::deque<json> queue_;
};

}  // namespace lsp_test
