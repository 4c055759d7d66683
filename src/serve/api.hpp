// The JSON side of the API: reading a POST /api/lint body into a LintRequest
// and writing error bodies. Pure functions; a bad body is an error string
// for a 400 reply, never an exception.
#pragma once

#include <string>
#include <string_view>

#include "serve/service.hpp"

namespace followup::serve {

struct ParsedLint {
  LintRequest request;
  std::string error;  // empty when the body was a valid request
  bool ok() const { return error.empty(); }
};

// Reads {"text": "...", "filename": "...", "context": {...}}. "text" is
// required; "filename" defaults to "draft.txt" and is cut to its last path
// component, so that nothing behind the seam can take it for a path on disk;
// "context" defaults to {}.
ParsedLint parse_lint_request(std::string_view body);

// {"error": message}
std::string error_json(std::string_view message);

// True for "application/json", with or without parameters such as charset.
bool is_json_media_type(std::string_view content_type);

}  // namespace followup::serve
