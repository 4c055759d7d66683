// JSON-RPC 2.0 as LSP uses it: message shapes, error codes and small checked
// readers for params. Readers throw ParamError, which the server turns into
// an InvalidParams (-32602) reply; nothing else here throws.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace followup::lsp {

using json = nlohmann::json;

namespace error_code {
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestCancelled = -32800;
}  // namespace error_code

struct RpcError {
  int code = error_code::kInternalError;
  std::string message;
};

// A request's outcome: a result or an error.
struct Reply {
  json result;
  std::optional<RpcError> error;

  static Reply ok(json result) { return {std::move(result), std::nullopt}; }
  static Reply fail(int code, std::string message) {
    return {nullptr, RpcError{code, std::move(message)}};
  }
};

json make_response(const json& id, const Reply& reply);
json make_error(const json& id, int code, std::string_view message);
json make_notification(std::string_view method, json params);
json make_request(const json& id, std::string_view method, json params);

// Serializes without throwing: invalid UTF-8 in a string becomes U+FFFD.
std::string to_text(const json& message);

// Thrown by the readers below when params do not have the expected shape.
class ParamError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `obj[key]` when obj is an object holding `key`, else nullptr.
const json* find(const json& obj, std::string_view key);
// Required members of a given type.
const json& require_object(const json& obj, std::string_view key);
const json& require_array(const json& obj, std::string_view key);
std::string require_string(const json& obj, std::string_view key);
uint32_t require_uint(const json& obj, std::string_view key);
// Optional members: nullopt when absent or null; ParamError on a wrong type.
std::optional<int64_t> optional_int(const json& obj, std::string_view key);
// A boolean found by a dotted path ("workspace.didChangeWatchedFiles.dynamicRegistration"), false
// if absent.
bool flag_at(const json& obj, std::string_view dotted_path);
// The value at "a.b.c" inside nested objects, or null when any step is missing.
const json* find_path(const json& obj, std::string_view dotted_path);

}  // namespace followup::lsp
