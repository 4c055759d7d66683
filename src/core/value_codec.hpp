// A compact binary form of core::Value, origins included. The built-in rule
// files are stored in it at build time, so start-up reads them without
// parsing TOML.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/value.hpp"

namespace followup::core {

// Encodes `value` (origins without their file names: every node of one file
// shares it).
std::string encode_value(const Value& value);

// Decodes what encode_value wrote, giving every origin the name `file`;
// nullopt when the bytes are cut short or malformed.
std::optional<Value> decode_value(std::string_view bytes, const std::string& file);

}  // namespace followup::core
