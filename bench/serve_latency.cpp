// Round-trip time of POST /api/lint for a 2 KB draft, as the page sees it:
// one keep-alive connection, the Origin header a browser sends.
//
//   followup-serve-bench http://127.0.0.1:8480/ [DRAFT_FILE] [REQUESTS]
//       against a running server (`followup-lint serve --port 8480`)
//   followup-serve-bench --in-process [DRAFT_FILE] [REQUESTS]
//       the server alone, with a service that answers at once
//
// Prints p50, p90, p99 and max in milliseconds. The target is p99 < 20 ms.
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "serve/service.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// About 2 KB, shaped like a note (salutation, paragraphs, closing).
std::string sample_draft() {
  std::string text =
      "Subject: Thank you - Customer Service Associate interview\n"
      "To: Sam Jones <sam.jones@example.com>\n\nDear Mr. Jones and Ms. Smith,\n\n";
  const std::string paragraph =
      "Thank you for speaking with me yesterday about the Customer Service Associate role. "
      "I enjoyed hearing how your team handles difficult calls, and I am a team player "
      "with strong communication skills. I would welcome the chance to help.\n\n";
  while (text.size() < 1900) text += paragraph;
  return text + "Cheers,\nAna\n";
}

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[i];
}

int measure(const std::string& host, int port, const std::string& draft, int requests) {
  httplib::Client client(host, port);
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);  // as browsers do
  std::string origin = "http://" + host + ":" + std::to_string(port);
  std::string body = nlohmann::json{{"text", draft},
                                    {"filename", "draft.txt"},
                                    {"context", {{"interviewers", {"Mr. Jones"}}}}}
                         .dump();
  std::vector<double> ms;
  for (int i = 0; i < requests + 20; ++i) {
    auto start = Clock::now();
    auto res = client.Post("/api/lint", {{"Origin", origin}}, body, "application/json");
    auto elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (!res || res->status != 200) {
      std::fprintf(stderr, "request %d failed (%d)\n", i, res ? res->status : -1);
      return 1;
    }
    if (i >= 20) ms.push_back(elapsed);  // the first ones warm caches up
  }
  std::printf("%d requests, %zu-byte draft: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
              requests, draft.size(), percentile(ms, 0.5), percentile(ms, 0.9),
              percentile(ms, 0.99), *std::max_element(ms.begin(), ms.end()));
  return percentile(ms, 0.99) < 20.0 ? 0 : 1;
}

// "http://127.0.0.1:8480/" -> host, port
bool split_url(const std::string& url, std::string& host, int& port) {
  constexpr std::string_view kScheme = "http://";
  if (!url.starts_with(kScheme)) return false;
  std::string rest = url.substr(kScheme.size());
  rest = rest.substr(0, rest.find('/'));
  auto colon = rest.rfind(':');
  if (colon == std::string::npos) return false;
  host = rest.substr(0, colon);
  port = std::stoi(rest.substr(colon + 1));
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: followup-serve-bench URL|--in-process [DRAFT_FILE] [REQUESTS]\n");
    return 2;
  }
  std::string draft = argc > 2 && argv[2][0] != '\0' ? read_file(argv[2]) : sample_draft();
  int requests = argc > 3 ? std::stoi(argv[3]) : 1000;
  std::string target = argv[1];
  if (target == "--in-process") {
    followup::serve::Service service;
    std::string canned =
        R"({"version":1,"files":[],"summary":{"files":0,"errors":0,"warnings":0,"infos":0}})";
    service.lint = [canned](const followup::serve::LintRequest&) {
      return followup::serve::LintReply{200, canned};
    };
    followup::serve::ServeOptions options;
    options.port = 0;
    followup::serve::Server server(service, options);
    return measure("127.0.0.1", server.port(), draft, requests);
  }
  std::string host;
  int port = 0;
  if (!split_url(target, host, port)) {
    std::fprintf(stderr, "followup-serve-bench: not an http://HOST:PORT/ URL: %s\n", argv[1]);
    return 2;
  }
  return measure(host, port, draft, requests);
}
