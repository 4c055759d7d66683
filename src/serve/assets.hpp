// The page's files, compiled into the binary: nothing is read from disk or
// fetched from the network when the page loads. The build turns
// src/serve/assets/* into raw string literals (embed_asset.cmake).
#pragma once

#include <string_view>

namespace followup::serve {

struct Asset {
  std::string_view path;          // "/", "/app.js", "/style.css"
  std::string_view content_type;  // with charset
  std::string_view body;
};

// The asset served at `path`, or nullptr.
const Asset* find_asset(std::string_view path);

}  // namespace followup::serve
