// Reading TOML into core::Value. This folder is the only user of toml++.
// Errors never throw out of here: they come back as LoadError with the file,
// line and column that toml++ reported.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/value.hpp"

namespace followup::config {

struct LoadError {
  core::Origin origin;
  std::string message;
};

// Parses `text` (named `file` in messages). `line_offset` shifts reported
// lines, for front matter that starts below line 1.
std::variant<core::Value, LoadError> parse_toml(std::string_view text, const std::string& file,
                                                uint32_t line_offset = 0);

// "file:line:col: error: message", the form every load error is printed in.
std::string format_error(const LoadError& error);

}  // namespace followup::config
