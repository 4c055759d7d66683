#include "lsp/transport.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using followup::lsp::Frame;
using followup::lsp::frame;
using followup::lsp::FrameDecoder;

namespace {

std::vector<Frame> drain(FrameDecoder& d) {
  std::vector<Frame> out;
  while (auto f = d.next()) out.push_back(*f);
  return out;
}

}  // namespace

TEST_CASE("framing: one message in one piece", "[lsp][transport]") {
  FrameDecoder d;
  d.feed(frame(R"({"jsonrpc":"2.0","method":"initialized"})"));
  auto frames = drain(d);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].error.empty());
  CHECK(frames[0].body == R"({"jsonrpc":"2.0","method":"initialized"})");
  CHECK(d.pending() == 0);
}

TEST_CASE("framing: a message split at every byte boundary", "[lsp][transport]") {
  std::string body = R"({"jsonrpc":"2.0","id":7,"method":"x","params":{"text":"Café 😀"}})";
  std::string bytes = frame(body) + frame("{}");
  for (size_t cut = 0; cut <= bytes.size(); ++cut) {
    FrameDecoder d;
    std::vector<Frame> frames;
    d.feed(std::string_view(bytes).substr(0, cut));
    for (auto& f : drain(d)) frames.push_back(f);
    d.feed(std::string_view(bytes).substr(cut));
    for (auto& f : drain(d)) frames.push_back(f);
    INFO("cut at " << cut);
    REQUIRE(frames.size() == 2);
    CHECK(frames[0].body == body);
    CHECK(frames[1].body == "{}");
  }
}

TEST_CASE("framing: byte-by-byte reads and several messages per read", "[lsp][transport]") {
  std::string bytes;
  for (int i = 0; i < 5; ++i) bytes += frame("{\"n\":" + std::to_string(i) + "}");
  FrameDecoder d;
  std::vector<Frame> frames;
  for (char c : bytes) {
    d.feed(std::string_view(&c, 1));
    for (auto& f : drain(d)) frames.push_back(f);
  }
  REQUIRE(frames.size() == 5);
  CHECK(frames[4].body == "{\"n\":4}");

  FrameDecoder all;
  all.feed(bytes);
  CHECK(drain(all).size() == 5);
}

TEST_CASE("framing: header names are case-insensitive / Content-Type is accepted",
          "[lsp][transport]") {
  FrameDecoder d;
  d.feed("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
  d.feed("CONTENT-LENGTH:   2  \r\n\r\n[]");
  auto frames = drain(d);
  REQUIRE(frames.size() == 2);
  CHECK(frames[0].body == "{}");
  CHECK(frames[1].body == "[]");
}

TEST_CASE("framing: bare LF line ends and stray blank lines are tolerated", "[lsp][transport]") {
  FrameDecoder d;
  d.feed("\r\nContent-Length: 2\n\n{}\r\n");
  d.feed(frame("[]"));
  auto frames = drain(d);
  REQUIRE(frames.size() == 2);
  CHECK(frames[0].body == "{}");
  CHECK(frames[1].body == "[]");
}

TEST_CASE("framing: Content-Length counts bytes / not characters", "[lsp][transport]") {
  std::string body = "\"Núñez 😀\"";  // 8 code points, 14 bytes
  FrameDecoder d;
  d.feed("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body + frame("1"));
  auto frames = drain(d);
  REQUIRE(frames.size() == 2);
  CHECK(frames[0].body == body);
}

TEST_CASE("framing: bad headers are reported and the stream recovers", "[lsp][transport]") {
  SECTION("missing Content-Length") {
    FrameDecoder d;
    d.feed("Content-Type: text/plain\r\n\r\n{\"lost\":true}" + frame("{}"));
    auto frames = drain(d);
    REQUIRE(frames.size() == 2);
    CHECK(frames[0].error == "missing Content-Length header");
    CHECK(frames[1].error.empty());
    CHECK(frames[1].body == "{}");
  }
  SECTION("non-numeric Content-Length") {
    FrameDecoder d;
    d.feed("Content-Length: twelve\r\n\r\n" + frame("{}"));
    auto frames = drain(d);
    REQUIRE(frames.size() == 2);
    CHECK(frames[0].error.find("invalid Content-Length") == 0);
    CHECK(frames[1].body == "{}");
  }
  SECTION("negative and overflowing lengths") {
    FrameDecoder d;
    d.feed("Content-Length: -5\r\n\r\n" + frame("{}") +
           "Content-Length: 99999999999999999999\r\n\r\n" + frame("[]"));
    auto frames = drain(d);
    REQUIRE(frames.size() == 4);
    CHECK(!frames[0].error.empty());
    CHECK(frames[1].body == "{}");
    CHECK(!frames[2].error.empty());
    CHECK(frames[3].body == "[]");
  }
  SECTION("a line that is not a header") {
    FrameDecoder d;
    d.feed("hello there\r\n\r\n" + frame("{}"));
    auto frames = drain(d);
    REQUIRE(frames.size() == 2);
    CHECK(frames[0].error.find("malformed header line 'hello there'") == 0);
    CHECK(frames[1].body == "{}");
  }
  SECTION("garbage glued to the next header") {
    FrameDecoder d;
    d.feed("garbage without a newline" + frame("{}"));
    auto frames = drain(d);
    REQUIRE(frames.size() == 2);
    CHECK(!frames[0].error.empty());
    CHECK(frames[1].body == "{}");
  }
  SECTION("a header that never ends") {
    FrameDecoder d;
    d.feed(std::string(FrameDecoder::kMaxHeader + 10, 'x'));
    auto frames = drain(d);
    REQUIRE(frames.size() == 1);
    CHECK(!frames[0].error.empty());
    d.feed(frame("{}"));
    frames = drain(d);
    REQUIRE(frames.size() == 1);
    CHECK(frames[0].body == "{}");
  }
}

TEST_CASE("framing: an oversized body is skipped without being stored", "[lsp][transport]") {
  FrameDecoder d;
  size_t big = FrameDecoder::kMaxBody + 1;
  d.feed("Content-Length: " + std::to_string(big) + "\r\n\r\n");
  auto frames = drain(d);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].error.find("exceeds") != std::string::npos);
  std::string chunk(1 << 20, 'a');
  size_t sent = 0;
  while (sent + chunk.size() <= big) {
    d.feed(chunk);
    CHECK(drain(d).empty());
    sent += chunk.size();
  }
  d.feed(std::string(big - sent, 'a') + frame("{}"));
  frames = drain(d);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].body == "{}");
  CHECK(d.pending() == 0);
}

TEST_CASE("framing: a partial message stays pending", "[lsp][transport]") {
  FrameDecoder d;
  d.feed("Content-Length: 10\r\n\r\n{\"a\":");
  CHECK(drain(d).empty());
  CHECK(d.pending() == 5);
  CHECK(d.mid_message());
}

TEST_CASE("framing: a header without its body is mid-message", "[lsp][transport]") {
  FrameDecoder d;
  d.feed("Content-Length: 10\r\n\r\n");
  CHECK(drain(d).empty());
  CHECK(d.pending() == 0);
  CHECK(d.mid_message());
  d.feed("{\"a\":1234}");
  CHECK(drain(d).size() == 1);
  CHECK_FALSE(d.mid_message());
  d.feed("Content-Le");
  CHECK(drain(d).empty());
  CHECK(d.mid_message());
}
