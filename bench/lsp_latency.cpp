// followup-lsp-bench: latency of the language server, measured the way an
// editor feels it: from writing an incremental textDocument/didChange to
// reading the publishDiagnostics for that version, over a pipe to a real
// `followup-lint --lsp` child process. Not a test: it prints p50/p99/max.
//
//   followup-lsp-bench [--server PATH] [--edits N] [--sizes 2000,50000] [FILE...]
//
// With FILE arguments, each file is a draft to edit; otherwise drafts of the
// given sizes are generated (a realistic thank-you note grown with more
// paragraphs). PATH defaults to followup-lint next to this program.
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "lsp/protocol.hpp"
#include "lsp/transport.hpp"

namespace fs = std::filesystem;
using followup::lsp::json;
using Clock = std::chrono::steady_clock;

namespace {

class Server {
 public:
  explicit Server(const std::string& path) {
    int to[2], from[2];
    if (::pipe2(to, O_CLOEXEC) != 0 || ::pipe2(from, O_CLOEXEC) != 0) std::exit(2);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(to[0], 0);
      ::dup2(from[1], 1);
      ::execl(path.c_str(), path.c_str(), "--lsp", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(to[0]);
    ::close(from[1]);
    in_ = to[1];
    out_ = from[0];
  }
  ~Server() {
    ::close(in_);
    ::close(out_);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  void send(const json& m) {
    std::string bytes = followup::lsp::frame(followup::lsp::to_text(m));
    std::string_view rest = bytes;
    while (!rest.empty()) {
      ssize_t n = ::write(in_, rest.data(), rest.size());
      if (n <= 0) {
        fmt::print(stderr, "write to the server failed\n");
        std::exit(2);
      }
      rest.remove_prefix(static_cast<size_t>(n));
    }
  }
  std::optional<json> read(int timeout_ms = 30000) {
    for (;;) {
      if (auto f = decoder_.next()) return json::parse(f->body, nullptr, false);
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, timeout_ms) <= 0) return std::nullopt;
      char buf[1 << 16];
      ssize_t n = ::read(out_, buf, sizeof buf);
      if (n <= 0) return std::nullopt;
      decoder_.feed(std::string_view(buf, static_cast<size_t>(n)));
    }
  }
  // Reads until `pred`; nullopt on timeout or EOF.
  template <class Pred>
  std::optional<json> wait(Pred pred) {
    while (auto m = read())
      if (pred(*m)) return m;
    return std::nullopt;
  }

 private:
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  followup::lsp::FrameDecoder decoder_;
};

std::string make_draft(size_t bytes) {
  std::string text =
      "Subject: Thank You – Customer Service Associate Interview\n"
      "To: Sam Jones <sam.jones@example.com>\n"
      "Date: Fri, 21 Nov 2026 09:00:00 -0500\n\n"
      "Dear Mr. Jones,\n\n"
      "Thank you for taking the time to speak with me about the Customer Service Associate "
      "position. "
      "I enjoyed hearing about the diverse clientele your team works with every day.\n\n";
  const std::vector<std::string> paragraphs = {
      "In addition to my enthusiasm for customer service, I bring five years of experience "
      "managing call "
      "centers. That work taught me to troubleshoot problems quickly and to set clear goals for a "
      "team.\n\n",
      "I am a team player with strong communication skills, and I would utilize them from the "
      "first day. "
      "Your point about balancing speed with careful review stuck with me after we hung up.\n\n",
      "At Café Lumière I trained twelve new hires and cut the average wait from nine minutes to "
      "four. "
      "I would bring the same habits to the morning rush at your stores.\n\n",
  };
  const std::string closing =
      "If you have any further questions, you can reach me at (555) 010-4477. Thank you again for "
      "your time.\n\n"
      "Sincerely,\nAna Cruz\n(555) 010-4477\nana.cruz@example.com\n";
  for (size_t i = 0; text.size() + closing.size() < bytes; ++i)
    text += paragraphs[i % paragraphs.size()];
  return text + closing;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

struct Stats {
  double p50, p99, max;
};

Stats measure(Server& server, const std::string& uri, const std::string& text, int edits,
              int& version) {
  server.send(followup::lsp::make_notification(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", uri}, {"languageId", "plaintext"}, {"version", ++version}, {"text", text}}}}));
  auto is_publish = [&](int v) {
    return [&, v](const json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" &&
             m["params"]["uri"] == uri && m["params"].value("version", -1) == v;
    };
  };
  if (!server.wait(is_publish(version))) {
    fmt::print(stderr, "no diagnostics after didOpen\n");
    std::exit(2);
  }
  // Count lines so edits can land all over the draft.
  uint32_t lines = static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n'));
  std::vector<double> ms;
  for (int i = 0; i < edits; ++i) {
    // Type a word at the start of a line, then delete it on the next edit.
    uint32_t line = static_cast<uint32_t>((i / 2) * 7919u % std::max(1u, lines));
    json range_start = {{"line", line}, {"character", 0}};
    json change;
    if (i % 2 == 0) {
      change = {{"range", {{"start", range_start}, {"end", range_start}}}, {"text", "Hello "}};
    } else {
      change = {{"range", {{"start", range_start}, {"end", {{"line", line}, {"character", 6}}}}},
                {"text", ""}};
    }
    ++version;
    auto t0 = Clock::now();
    server.send(followup::lsp::make_notification(
        "textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                   {"contentChanges", json::array({change})}}));
    if (!server.wait(is_publish(version))) {
      fmt::print(stderr, "no diagnostics for version {}\n", version);
      std::exit(2);
    }
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  server.send(followup::lsp::make_notification("textDocument/didClose",
                                               {{"textDocument", {{"uri", uri}}}}));
  return {percentile(ms, 0.50), percentile(ms, 0.99), *std::max_element(ms.begin(), ms.end())};
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  std::string server_path = (fs::path(argv[0]).parent_path() / "followup-lint").string();
  int edits = 1000;
  std::vector<size_t> sizes = {2000, 50000};
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--server" && i + 1 < argc) {
      server_path = argv[++i];
    } else if (a == "--edits" && i + 1 < argc) {
      edits = std::max(2, std::atoi(argv[++i]));
    } else if (a == "--sizes" && i + 1 < argc) {
      sizes.clear();
      std::stringstream ss(argv[++i]);
      for (std::string s; std::getline(ss, s, ',');) sizes.push_back(std::stoul(s));
    } else if (a == "-h" || a == "--help") {
      fmt::print(
          "usage: followup-lsp-bench [--server PATH] [--edits N] [--sizes 2000,50000] [FILE...]\n");
      return 0;
    } else {
      files.push_back(a);
    }
  }
  std::vector<std::pair<std::string, std::string>> drafts;  // name, text
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    drafts.emplace_back(f, buf.str());
  }
  if (files.empty())
    for (size_t s : sizes) drafts.emplace_back(fmt::format("generated {} B", s), make_draft(s));

  Server server(server_path);
  server.send(followup::lsp::make_request(
      1, "initialize", {{"processId", nullptr}, {"capabilities", json::object()}}));
  if (!server.wait([](const json& m) { return m.value("id", 0) == 1; })) {
    fmt::print(stderr, "{} --lsp did not answer initialize\n", server_path);
    return 2;
  }
  server.send(followup::lsp::make_notification("initialized", json::object()));

  fmt::print("didChange -> publishDiagnostics, {} incremental edits per draft ({})\n", edits,
             server_path);
  fmt::print("{:<28} {:>9} {:>9} {:>9} {:>9}\n", "draft", "bytes", "p50 ms", "p99 ms", "max ms");
  int version = 0;
  for (size_t i = 0; i < drafts.size(); ++i) {
    const auto& [name, text] = drafts[i];
    std::string uri = fmt::format("file:///tmp/followup-lsp-bench/draft-{}.txt", i);
    Stats s = measure(server, uri, text, edits, version);
    fmt::print("{:<28} {:>9} {:>9.3f} {:>9.3f} {:>9.3f}\n", name, text.size(), s.p50, s.p99, s.max);
  }
  server.send(followup::lsp::make_request(2, "shutdown", nullptr));
  server.wait([](const json& m) { return m.value("id", 0) == 2; });
  server.send(followup::lsp::make_notification("exit", nullptr));
  return 0;
}
