// Transcript tests: fixtures/lsp/<name>.jsonrpc holds client messages
// separated by lines of `---`; each is framed and fed to an in-process server
// (the same receive() path serve() uses), and everything the server sends
// back is compared with <name>.expected (pretty-printed, sorted keys).
// FOLLOWUP_LINT_UPDATE_SNAPSHOTS=1 rewrites the .expected files.
//
// In the output, the server's version shows as ${VERSION}. In a message, ${ROOT_URI} is the file://
// URI of fixtures/lsp, ${ROOT} its path, and ${FILE:rel/path} the named file's text as a JSON
// string. A message whose first line is `#text` is framed as written (for invalid JSON); one
// starting with `#raw` is sent as bytes, unframed, with the escapes \r and \n (for bad headers).
// Lines starting with `//` before a message are comments.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "lsp/convert.hpp"
#include "lsp/transport.hpp"
#include "support/lsp_session.hpp"

using followup::lsp::json;
using namespace lsp_test;
namespace fs = std::filesystem;

namespace {

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

std::vector<std::string> split_messages(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  size_t i = 0;
  while (i <= text.size()) {
    size_t eol = text.find('\n', i);
    std::string line = text.substr(i, eol == std::string::npos ? std::string::npos : eol - i);
    if (line == "---") {
      out.push_back(current);
      current.clear();
    } else {
      current += line + "\n";
    }
    if (eol == std::string::npos) break;
    i = eol + 1;
  }
  out.push_back(current);
  // Drop comments and whitespace-only messages.
  std::vector<std::string> kept;
  for (auto& m : out) {
    std::string body;
    bool leading = true;
    size_t p = 0;
    while (p < m.size()) {
      size_t e = m.find('\n', p);
      std::string line = m.substr(p, e - p);
      p = e == std::string::npos ? m.size() : e + 1;
      if (leading && line.rfind("//", 0) == 0) continue;
      leading = false;
      body += line + "\n";
    }
    if (body.find_first_not_of(" \t\r\n") != std::string::npos) kept.push_back(body);
  }
  return kept;
}

std::string substitute(std::string text, const std::string& root, const std::string& root_uri) {
  for (size_t at = text.find("${FILE:"); at != std::string::npos; at = text.find("${FILE:", at)) {
    size_t end = text.find('}', at);
    REQUIRE(end != std::string::npos);
    std::string rel = text.substr(at + 7, end - at - 7);
    std::string literal = json(read_text(fs::path(root) / rel)).dump();
    text.replace(at, end + 1 - at, literal);
    at += literal.size();
  }
  replace_all(text, "${ROOT_URI}", root_uri);
  replace_all(text, "${ROOT}", root);
  return text;
}

std::string unescape_raw(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') continue;
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 'r' || s[i + 1] == 'n')) {
      out.push_back(s[i + 1] == 'r' ? '\r' : '\n');
      ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string run_transcript(const fs::path& file) {
  const std::string root = fixtures_dir();
  const std::string root_uri = followup::lsp::path_to_uri(root);
  InProcess server;
  std::string out;
  int index = 0;
  for (const auto& message : split_messages(read_text(file))) {
    ++index;
    std::string text = substitute(message, root, root_uri);
    std::string label;
    std::vector<json> replies;
    if (text.rfind("#raw", 0) == 0) {
      label = "#raw";
      replies = server.send_bytes(unescape_raw(text.substr(text.find('\n') + 1)));
    } else if (text.rfind("#text", 0) == 0) {
      label = "#text";
      std::string body = text.substr(text.find('\n') + 1);
      while (!body.empty() && body.back() == '\n') body.pop_back();
      replies = server.send_bytes(followup::lsp::frame(body));
    } else {
      json j = json::parse(text, nullptr, false);
      INFO(file.filename().string()
           << " message " << index << " is not valid JSON (use #text for that)");
      REQUIRE_FALSE(j.is_discarded());
      label = !j.is_object()                                    ? std::string("(not an object)")
              : j.contains("method") && j["method"].is_string() ? j["method"].get<std::string>()
              : j.contains("method")                            ? std::string("(bad method)")
                                                                : std::string("(response)");
      if (j.contains("id") && j.contains("method")) label += " #" + j["id"].dump();
      replies = server.send(j);
    }
    out += "=== " + std::to_string(index) + " " + label + "\n";
    for (const auto& r : replies)
      out += r.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    if (server.server().exited()) {
      out += "=== exit code " + std::to_string(server.server().exit_code()) + "\n";
      break;
    }
  }
  replace_all(out, root_uri, "${ROOT_URI}");
  replace_all(out, root, "${ROOT}");
  replace_all(out, "\"version\": \"" FOLLOWUP_VERSION "\"", "\"version\": \"${VERSION}\"");
  return out;
}

}  // namespace

TEST_CASE("transcripts: fixtures/lsp/*.jsonrpc give *.expected", "[lsp][transcript]") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fixtures_dir()))
    if (entry.path().extension() == ".jsonrpc") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  const char* update = std::getenv("FOLLOWUP_LINT_UPDATE_SNAPSHOTS");
  for (const auto& file : files) {
    DYNAMIC_SECTION(file.filename().string()) {
      std::string actual = run_transcript(file);
      fs::path expected_path = file;
      expected_path.replace_extension(".expected");
      if (update && std::string(update) == "1") {
        write_text(expected_path, actual);
        SUCCEED("updated " << expected_path.string());
      } else {
        INFO("run with FOLLOWUP_LINT_UPDATE_SNAPSHOTS=1 to regenerate, then read the diff");
        REQUIRE(fs::exists(expected_path));
        CHECK(actual == read_text(expected_path));
      }
    }
  }
}
