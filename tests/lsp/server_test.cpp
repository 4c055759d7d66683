// The server in-process: lifecycle, error replies, documents, config reload.
#include "lsp/server.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>

#include "lsp/convert.hpp"
#include "support/lsp_session.hpp"

using followup::lsp::json;
using followup::lsp::path_to_uri;
using namespace lsp_test;

namespace {

int error_code(const json& reply) {
  return reply.contains("error") ? reply["error"]["code"].get<int>() : 0;
}

const std::string kDraft =
    "Dear Ms. Rivera,\n\nThank you for the interview. I would utilize my "
    "skills.\n\nSincerely,\nAna Cruz\n";

json range_json_for_line(uint32_t line, uint32_t a, uint32_t b) {
  return followup::lsp::to_json(followup::lsp::Range{{line, a}, {line, b}});
}

bool has_code(const json& diagnostics, const std::string& code) {
  for (const auto& d : diagnostics)
    if (d.value("code", "") == code) return true;
  return false;
}

// A temp project with the house rule (a rule with a fix) and a draft.
struct Project {
  TempDir dir;
  std::string draft_uri;
  Project() {
    write_text(dir.path() / ".followup-lint.toml", "rule_paths = [\"house-rules.toml\"]\n");
    write_text(dir.path() / "house-rules.toml",
               read_text(fixtures_dir() + "/project/house-rules.toml"));
    write_text(dir.path() / "draft.txt", kDraft);
    draft_uri = path_to_uri(dir.path() / "draft.txt");
  }
};

}  // namespace

TEST_CASE("server: requests before initialize get -32002 / notifications are dropped",
          "[lsp][server]") {
  InProcess s;
  auto reply = s.call(1, "textDocument/hover", {{"textDocument", {{"uri", "file:///x.txt"}}}});
  CHECK(error_code(reply) == -32002);
  CHECK(s.notify("textDocument/didOpen", did_open_params("file:///tmp/x.txt", "hi")).empty());
  CHECK(s.call(2, "shutdown")["error"]["code"] == -32002);
}

TEST_CASE("server: initialize advertises what is implemented", "[lsp][server]") {
  InProcess s;
  json caps = s.call(1, "initialize", initialize_params())["result"]["capabilities"];
  CHECK(caps["positionEncoding"] == "utf-16");
  CHECK(caps["textDocumentSync"] ==
        json::parse(R"({"openClose":true,"change":2,"save":{"includeText":false}})"));
  CHECK(caps["codeActionProvider"]["codeActionKinds"] == json::array({"quickfix", "source.fixAll.followup-lint"}));
  CHECK(caps["hoverProvider"] == true);
  CHECK(caps["diagnosticProvider"]["interFileDependencies"] == false);
  CHECK(caps.size() == 5);
  CHECK(error_code(s.call(2, "initialize", initialize_params())) == -32600);  // only once
}

TEST_CASE("server: position encoding negotiation", "[lsp][server]") {
  SECTION("utf-8 when offered") {
    InProcess s;
    auto r = s.call(1, "initialize",
                    initialize_params({{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}}));
    CHECK(r["result"]["capabilities"]["positionEncoding"] == "utf-8");
  }
  SECTION("utf-16 when only utf-16 or utf-32 are offered") {
    InProcess s;
    auto r =
        s.call(1, "initialize",
               initialize_params({{"general", {{"positionEncodings", {"utf-32", "utf-16"}}}}}));
    CHECK(r["result"]["capabilities"]["positionEncoding"] == "utf-16");
  }
}

TEST_CASE("server: shutdown then exit gives exit code 0 / exit alone gives 1", "[lsp][server]") {
  {
    InProcess s;
    s.initialize();
    CHECK(s.call(5, "shutdown")["result"].is_null());
    CHECK(error_code(s.call(6, "textDocument/hover", json::object())) == -32600);
    s.notify("exit");
    CHECK(s.server().exited());
    CHECK(s.server().exit_code() == 0);
  }
  {
    InProcess s;
    s.initialize();
    s.notify("exit");
    CHECK(s.server().exited());
    CHECK(s.server().exit_code() == 1);
  }
}

TEST_CASE("server: protocol errors", "[lsp][server]") {
  InProcess s;
  s.initialize();
  SECTION("invalid JSON is a parse error with id null") {
    auto out = s.send_bytes(followup::lsp::frame("{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\""));
    REQUIRE(out.size() == 1);
    CHECK(out[0]["id"].is_null());
    CHECK(error_code(out[0]) == -32700);
  }
  SECTION("a bad header is a parse error, and the next message is served") {
    auto out =
        s.send_bytes("Content-Type: x\r\n\r\n{}" +
                     followup::lsp::frame(R"({"jsonrpc":"2.0","id":4,"method":"shutdown"})"));
    REQUIRE(out.size() == 2);
    CHECK(error_code(out[0]) == -32700);
    CHECK(out[1]["id"] == 4);
    CHECK(out[1]["result"].is_null());
  }
  SECTION("unknown request -32601, unknown notification ignored") {
    CHECK(error_code(s.call(7, "textDocument/completion", json::object())) == -32601);
    CHECK(error_code(s.call(8, "$/somethingNew", json::object())) == -32601);
    CHECK(s.notify("workspace/didChangeConfiguration", {{"settings", nullptr}}).empty());
    CHECK(s.notify("$/setTrace", {{"value", "off"}}).empty());
    CHECK(s.notify("$/cancelRequest", {{"id", 3}}).empty());
  }
  SECTION("invalid params -32602") {
    CHECK(error_code(s.call(9, "textDocument/hover", {{"textDocument", {{"uri", 5}}}})) == -32602);
    CHECK(error_code(s.call(10, "textDocument/hover",
                            {{"textDocument", {{"uri", "file:///x.txt"}}},
                             {"position", {{"line", -1}, {"character", 0}}}})) == -32602);
    CHECK(error_code(s.call(11, "textDocument/codeAction",
                            {{"textDocument", {{"uri", "file:///x.txt"}}}})) == -32602);
    auto out = s.send(
        json::parse(R"({"jsonrpc":"2.0","id":12,"method":"textDocument/hover","params":"oops"})"));
    REQUIRE(out.size() == 1);
    CHECK(error_code(out[0]) == -32602);
  }
  SECTION("invalid requests -32600") {
    auto out = s.send(json::parse(R"([{"jsonrpc":"2.0","id":1,"method":"shutdown"}])"));
    CHECK(error_code(out.at(0)) == -32600);
    out = s.send(json::parse(R"({"id":13,"method":"shutdown"})"));
    CHECK(error_code(out.at(0)) == -32600);
    CHECK(out[0]["id"] == 13);
    out = s.send(json::parse(R"({"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"})"));
    CHECK(error_code(out.at(0)) == -32600);
    CHECK(out[0]["id"].is_null());
    out = s.send(json::parse(R"({"jsonrpc":"2.0","id":14,"method":42})"));
    CHECK(error_code(out.at(0)) == -32600);
    out = s.send(json::parse("17"));
    CHECK(error_code(out.at(0)) == -32600);
  }
  SECTION("a bad notification is logged, not answered, and changes nothing") {
    CHECK(s.notify("textDocument/didOpen", {{"textDocument", {{"uri", 3}}}}).empty());
    CHECK(s.notify("textDocument/didChange", {{"contentChanges", 1}}).empty());
  }
  // Whatever came before, the server still answers.
  CHECK(s.call(99, "shutdown")["result"].is_null());
}

TEST_CASE("server: documents never opened get empty results", "[lsp][server]") {
  InProcess s;
  s.initialize();
  json td = {{"uri", "file:///nowhere/never-opened.txt"}};
  json pos = {{"line", 0}, {"character", 0}};
  CHECK(s.call(1, "textDocument/hover", {{"textDocument", td}, {"position", pos}})["result"]
            .is_null());
  CHECK(s.call(2, "textDocument/codeAction",
               {{"textDocument", td},
                {"range", {{"start", pos}, {"end", pos}}},
                {"context", {{"diagnostics", json::array()}}}})["result"] == json::array());
  CHECK(s.call(3, "textDocument/diagnostic", {{"textDocument", td}})["result"] ==
        json::parse(R"({"kind":"full","items":[]})"));
  CHECK(s.notify("textDocument/didChange", {{"textDocument", {{"uri", td["uri"]}, {"version", 2}}},
                                            {"contentChanges", {{{"text", "x"}}}}})
            .empty());
  CHECK(s.notify("textDocument/didClose", {{"textDocument", td}}).empty());
}

TEST_CASE("server: didOpen publishes / didChange republishes / didClose clears", "[lsp][server]") {
  Project p;
  InProcess s;
  s.initialize();
  auto out = s.notify("textDocument/didOpen", did_open_params(p.draft_uri, kDraft, 1));
  REQUIRE(out.size() == 1);
  json published = s.last_publish(p.draft_uri);
  CHECK(published["version"] == 1);
  REQUIRE(has_code(published["diagnostics"], "house-rules.jargon"));

  // The pull report has the same items.
  json pulled =
      s.call(2, "textDocument/diagnostic", {{"textDocument", {{"uri", p.draft_uri}}}})["result"];
  CHECK(pulled["kind"] == "full");
  CHECK(pulled["items"] == published["diagnostics"]);

  // Replace "utilize" (line 2) with "use": the jargon finding goes away.
  json change = {
      {"textDocument", {{"uri", p.draft_uri}, {"version", 2}}},
      {"contentChanges",
       {{{"range",
          {{"start", {{"line", 2}, {"character", 37}}}, {"end", {{"line", 2}, {"character", 44}}}}},
         {"text", "use"}}}}};
  s.notify("textDocument/didChange", change);
  published = s.last_publish(p.draft_uri);
  CHECK(published["version"] == 2);
  CHECK_FALSE(has_code(published["diagnostics"], "house-rules.jargon"));

  s.notify("textDocument/didClose", {{"textDocument", {{"uri", p.draft_uri}}}});
  published = s.last_publish(p.draft_uri);
  CHECK(published["diagnostics"] == json::array());
  CHECK_FALSE(published.contains("version"));
}

TEST_CASE("server: a burst of edits in one read is linted once", "[lsp][server]") {
  Project p;
  InProcess s;
  s.initialize();
  s.notify("textDocument/didOpen", did_open_params(p.draft_uri, kDraft, 1));
  std::string burst;
  for (int v = 2; v <= 6; ++v) {
    json change = {
        {"textDocument", {{"uri", p.draft_uri}, {"version", v}}},
        {"contentChanges",
         {{{"range",
            {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
           {"text", ""}}}}};
    burst += followup::lsp::frame(
        followup::lsp::to_text(rpc_notification("textDocument/didChange", change)));
  }
  auto out = s.send_bytes(burst);
  REQUIRE(out.size() == 1);
  CHECK(out[0]["params"]["version"] == 6);
}

TEST_CASE("server: $/cancelRequest answers a request still waiting with -32800", "[lsp][server]") {
  Project p;
  InProcess s;
  s.initialize();
  s.notify("textDocument/didOpen", did_open_params(p.draft_uri, kDraft, 1));
  auto framed = [](const json& m) { return followup::lsp::frame(followup::lsp::to_text(m)); };
  auto hover = [&](const json& id) {
    return framed(followup::lsp::make_request(id, "textDocument/hover",
                                              {{"textDocument", {{"uri", p.draft_uri}}},
                                               {"position", {{"line", 2}, {"character", 40}}}}));
  };
  auto cancel = [&](const json& id) {
    return framed(rpc_notification("$/cancelRequest", {{"id", id}}));
  };

  SECTION("cancelled in the same read: one error reply each, integer and string ids") {
    auto out = s.send_bytes(hover(5) + hover("six") + hover(7) + cancel(5) + cancel("six"));
    REQUIRE(out.size() == 3);
    CHECK(out[0]["id"] == 5);
    CHECK(error_code(out[0]) == -32800);
    CHECK(out[1]["id"] == "six");
    CHECK(error_code(out[1]) == -32800);
    CHECK(out[2]["id"] == 7);
    CHECK(out[2]["result"]["contents"]["kind"] == "markdown");
  }
  SECTION("5 and the string 5 are different ids") {
    auto out = s.send_bytes(hover(5) + hover("5") + cancel("5"));
    REQUIRE(out.size() == 2);
    CHECK(error_code(out[0]) == 0);
    CHECK(out[1]["id"] == "5");
    CHECK(error_code(out[1]) == -32800);
  }
  SECTION("too late, unknown or before its request: ignored, the request is answered") {
    auto out = s.send_bytes(hover(8));
    REQUIRE(out.size() == 1);
    CHECK(error_code(out[0]) == 0);
    CHECK(s.send_bytes(cancel(8)).empty());
    CHECK(s.send_bytes(cancel(4242)).empty());
    out = s.send_bytes(cancel(9) + hover(9));
    REQUIRE(out.size() == 1);
    CHECK(error_code(out[0]) == 0);
  }
  SECTION("an id used again later in the same read: only the request before the cancel") {
    auto out = s.send_bytes(hover(10) + cancel(10) + hover(10));
    REQUIRE(out.size() == 2);
    CHECK(error_code(out[0]) == -32800);
    CHECK(error_code(out[1]) == 0);
  }
  SECTION("a cancelled request is not handled: a cancelled shutdown does not shut down") {
    auto out = s.send_bytes(framed(rpc_request(11, "shutdown", nullptr)) + cancel(11));
    REQUIRE(out.size() == 1);
    CHECK(error_code(out[0]) == -32800);
    CHECK_FALSE(s.server().session().shutdown_requested);
  }
  SECTION("bad params are ignored") {
    CHECK(s.send_bytes(framed(rpc_notification("$/cancelRequest", {{"id", {{"a", 1}}}}))).empty());
    CHECK(s.send_bytes(framed(rpc_notification("$/cancelRequest", json::object()))).empty());
  }
}

TEST_CASE("server: config errors become showMessage and a diagnostic at the top", "[lsp][server]") {
  TempDir dir;
  write_text(dir.path() / ".followup-lint.toml", "[context]\nrelationship = 42\n");
  std::string uri = path_to_uri(dir.path() / "draft.txt");
  InProcess s;
  s.initialize();
  auto out = s.notify("textDocument/didOpen", did_open_params(uri, kDraft));
  REQUIRE(out.size() == 2);
  CHECK(out[0]["method"] == "window/showMessage");
  CHECK(out[0]["params"]["type"] == 1);
  CHECK(out[0]["params"]["message"].get<std::string>().find(".followup-lint.toml:2:") !=
        std::string::npos);
  json diags = s.last_publish(uri)["diagnostics"];
  REQUIRE(diags.size() == 1);
  CHECK(diags[0]["code"] == "config.invalid");
  CHECK(diags[0]["severity"] == 1);
  CHECK(diags[0]["range"] == followup::lsp::to_json(followup::lsp::Range{}));

  // The same error is not shown again on every keystroke.
  out = s.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                            {"contentChanges", {{{"text", kDraft + "\n"}}}}});
  REQUIRE(out.size() == 1);
  CHECK(out[0]["method"] == "textDocument/publishDiagnostics");

  // Fixing the config and saving it relints without the error.
  write_text(dir.path() / ".followup-lint.toml", "[context]\nrelationship = \"known\"\n");
  out = s.notify("textDocument/didSave",
                 {{"textDocument", {{"uri", path_to_uri(dir.path() / ".followup-lint.toml")}}}});
  REQUIRE(out.size() == 1);
  CHECK_FALSE(has_code(s.last_publish(uri)["diagnostics"], "config.invalid"));
}

TEST_CASE("server: didChangeWatchedFiles reloads the config of every open document",
          "[lsp][server]") {
  Project p;
  InProcess s;
  auto init =
      s.call(1, "initialize",
             initialize_params(
                 {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}}));
  auto out = s.notify("initialized");
  REQUIRE(out.size() == 1);
  CHECK(out[0]["method"] == "client/registerCapability");
  CHECK(out[0]["params"]["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"] ==
        "**/.followup-lint.toml");
  // The client's answer is accepted silently.
  CHECK(s.send(json{{"jsonrpc", "2.0"}, {"id", out[0]["id"]}, {"result", nullptr}}).empty());

  s.notify("textDocument/didOpen", did_open_params(p.draft_uri, kDraft));
  REQUIRE(has_code(s.last_publish(p.draft_uri)["diagnostics"], "house-rules.jargon"));

  // Turn the house rule off in the config: after the watcher fires, it is gone.
  write_text(
      p.dir.path() / ".followup-lint.toml",
      "rule_paths = [\"house-rules.toml\"]\n[rules.\"house-rules.jargon\"]\nseverity = \"off\"\n");
  out = s.notify(
      "workspace/didChangeWatchedFiles",
      {{"changes", {{{"uri", path_to_uri(p.dir.path() / ".followup-lint.toml")}, {"type", 2}}}}});
  REQUIRE(out.size() == 1);
  CHECK_FALSE(has_code(s.last_publish(p.draft_uri)["diagnostics"], "house-rules.jargon"));

  // A broken config after that is an error, not a crash; removing it falls back to the defaults.
  write_text(p.dir.path() / ".followup-lint.toml", "rule_paths = [\n");
  s.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", "file:///x"}, {"type", 2}}}}});
  CHECK(has_code(s.last_publish(p.draft_uri)["diagnostics"], "config.invalid"));
  std::filesystem::remove(p.dir.path() / ".followup-lint.toml");
  s.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", "file:///x"}, {"type", 3}}}}});
  CHECK_FALSE(has_code(s.last_publish(p.draft_uri)["diagnostics"], "config.invalid"));
}

TEST_CASE("server: no watcher registration without dynamicRegistration", "[lsp][server]") {
  InProcess s;
  s.call(1, "initialize", initialize_params());
  CHECK(s.notify("initialized").empty());
}

TEST_CASE("server: code action and hover on a fixable diagnostic", "[lsp][server]") {
  Project p;
  InProcess s;
  s.initialize();
  s.notify("textDocument/didOpen", did_open_params(p.draft_uri, kDraft));
  json range = {{"start", {{"line", 2}, {"character", 40}}},
                {"end", {{"line", 2}, {"character", 40}}}};
  json actions = s.call(2, "textDocument/codeAction",
                        {{"textDocument", {{"uri", p.draft_uri}}},
                         {"range", range},
                         {"context", {{"diagnostics", json::array()}}}})["result"];
  REQUIRE(actions.size() == 3);  // the fix, "Disable ... in this file", "Fix all"
  CHECK(actions[1]["title"] == "Disable house-rules.jargon in this file");
  CHECK(actions[2]["kind"] == "source.fixAll.followup-lint");
  CHECK(actions[0]["kind"] == "quickfix");
  CHECK(actions[0]["title"] == "replace with 'use'");
  CHECK(actions[0]["isPreferred"] == true);
  CHECK(actions[0]["diagnostics"][0]["code"] == "house-rules.jargon");
  CHECK(
      actions[0]["edit"]["changes"][p.draft_uri] ==
      json::parse(
          R"([{"range":{"start":{"line":2,"character":37},"end":{"line":2,"character":44}},"newText":"use"}])"));

  // Filtered out by context.only.
  json only_source =
      s.call(3, "textDocument/codeAction",
             {{"textDocument", {{"uri", p.draft_uri}}},
              {"range", range},
              {"context",
               {{"diagnostics", json::array()}, {"only", {"source.organizeImports"}}}}})["result"];
  CHECK(only_source == json::array());

  json hover = s.call(4, "textDocument/hover",
                      {{"textDocument", {{"uri", p.draft_uri}}},
                       {"position", {{"line", 2}, {"character", 38}}}})["result"];
  CHECK(hover["contents"]["kind"] == "markdown");
  std::string md = hover["contents"]["value"];
  CHECK(md.find("`house-rules.jargon`") != std::string::npos);
  CHECK(md.find("What it flags: inflated words") != std::string::npos);
  CHECK(md.find("```\nWhat it flags") != std::string::npos);
  CHECK(md.find("```text") == std::string::npos);  // no info string: ALE would look for a "text" syntax
  CHECK(hover["range"] == range_json_for_line(2, 37, 44));

  json nothing = s.call(5, "textDocument/hover",
                        {{"textDocument", {{"uri", p.draft_uri}}},
                         {"position", {{"line", 4}, {"character", 0}}}})["result"];
  CHECK(nothing.is_null());
}

TEST_CASE("server: a huge document is answered without linting it", "[lsp][server]") {
  Project p;
  followup::lsp::ServerOptions options;
  options.max_lint_bytes = 100000;
  InProcess s(options);
  s.initialize();
  std::string huge;
  while (huge.size() < 2 * options.max_lint_bytes) huge += "I would utilize my skills. ";
  s.notify("textDocument/didOpen", did_open_params(p.draft_uri, huge));
  json diags = s.last_publish(p.draft_uri)["diagnostics"];
  REQUIRE(diags.size() == 1);
  CHECK(diags[0]["code"] == "lsp.too-large");
  // Editing it back under the limit lints it again.
  s.notify("textDocument/didChange", {{"textDocument", {{"uri", p.draft_uri}, {"version", 2}}},
                                      {"contentChanges", {{{"text", kDraft}}}}});
  CHECK(has_code(s.last_publish(p.draft_uri)["diagnostics"], "house-rules.jargon"));
}

TEST_CASE("server: untitled documents and TOML files", "[lsp][server]") {
  InProcess s;
  s.initialize();
  s.notify("textDocument/didOpen", did_open_params("untitled:Untitled-1", kDraft));
  CHECK(s.last_publish("untitled:Untitled-1")["diagnostics"].is_array());
  Project p;
  std::string toml = path_to_uri(p.dir.path() / ".followup-lint.toml");
  s.notify("textDocument/didOpen", did_open_params(toml, "rule_paths = []\n"));
  CHECK(s.last_publish(toml)["diagnostics"] == json::array());
}

TEST_CASE("server: a document with a huge line is answered without linting it", "[lsp][server]") {
  Project p;
  followup::lsp::ServerOptions options;
  options.max_line_bytes = 5000;
  InProcess s(options);
  s.initialize();
  std::string line;
  while (line.size() < 6000) line += "I would utilize my skills. ";
  s.notify("textDocument/didOpen", did_open_params(p.draft_uri, "Dear Ms. Kim,\n\n" + line + "\n"));
  json diags = s.last_publish(p.draft_uri)["diagnostics"];
  REQUIRE(diags.size() == 1);
  CHECK(diags[0]["code"] == "lsp.too-large");
  CHECK(diags[0]["message"].get<std::string>().find("a line of 60") != std::string::npos);
}

namespace {
// The text after applying one action's edits (all on one document, in any order).
std::string apply_action(std::string text, const json& edits) {
  std::vector<std::pair<size_t, json>> sorted;
  for (const auto& e : edits) {
    size_t line = e["range"]["start"]["line"], character = e["range"]["start"]["character"];
    size_t at = 0;
    for (size_t l = 0; l < line; ++l) at = text.find('\n', at) + 1;
    sorted.push_back({at + character, e});
  }
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [at, e] : sorted) {
    size_t end_line = e["range"]["end"]["line"], end_char = e["range"]["end"]["character"];
    size_t end = 0;
    for (size_t l = 0; l < end_line; ++l) end = text.find('\n', end) + 1;
    text.replace(at, end + end_char - at, e["newText"].get<std::string>());
  }
  return text;
}

json actions_for(InProcess& s, int id, const std::string& uri, json only = nullptr) {
  json context = {{"diagnostics", json::array()}};
  if (!only.is_null()) context["only"] = only;
  json range = {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 99}, {"character", 0}}}};
  return s.call(id, "textDocument/codeAction", {{"textDocument", {{"uri", uri}}}, {"range", range}, {"context", context}})["result"];
}
}  // namespace

TEST_CASE("server: source.fixAll applies every safe fix at once", "[lsp][server]") {
  Project p;
  InProcess s;
  s.initialize();
  const std::string draft = "Dear Ms. Rivera\n\nThank you for the interview. I would utilize my skills.\n\nCheers,\nAna Cruz\n";
  s.notify("textDocument/didOpen", did_open_params(p.draft_uri, draft));
  json all = actions_for(s, 2, p.draft_uri, json::array({"source.fixAll"}));
  REQUIRE(all.size() == 1);
  CHECK(all[0]["kind"] == "source.fixAll.followup-lint");
  std::string fixed = apply_action(draft, all[0]["edit"]["changes"][p.draft_uri]);
  CHECK(fixed == "Dear Ms. Rivera,\n\nThank you for the interview. I would use my skills.\n\nSincerely,\nAna Cruz\n");
  // Only quickfixes asked for: no fix-all.
  for (const auto& a : actions_for(s, 3, p.draft_uri, json::array({"quickfix"}))) CHECK(a["kind"] == "quickfix");
  // A clean draft has nothing to fix.
  s.notify("textDocument/didChange", {{"textDocument", {{"uri", p.draft_uri}, {"version", 2}}},
                                      {"contentChanges", json::array({{{"text", fixed}}})}});
  CHECK(actions_for(s, 4, p.draft_uri, json::array({"source.fixAll"})).empty());
}

TEST_CASE("server: 'Disable RULE in this file' edits the front matter, and the finding goes", "[lsp][server]") {
  Project p;
  InProcess s;
  s.initialize();
  auto uri_of = [&](int id) { return path_to_uri(p.dir.path() / ("d" + std::to_string(id) + ".txt")); };
  auto disable_edit = [&](int id, const std::string& text) {
    std::string uri = uri_of(id);
    s.notify("textDocument/didOpen", did_open_params(uri, text));
    for (const auto& a : actions_for(s, id, uri, json::array({"quickfix"})))
      if (a["title"] == "Disable house-rules.jargon in this file") return apply_action(text, a["edit"]["changes"][uri]);
    return std::string("(no action)");
  };
  const std::string body = "Dear Ms. Rivera,\n\nThank you for the interview. I would utilize my skills.\n\nSincerely,\nAna Cruz\n";
  CHECK(disable_edit(10, body) == "+++\ndisable = [\"house-rules.jargon\"]\n+++\n" + body);
  CHECK(disable_edit(11, "+++\ncompany = \"Acme\"\n+++\n" + body) ==
        "+++\ncompany = \"Acme\"\ndisable = [\"house-rules.jargon\"]\n+++\n" + body);
  CHECK(disable_edit(12, "+++\ndisable = [\"style.shouting\"]\n+++\n" + body) ==
        "+++\ndisable = [\"house-rules.jargon\", \"style.shouting\"]\n+++\n" + body);
  CHECK(disable_edit(13, "---\ncompany: Acme\n---\n" + body) ==
        "---\ncompany: Acme\ndisable: [\"house-rules.jargon\"]\n---\n" + body);
  // Applied, the rule is silent in that draft.
  std::string disabled = disable_edit(14, body);
  s.notify("textDocument/didChange", {{"textDocument", {{"uri", uri_of(14)}, {"version", 20}}},
                                      {"contentChanges", json::array({{{"text", disabled}}})}});
  for (const auto& a : actions_for(s, 15, uri_of(14))) CHECK(a["title"] != "Disable house-rules.jargon in this file");
  // Mail keeps its bytes: no front matter offered there.
  std::string eml = path_to_uri(p.dir.path() / "note.eml");
  s.notify("textDocument/didOpen", did_open_params(eml, "Subject: Thanks\n\n" + body));
  for (const auto& a : actions_for(s, 16, eml)) CHECK(a["title"] != "Disable house-rules.jargon in this file");
}

TEST_CASE("server: hover in plain text for a client that asks for it", "[lsp][server]") {
  Project p;
  InProcess s;
  s.call(1, "initialize", initialize_params({{"textDocument", {{"hover", {{"contentFormat", {"plaintext", "markdown"}}}}}}}));
  s.notify("initialized");
  s.notify("textDocument/didOpen", did_open_params(p.draft_uri, kDraft));
  json hover = s.call(2, "textDocument/hover",
                      {{"textDocument", {{"uri", p.draft_uri}}}, {"position", {{"line", 2}, {"character", 38}}}})["result"];
  CHECK(hover["contents"]["kind"] == "plaintext");
  std::string text = hover["contents"]["value"];
  CHECK(text.rfind("followup-lint · warning · house-rules.jargon\n\n'utilize' is jargon", 0) == 0);
  CHECK(text.find("**") == std::string::npos);
  CHECK(text.find("```") == std::string::npos);
  CHECK(text.find("What it flags: inflated words") != std::string::npos);
}

TEST_CASE("server: a config changed on disk is reloaded at the next edit, with no file event", "[lsp][server]") {
  namespace fs = std::filesystem;
  // Neovim 0.7 sends no didChangeWatchedFiles, and the config's own buffer has no client to send didSave.
  Project p;
  InProcess s;
  s.initialize();
  s.notify("textDocument/didOpen", did_open_params(p.draft_uri, kDraft, 1));
  REQUIRE(has_code(s.last_publish(p.draft_uri)["diagnostics"], "house-rules.jargon"));
  fs::path config = p.dir.path() / ".followup-lint.toml";
  write_text(config, "rule_paths = [\"house-rules.toml\"]\n[rules.\"house-rules.jargon\"]\nseverity = \"off\"\n");
  fs::last_write_time(config, fs::last_write_time(config) + std::chrono::seconds(5));
  s.notify("textDocument/didChange", {{"textDocument", {{"uri", p.draft_uri}, {"version", 2}}},
                                      {"contentChanges", json::array({{{"text", kDraft + "\n"}}})}});
  json published = s.last_publish(p.draft_uri);
  CHECK(published["version"] == 2);
  CHECK_FALSE(has_code(published["diagnostics"], "house-rules.jargon"));
  // Changed back, the rule runs again.
  write_text(config, "rule_paths = [\"house-rules.toml\"]\n");
  fs::last_write_time(config, fs::last_write_time(config) + std::chrono::seconds(10));
  s.notify("textDocument/didChange", {{"textDocument", {{"uri", p.draft_uri}, {"version", 3}}},
                                      {"contentChanges", json::array({{{"text", kDraft}}})}});
  CHECK(has_code(s.last_publish(p.draft_uri)["diagnostics"], "house-rules.jargon"));
}
