// The language server under stress, over pipes against the real binary. A
// thousand incremental edits (inserts and deletes next to multi-byte and
// astral characters, positions in UTF-16) are sent without waiting,
// interleaved with hover, codeAction and diagnostic requests, some of them
// cancelled: every request gets exactly one reply (its result, or
// RequestCancelled), and the last diagnostics equal a fresh command-line lint
// of the final text. A burst of edits is linted once. A client that goes away
// mid-message ends the server promptly, with nothing more on stdout.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "lsp/convert.hpp"
#include "support/lsp_session.hpp"
#include "support/process.hpp"

using followup::lsp::json;
using namespace lsp_test;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kEdits = 1000;
constexpr uint32_t kSeed = 20240611;
constexpr int64_t kRequestCancelled = -32800;

// Mixed scripts, combining marks, emoji (astral, surrogate pairs in UTF-16),
// a ZWJ sequence, new lines, and words some rules flag.
const std::vector<std::string> kInserts = {
    "a",        " ",        "the the ", "utilize ",
    "é",        "Zoë",      "😀",        "𝒳",
    "日本語",   "\n",       "\n\n",     "Cheers,",
    "e\u0301",  "👩\u200d💻", "Núñez ",   "I am a team player. ",
    "leverage", "Ω≈ç",      "🇫🇷",
};

std::u16string to_utf16(std::string_view s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += static_cast<size_t>(extra) + 1;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

std::string to_utf8(std::u16string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t cp = s[i];
    if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < s.size()) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (s[++i] - 0xDC00);
    }
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

bool is_low_surrogate(char16_t c) { return c >= 0xDC00 && c < 0xE000; }

size_t uniform(std::mt19937& rng, size_t lo, size_t hi) {
  return std::uniform_int_distribution<size_t>(lo, hi)(rng);
}

// The client's copy of the document, in UTF-16 code units as LSP counts
// them; it computes positions on its own, without the server's conversions.
class Model {
 public:
  explicit Model(const std::string& text) : text_(to_utf16(text)) {}

  std::string utf8() const { return to_utf8(text_); }
  size_t size() const { return text_.size(); }

  json position(size_t offset) const {
    uint32_t line = 0;
    size_t start = 0;
    for (size_t k = 0; k < offset; ++k) {
      if (text_[k] == u'\n') {
        ++line;
        start = k + 1;
      }
    }
    return {{"line", line}, {"character", offset - start}};
  }

  // A random offset that does not split a surrogate pair.
  size_t offset(std::mt19937& rng) const {
    size_t i = uniform(rng, 0, text_.size());
    if (i > 0 && i < text_.size() && is_low_surrogate(text_[i])) --i;
    return i;
  }

  json range(size_t begin, size_t end) const {
    return {{"start", position(begin)}, {"end", position(end)}};
  }

  // Replaces [begin, end) and returns the content change that says so.
  json replace(size_t begin, size_t end, std::string_view utf8) {
    json change = {{"range", range(begin, end)}, {"text", utf8}};
    text_.replace(begin, end - begin, to_utf16(utf8));
    return change;
  }

  // A random insert, delete or replacement, kept to a few kilobytes of text.
  json random_change(std::mt19937& rng) {
    size_t kind = text_.size() > 3000 ? 1 : text_.size() < 600 ? 0 : uniform(rng, 0, 2);
    size_t begin = offset(rng);
    size_t end = begin;
    if (kind != 0) {
      end = std::min(text_.size(), begin + uniform(rng, 1, 6));
      if (end < text_.size() && is_low_surrogate(text_[end])) ++end;
    }
    std::string insert = kind == 1 ? "" : kInserts[uniform(rng, 0, kInserts.size() - 1)];
    return replace(begin, end, insert);
  }

 private:
  std::u16string text_;
};

std::string start_text() {
  std::string cafe = read_text(fixtures_dir() + "/project/cafe.txt");
  return cafe + "\n" + cafe + "\n" + cafe + "\nCheers,\nAna Cruz\n";
}

// A folder with the fixture project's configuration, so that the server (for
// the document's path) and the command line (for the file) use the same.
struct Project {
  lsp_test::TempDir dir;
  fs::path draft;
  std::string uri;

  Project() {
    for (const char* name : {".followup-lint.toml", "house-rules.toml"})
      fs::copy_file(fs::path(fixtures_dir()) / "project" / name, dir.path() / name);
    draft = dir.path() / "stress.txt";
    uri = followup::lsp::path_to_uri(draft);
  }

  // The command line's diagnostics for `text`, as the server should publish them.
  json cli_diagnostics(const std::string& text) const {
    write_text(draft, text);
    auto r =
        followup::testing::run_linter({"--format", "json", "stress.txt"}, "", dir.path().string());
    json out = json::parse(r.out, nullptr, false);
    REQUIRE_FALSE(out.is_discarded());
    REQUIRE(out["files"].size() == 1);
    return sorted_cli_as_lsp(out["files"][0]["diagnostics"], text);
  }
};

json did_change(const std::string& uri, int64_t version, json changes) {
  return rpc_notification("textDocument/didChange",
                          {{"textDocument", {{"uri", uri}, {"version", version}}},
                           {"contentChanges", std::move(changes)}});
}

std::string framed(const json& message) {
  return followup::lsp::frame(followup::lsp::to_text(message));
}

bool is_publish(const json& m, const std::string& uri) {
  return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
}

// A server, initialized, with the project's draft open and its first
// diagnostics read.
std::unique_ptr<Child> open_session(const Project& project, const std::string& text) {
  auto server = std::make_unique<Child>(std::vector<std::string>{FOLLOWUP_BINARY, "--lsp"});
  server->send(rpc_request(1, "initialize", initialize_params()));
  REQUIRE(server->response(1));
  server->send(rpc_notification("initialized"));
  server->send(rpc_notification("textDocument/didOpen", did_open_params(project.uri, text, 1)));
  auto first = server->publish_for(project.uri);
  REQUIRE(first);
  CHECK((*first)["params"]["version"] == 1);
  return server;
}

// Writes `bytes` from another thread in chunks of random size (so frames
// are split anywhere) while the caller reads the replies; `mark` is set to
// the time the first `mark_at` bytes were out.
class Writer {
 public:
  Writer(Child& server, std::string bytes, size_t mark_at)
      : bytes_(std::move(bytes)), thread_([this, &server, mark_at] {
          // A server that went away makes the write fail instead of killing the tests.
          sigset_t block;
          sigemptyset(&block);
          sigaddset(&block, SIGPIPE);
          pthread_sigmask(SIG_BLOCK, &block, nullptr);
          std::mt19937 rng(kSeed + 1);
          size_t pos = 0;
          while (pos < bytes_.size()) {
            size_t n = std::min(bytes_.size() - pos, uniform(rng, 1, 16384));
            if (!server.send_bytes(std::string_view(bytes_).substr(pos, n))) {
              failed_ = true;
              break;
            }
            pos += n;
            if (pos >= mark_at && !marked_) {
              mark_ = Clock::now();
              marked_ = true;
            }
          }
        }) {}
  ~Writer() {
    if (thread_.joinable()) thread_.join();
  }
  void join() { thread_.join(); }
  bool failed() const { return failed_; }
  Clock::time_point mark() const { return mark_; }

 private:
  std::string bytes_;
  std::atomic<bool> failed_{false};
  std::atomic<bool> marked_{false};
  Clock::time_point mark_;
  std::thread thread_;
};

struct SentRequest {
  std::string method;
  bool cancel_sent = false;
  std::optional<std::string> text;  // for some pulls: the text they must see
};

template <typename Duration>
long long millis(Duration d) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

}  // namespace

TEST_CASE("lsp stress: 1000 edits with requests and cancellations end as a fresh lint",
          "[lsp][stress]") {
  Project project;
  const std::string uri = project.uri;
  Model model(start_text());
  auto server = open_session(project, model.utf8());
  auto cpu_before = server->cpu_time();

  // The whole session, built up front: edits, requests (integer and string
  // ids), cancellations right after a request, later, and of unknown ids.
  std::mt19937 rng(kSeed);
  std::string stream;
  std::map<std::string, SentRequest> requests;     // id as JSON text -> what was asked
  std::vector<std::pair<int, json>> late_cancels;  // (after edit n, id)
  int64_t version = 1;
  int sampled = 0;
  for (int edit = 1; edit <= kEdits; ++edit) {
    json changes = json::array();
    size_t count = edit % 10 == 0 ? 3 : 1;  // some notifications carry several changes
    for (size_t k = 0; k < count; ++k) changes.push_back(model.random_change(rng));
    stream += framed(did_change(uri, ++version, std::move(changes)));

    if (edit % 4 == 0) {
      size_t n = requests.size();
      json id = n % 2 ? json(1000 + static_cast<int64_t>(n)) : json("req-" + std::to_string(n));
      SentRequest sent;
      json params = {{"textDocument", {{"uri", uri}}}};
      switch (n % 3) {
        case 0:
          sent.method = "textDocument/hover";
          params["position"] = model.position(model.offset(rng));
          break;
        case 1: {
          sent.method = "textDocument/codeAction";
          size_t a = model.offset(rng), b = model.offset(rng);
          params["range"] = model.range(std::min(a, b), std::max(a, b));
          params["context"] = {{"diagnostics", json::array()}};
          break;
        }
        default:
          sent.method = "textDocument/diagnostic";
          if (n % 48 == 2 && sampled < 5) {
            sent.text = model.utf8();
            ++sampled;
          }
          break;
      }
      stream += framed(followup::lsp::make_request(id, sent.method, params));
      size_t roll = uniform(rng, 0, 7);
      if (!sent.text && roll < 4) {
        stream += framed(rpc_notification("$/cancelRequest", {{"id", id}}));
        sent.cancel_sent = true;
      } else if (!sent.text && roll == 4) {
        late_cancels.push_back({edit + static_cast<int>(uniform(rng, 1, 40)), id});
        sent.cancel_sent = true;
      }
      requests[followup::lsp::to_text(id)] = std::move(sent);
    }
    for (auto it = late_cancels.begin(); it != late_cancels.end();) {
      if (it->first > edit) {
        ++it;
        continue;
      }
      stream += framed(rpc_notification("$/cancelRequest", {{"id", it->second}}));
      it = late_cancels.erase(it);
    }
    if (edit % 100 == 0)  // ids never used: ignored
      stream += framed(rpc_notification("$/cancelRequest", {{"id", 999000 + edit}}));
  }
  const size_t edits_end = stream.size();
  for (const auto& [after, id] : late_cancels)
    stream += framed(rpc_notification("$/cancelRequest", {{"id", id}}));
  const int64_t final_version = version;
  const std::string final_text = model.utf8();

  // Send it all without waiting, reading the replies meanwhile.
  Writer writer(*server, std::move(stream), edits_end);
  std::vector<json> received;
  std::optional<Clock::time_point> published_at;
  size_t responses = 0;
  auto deadline = Clock::now() + std::chrono::seconds(120);
  while ((!published_at || responses < requests.size()) && Clock::now() < deadline) {
    auto m = server->read(Millis(1000));
    if (!m && server->wait_exit(Millis(0))) break;  // the server died: the checks below say so
    if (!m) continue;
    if (is_publish(*m, uri) && (*m)["params"]["version"] == final_version)
      published_at = Clock::now();
    if (m->contains("id") && !m->contains("method")) ++responses;
    received.push_back(std::move(*m));
  }
  writer.join();
  REQUIRE_FALSE(writer.failed());
  REQUIRE(published_at);
  auto cpu = server->cpu_time() - cpu_before;
  auto latency = *published_at - writer.mark();

  // Then a last pull, shutdown and exit; everything up to the end of output, in order.
  server->send(followup::lsp::make_request("final", "textDocument/diagnostic",
                                           {{"textDocument", {{"uri", uri}}}}));
  server->send(rpc_request(2, "shutdown", nullptr));
  server->send(rpc_notification("exit", nullptr));
  while (auto m = server->read(Millis(20000))) received.push_back(std::move(*m));
  CHECK(server->wait_exit() == 0);
  json pulled, bye;
  for (const auto& m : received) {
    if (m.contains("method")) continue;
    if (m.value("id", json()) == "final") pulled = m;
    if (m.value("id", json()) == 2) bye = m;
  }
  REQUIRE(pulled.is_object());
  REQUIRE(bye.is_object());
  CHECK(received.back() == bye);  // nothing after the reply to shutdown

  json last_publish;
  int64_t last_version = 0;
  bool versions_ascend = true;
  std::map<std::string, int> replies;
  int cancelled = 0;
  for (const auto& m : received) {
    CHECK_FALSE(m.contains("unparsable"));
    if (is_publish(m, uri)) {
      int64_t v = m["params"]["version"];
      versions_ascend = versions_ascend && v >= last_version;
      last_version = v;
      last_publish = m["params"];
      continue;
    }
    if (!m.contains("id") || m.contains("method")) continue;
    std::string key = followup::lsp::to_text(m["id"]);
    if (!requests.count(key)) continue;  // initialize, shutdown
    ++replies[key];
    const SentRequest& sent = requests[key];
    INFO(sent.method << " " << key << ": " << m.dump().substr(0, 300));
    if (m.contains("error")) {
      CHECK(m["error"]["code"] == kRequestCancelled);
      CHECK(sent.cancel_sent);
      ++cancelled;
      continue;
    }
    REQUIRE(m.contains("result"));
    const json& result = m["result"];
    if (sent.method == "textDocument/hover") {
      CHECK((result.is_null() || result["contents"]["kind"] == "markdown"));
    } else if (sent.method == "textDocument/codeAction") {
      CHECK(result.is_array());
    } else {
      CHECK(result["kind"] == "full");
      if (sent.text) {
        // The pull saw exactly the edits sent before it, no more, no fewer.
        CHECK(sorted_comparable(result["items"]) == project.cli_diagnostics(*sent.text));
      }
    }
  }
  CHECK(versions_ascend);
  for (const auto& [key, sent] : requests) {
    INFO(sent.method << " " << key);
    CHECK(replies[key] == 1);
  }
  CHECK(cancelled > 0);

  REQUIRE(last_publish.is_object());
  CHECK(last_publish["version"] == final_version);
  json expected = project.cli_diagnostics(final_text);
  CHECK(sorted_comparable(last_publish["diagnostics"]) == expected);
  CHECK(pulled["result"]["items"] == last_publish["diagnostics"]);
  CHECK_FALSE(expected.empty());

  WARN("measured: " << kEdits << " edits and " << requests.size() << " requests (" << cancelled
                    << " cancelled): last edit to final publishDiagnostics " << millis(latency)
                    << " ms; server CPU " << millis(cpu) << " ms; "
                    << "final text " << final_text.size() << " bytes, " << expected.size()
                    << " diagnostics");
}

TEST_CASE("lsp stress: a burst of 1000 edits sent at once is linted once", "[lsp][stress]") {
  Project project;
  Model model(start_text());
  auto server = open_session(project, model.utf8());

  std::mt19937 rng(kSeed + 2);
  std::string burst;
  int64_t version = 1;
  for (int edit = 1; edit <= kEdits; ++edit)
    burst += framed(did_change(project.uri, ++version, json::array({model.random_change(rng)})));
  // In one write into a pipe large enough for all of it, the server finds
  // the whole burst waiting and lints once at its end.
  bool whole = burst.size() < (size_t{1} << 20) && server->set_input_pipe_size(1 << 20);

  auto cpu_before = server->cpu_time();
  REQUIRE(server->send_bytes(burst));
  auto sent_at = Clock::now();
  int publishes = 0;
  json last;
  while (auto m = server->read(Millis(60000))) {
    if (!is_publish(*m, project.uri)) continue;
    ++publishes;
    if ((*m)["params"]["version"] == version) {
      last = (*m)["params"];
      break;
    }
  }
  auto latency = Clock::now() - sent_at;
  auto cpu = server->cpu_time() - cpu_before;
  REQUIRE(last.is_object());
  if (whole) {
    CHECK(publishes == 1);
  } else {
    WARN("the pipe could not hold the whole burst; " << publishes << " publishes");
    CHECK(publishes < 20);
  }
  CHECK(sorted_comparable(last["diagnostics"]) == project.cli_diagnostics(model.utf8()));

  server->send(rpc_request(2, "shutdown", nullptr));
  REQUIRE(server->response(2));
  server->send(rpc_notification("exit", nullptr));
  CHECK(server->wait_exit() == 0);
  WARN("measured: burst of " << kEdits << " edits (" << burst.size() << " bytes) in one write: "
                             << publishes << " publish, " << millis(latency)
                             << " ms from the write to it; server CPU " << millis(cpu) << " ms");
}

TEST_CASE("lsp stress: a client that disappears mid-message ends the server promptly",
          "[lsp][stress]") {
  Project project;
  Model model(start_text());
  std::mt19937 rng(kSeed + 3);
  std::string change = framed(did_change(project.uri, 2, json::array({model.random_change(rng)})));

  // Closing stdin: the server exits with 1 (no shutdown), logs the dropped
  // bytes, and writes nothing more.
  auto closes_quietly = [&](std::string_view partial) {
    auto server = open_session(project, start_text());
    REQUIRE(server->send_bytes(partial));
    server->close_stdin();
    auto closed_at = Clock::now();
    CHECK(server->wait_exit(Millis(10000)) == 1);
    CHECK(millis(Clock::now() - closed_at) < 3000);
    CHECK_FALSE(server->read(Millis(5000)));  // end of output, no message
    CHECK(server->stderr_text().find("end of input inside a message") != std::string::npos);
  };
  SECTION("halfway through a frame's body") { closes_quietly(change.substr(0, change.size() / 2)); }
  SECTION("halfway through a header") { closes_quietly(change.substr(0, 9)); }
  SECTION("between the header and the body") {
    closes_quietly(change.substr(0, change.find("\r\n\r\n") + 4));
  }

  SECTION("cut off in the middle of a stream of edits and requests") {
    auto server = open_session(project, start_text());
    Model m(start_text());
    std::string stream;
    int64_t version = 1;
    for (int edit = 1; edit <= 300; ++edit) {
      stream += framed(did_change(project.uri, ++version, json::array({m.random_change(rng)})));
      if (edit % 10 == 0)
        stream += framed(rpc_request(100 + edit, "textDocument/diagnostic",
                                     {{"textDocument", {{"uri", project.uri}}}}));
    }
    std::string last_text = m.utf8();
    std::string cut =
        framed(did_change(project.uri, version + 1, json::array({m.random_change(rng)})));
    stream += cut.substr(0, cut.size() / 2);
    {
      Writer writer(*server, std::move(stream), 0);
      json last;
      int replies = 0;
      while (auto msg = server->read(Millis(20000))) {
        if (is_publish(*msg, project.uri)) last = (*msg)["params"];
        if (msg->contains("id")) ++replies;
        if (last.is_object() && last["version"] == version && replies == 30) break;
      }
      writer.join();
      CHECK_FALSE(writer.failed());
      REQUIRE(last.is_object());
      CHECK(last["version"] == version);
      CHECK(replies == 30);
      CHECK(sorted_comparable(last["diagnostics"]) == project.cli_diagnostics(last_text));
    }
    server->close_stdin();
    CHECK(server->wait_exit(Millis(10000)) == 1);
    CHECK_FALSE(server->read(Millis(5000)));
  }

  SECTION("gone altogether: both pipes closed while the server has replies to write") {
    auto server = open_session(project, start_text());
    Model m(start_text());
    std::string stream;
    int64_t version = 1;
    for (int edit = 1; edit <= 400; ++edit) {
      stream += framed(did_change(project.uri, ++version, json::array({m.random_change(rng)})));
      stream += framed(rpc_request(100 + edit, "textDocument/diagnostic",
                                   {{"textDocument", {{"uri", project.uri}}}}));
    }
    server->close_stdout();
    {
      Writer writer(*server, std::move(stream), 0);
      writer.join();
    }
    server->close_stdin();
    auto code = server->wait_exit(Millis(20000));
    REQUIRE(code);
    CHECK(*code == 1);  // an exit code, not a signal
    CHECK(server->stderr_text().find("cannot write to the client") != std::string::npos);
  }

  SECTION("end of input after shutdown and exit is a clean exit 0") {
    auto server = open_session(project, start_text());
    server->send(rpc_request(2, "shutdown", nullptr));
    server->send(rpc_notification("exit", nullptr));
    server->send_bytes(change.substr(0, change.size() / 2));  // after exit: never read
    server->close_stdin();
    auto bye = server->response(2);
    REQUIRE(bye);
    CHECK(bye->contains("result"));
    CHECK(server->wait_exit(Millis(10000)) == 0);
    CHECK_FALSE(server->read(Millis(5000)));
    CHECK(server->seen.empty());
    CHECK(server->stderr_text().find("end of input") == std::string::npos);
  }
}
