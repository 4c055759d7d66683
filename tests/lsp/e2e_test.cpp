// End to end: `followup-lint --lsp` as a child process over pipes, driven the
// way an editor does, and compared with the command line on the same file.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "lsp/convert.hpp"
#include "support/lsp_session.hpp"

using followup::lsp::json;
using namespace lsp_test;

namespace {

const std::string kCafe = fixtures_dir() + "/project/cafe.txt";

std::vector<std::string> server_args() { return {FOLLOWUP_BINARY, "--lsp"}; }

// The command line's stdout for `args` (stderr is dropped).
std::string run_cli(const std::vector<std::string>& args) {
  return followup::testing::run_linter(args, "", std::filesystem::current_path().string()).out;
}

// Applies LSP TextEdits (UTF-16) to `text`, last edit first.
std::string apply_edits(std::string text, json edits) {
  std::sort(edits.begin(), edits.end(), [](const json& a, const json& b) {
    auto key = [](const json& e) {
      return std::make_pair(e["range"]["start"]["line"].get<uint32_t>(),
                            e["range"]["start"]["character"].get<uint32_t>());
    };
    return key(a) > key(b);
  });
  for (const auto& e : edits) {
    followup::core::Source s("x", text);
    auto span =
        followup::lsp::to_span(s,
                               {{e["range"]["start"]["line"], e["range"]["start"]["character"]},
                                {e["range"]["end"]["line"], e["range"]["end"]["character"]}},
                               followup::lsp::PositionEncoding::kUtf16);
    text.replace(span.begin, span.size(), e["newText"].get<std::string>());
  }
  return text;
}

json find_code(const json& diagnostics, const std::string& code) {
  json out = json::array();
  for (const auto& d : diagnostics)
    if (d["code"] == code) out.push_back(d);
  return out;
}

json range(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2) {
  return followup::lsp::to_json(followup::lsp::Range{{l1, c1}, {l2, c2}});
}

}  // namespace

TEST_CASE("e2e: an editor session over pipes", "[lsp][e2e]") {
  Child server(server_args());
  const std::string uri = followup::lsp::path_to_uri(kCafe);
  std::string text = read_text(kCafe);

  REQUIRE(server.send(rpc_request(1, "initialize", initialize_params())));
  auto init = server.response(1);
  REQUIRE(init);
  CHECK((*init)["result"]["capabilities"]["positionEncoding"] == "utf-16");
  CHECK((*init)["result"]["serverInfo"]["name"] == "followup-lint");
  server.send(rpc_notification("initialized"));

  // didOpen -> publishDiagnostics with exact UTF-16 ranges (the line has accents and an emoji).
  server.send(rpc_notification("textDocument/didOpen", did_open_params(uri, text, 1)));
  auto published = server.publish_for(uri);
  REQUIRE(published);
  json diags = (*published)["params"]["diagnostics"];
  json jargon = find_code(diags, "house-rules.jargon");
  REQUIRE(jargon.size() == 2);
  CHECK(jargon[0]["range"] == range(5, 87, 5, 94));
  CHECK(jargon[0]["message"] == "'utilize' is jargon\nhelp: a plain word says the same");
  CHECK(jargon[0]["severity"] == 2);
  CHECK(jargon[0]["source"] == "followup-lint");
  CHECK(jargon[1]["range"] == range(7, 31, 7, 39));

  SECTION("same diagnostics as the command line") {
    json cli = json::parse(run_cli({"--format", "json", kCafe}), nullptr, false);
    REQUIRE_FALSE(cli.is_discarded());
    json expected = cli["files"][0]["diagnostics"];
    REQUIRE(expected.size() == diags.size());
    for (size_t i = 0; i < diags.size(); ++i) {
      INFO("diagnostic " << i << ": " << expected[i].dump());
      CHECK(comparable(diags[i]) == cli_as_lsp(expected[i], text));
    }
  }

  SECTION("code action, applied, gives the fixed text; hover shows the docs") {
    json params = {{"textDocument", {{"uri", uri}}},
                   {"range", range(5, 88, 5, 88)},
                   {"context", {{"diagnostics", json::array()}}}};
    server.send(rpc_request(2, "textDocument/codeAction", params));
    auto actions = server.response(2);
    REQUIRE(actions);
    // The fix first; then "Disable ... in this file" and "Fix all".
    REQUIRE((*actions)["result"].size() == 3);
    json action = (*actions)["result"][0];
    CHECK(action["kind"] == "quickfix");
    CHECK(action["diagnostics"][0]["code"] == "house-rules.jargon");
    json edits = action["edit"]["changes"][uri];
    std::string fixed = apply_edits(text, edits);
    std::string expected = text;
    expected.replace(expected.find("utilize"), 7, "use");
    CHECK(fixed == expected);

    // Send the edit back as an incremental change: the finding is gone, the other stays.
    server.send(rpc_notification(
        "textDocument/didChange",
        {{"textDocument", {{"uri", uri}, {"version", 2}}},
         {"contentChanges", {{{"range", edits[0]["range"]}, {"text", edits[0]["newText"]}}}}}));
    auto after = server.publish_for(uri);
    REQUIRE(after);
    CHECK((*after)["params"]["version"] == 2);
    json left = find_code((*after)["params"]["diagnostics"], "house-rules.jargon");
    REQUIRE(left.size() == 1);
    CHECK(left[0]["range"] == range(7, 31, 7, 39));

    server.send(rpc_request(
        3, "textDocument/hover",
        {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 7}, {"character", 33}}}}));
    auto hover = server.response(3);
    REQUIRE(hover);
    CHECK((*hover)["result"]["contents"]["kind"] == "markdown");
    CHECK((*hover)["result"]["contents"]["value"].get<std::string>().find(
              "Instead of:  I would leverage my experience.") != std::string::npos);
    CHECK((*hover)["result"]["range"] == range(7, 31, 7, 39));
  }

  SECTION("incremental edits across lines next to multi-byte characters") {
    // Join lines 3-5: delete from after "Núñez," (line 3, UTF-16 15) to before "Thank" (line 5, 0).
    server.send(
        rpc_notification("textDocument/didChange",
                         {{"textDocument", {{"uri", uri}, {"version", 2}}},
                          {"contentChanges", {{{"range", range(3, 15, 5, 0)}, {"text", " "}}}}}));
    auto after = server.publish_for(uri);
    REQUIRE(after);
    json left = find_code((*after)["params"]["diagnostics"], "house-rules.jargon");
    REQUIRE(left.size() == 2);
    // "utilize" moved to line 3, after "Dear Ms. Núñez, " (16 units).
    CHECK(left[0]["range"] == range(3, 16 + 87, 3, 16 + 94));
    CHECK(left[1]["range"] == range(5, 31, 5, 39));
  }

  SECTION("malformed input gets errors and the server keeps serving") {
    server.send_bytes("Content-Length: nope\r\n\r\n");
    server.send_bytes(followup::lsp::frame("{not json"));
    auto e1 = server.wait_for([](const json& m) { return m.contains("error"); });
    auto e2 = server.wait_for([](const json& m) { return m.contains("error"); });
    REQUIRE(e1);
    REQUIRE(e2);
    CHECK((*e1)["error"]["code"] == -32700);
    CHECK((*e1)["id"].is_null());
    CHECK((*e2)["error"]["code"] == -32700);
    server.send(rpc_request(4, "textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}}));
    auto pulled = server.response(4);
    REQUIRE(pulled);
    CHECK((*pulled)["result"]["items"] == diags);
  }

  server.send(rpc_request(90, "shutdown", nullptr));
  auto bye = server.response(90);
  REQUIRE(bye);
  CHECK((*bye)["result"].is_null());
  server.send(rpc_notification("exit", nullptr));
  CHECK(server.wait_exit() == 0);
  for (const auto& m : server.seen) CHECK_FALSE(m.contains("unparsable"));
}

TEST_CASE("e2e: exit without shutdown is 1 / end of input ends the server", "[lsp][e2e]") {
  {
    Child server(server_args());
    server.send(rpc_request(1, "initialize", initialize_params()));
    REQUIRE(server.response(1));
    server.send(rpc_notification("exit"));
    CHECK(server.wait_exit() == 1);
  }
  {
    Child server(server_args());
    server.send(rpc_request(1, "initialize", initialize_params()));
    REQUIRE(server.response(1));
    server.send(rpc_request(2, "shutdown"));
    REQUIRE(server.response(2));
    server.close_stdin();
    CHECK(server.wait_exit() == 0);
  }
  {
    Child server(server_args());
    server.send_bytes("Content-Length: 50\r\n\r\n{\"jsonrpc\"");  // cut off mid-message
    server.close_stdin();
    CHECK(server.wait_exit() == 1);
    CHECK(server.stderr_text().find("end of input inside a message") != std::string::npos);
  }
}

TEST_CASE("e2e: a huge document is answered and the server keeps serving", "[lsp][e2e]") {
  Child server(server_args());
  server.send(rpc_request(1, "initialize", initialize_params()));
  REQUIRE(server.response(1));
  server.send(rpc_notification("initialized"));
  std::string huge;
  std::string para =
      "Thank you for the interview on Tuesday. I enjoyed hearing about the team. Zoë 😀\n\n";
  while (huge.size() < (size_t{3} << 20)) huge += para;
  const std::string uri = followup::lsp::path_to_uri(fixtures_dir() + "/project/huge.txt");
  server.send(rpc_notification("textDocument/didOpen", did_open_params(uri, huge)));
  server.send(rpc_request(
      2, "textDocument/hover",
      {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 0}}}}));
  auto hover = server.response(2, Millis(60000));
  REQUIRE(hover);
  CHECK((*hover)["result"].is_null());
  auto published = server.publish_for(uri, Millis(60000));
  REQUIRE(published);
  CHECK((*published)["params"]["diagnostics"][0]["code"] == "lsp.too-large");
  // Still serving: an incremental edit at the very end of the huge text.
  uint32_t last_line = 0;
  for (char c : huge) last_line += c == '\n' ? 1 : 0;
  server.send(rpc_notification(
      "textDocument/didChange",
      {{"textDocument", {{"uri", uri}, {"version", 2}}},
       {"contentChanges", {{{"range", range(last_line, 0, last_line, 0)}, {"text", "Bye."}}}}}));
  REQUIRE(server.publish_for(uri, Millis(60000)));
  server.send(rpc_request(3, "shutdown"));
  REQUIRE(server.response(3));
  server.send(rpc_notification("exit"));
  CHECK(server.wait_exit() == 0);
}

TEST_CASE("e2e: stdout carries only protocol", "[lsp][e2e]") {
  Child server(server_args());
  server.send_bytes("garbage\r\n\r\n");
  server.send(rpc_request(1, "initialize", initialize_params()));
  server.send(rpc_request(2, "shutdown"));
  server.send(rpc_notification("exit"));
  std::vector<json> all;
  while (auto m = server.read(Millis(20000))) all.push_back(*m);
  CHECK(server.wait_exit() == 0);
  REQUIRE(all.size() == 3);
  for (const auto& m : all) CHECK_FALSE(m.contains("unparsable"));
  CHECK(all[0]["error"]["code"] == -32700);
  CHECK(all[1]["id"] == 1);
  CHECK(all[2]["id"] == 2);
}
