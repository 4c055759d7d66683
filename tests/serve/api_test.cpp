#include "serve/api.hpp"

#include <catch2/catch.hpp>

namespace followup::serve {

TEST_CASE("parse_lint_request reads text, file name and context", "[serve]") {
  auto p = parse_lint_request(
      R"({"text": "Hi 👋", "filename": "C:\\drafts\\a.md", "context": {"culture": "formal"}})");
  REQUIRE(p.ok());
  CHECK(p.request.text == "Hi 👋");
  CHECK(p.request.filename == "a.md");
  CHECK(p.request.context_json == R"({"culture":"formal"})");
}

TEST_CASE("parse_lint_request fills defaults", "[serve]") {
  auto p = parse_lint_request(R"({"text": "", "filename": null, "context": null})");
  REQUIRE(p.ok());
  CHECK(p.request.filename == "draft.txt");
  CHECK(p.request.context_json == "{}");
  CHECK(parse_lint_request(R"({"text": "", "filename": "../"})").request.filename == "draft.txt");
  CHECK(parse_lint_request(R"({"text": "", "filename": "a\nb.txt"})").request.filename == "ab.txt");
}

TEST_CASE("parse_lint_request explains what is wrong", "[serve]") {
  CHECK(parse_lint_request("{").error.starts_with("malformed JSON: "));
  CHECK(parse_lint_request("{}").error == "missing \"text\": the draft to lint");
  CHECK(parse_lint_request("null").error == "the request body must be a JSON object");
}

TEST_CASE("is_json_media_type", "[serve]") {
  CHECK(is_json_media_type("application/json"));
  CHECK(is_json_media_type("Application/JSON; charset=utf-8"));
  CHECK_FALSE(is_json_media_type("text/plain"));
  CHECK_FALSE(is_json_media_type(""));
  CHECK(error_json("a \"b\"") == R"({"error":"a \"b\""})");
}

}  // namespace followup::serve
