#include "lsp/protocol.hpp"

#include <fmt/format.h>

#include <limits>

namespace followup::lsp {

json make_response(const json& id, const Reply& reply) {
  if (reply.error) return make_error(id, reply.error->code, reply.error->message);
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", reply.result}};
}

json make_error(const json& id, int code, std::string_view message) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json make_notification(std::string_view method, json params) {
  return json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json make_request(const json& id, std::string_view method, json params) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

std::string to_text(const json& message) {
  return message.dump(-1, ' ', false, json::error_handler_t::replace);
}

const json* find(const json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

namespace {

const json& require(const json& obj, std::string_view key, bool (json::*is)() const noexcept,
                    const char* what) {
  const json* v = find(obj, key);
  if (!v) throw ParamError(fmt::format("missing '{}'", key));
  if (!((*v).*is)()) throw ParamError(fmt::format("'{}' must be {}", key, what));
  return *v;
}

}  // namespace

const json& require_object(const json& obj, std::string_view key) {
  return require(obj, key, &json::is_object, "an object");
}

const json& require_array(const json& obj, std::string_view key) {
  return require(obj, key, &json::is_array, "an array");
}

std::string require_string(const json& obj, std::string_view key) {
  return require(obj, key, &json::is_string, "a string").get<std::string>();
}

uint32_t require_uint(const json& obj, std::string_view key) {
  const json& v = require(obj, key, &json::is_number_integer, "a non-negative integer");
  if (v.is_number_unsigned()) {
    auto n = v.get<uint64_t>();
    return n > std::numeric_limits<uint32_t>::max() ? std::numeric_limits<uint32_t>::max()
                                                    : static_cast<uint32_t>(n);
  }
  auto n = v.get<int64_t>();
  if (n < 0) throw ParamError(fmt::format("'{}' must be a non-negative integer", key));
  return n > std::numeric_limits<uint32_t>::max() ? std::numeric_limits<uint32_t>::max()
                                                  : static_cast<uint32_t>(n);
}

std::optional<int64_t> optional_int(const json& obj, std::string_view key) {
  const json* v = find(obj, key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_number_integer()) throw ParamError(fmt::format("'{}' must be an integer", key));
  return v->get<int64_t>();
}

const json* find_path(const json& obj, std::string_view dotted_path) {
  const json* cur = &obj;
  while (cur && !dotted_path.empty()) {
    size_t dot = dotted_path.find('.');
    cur = find(*cur, dotted_path.substr(0, dot));
    dotted_path = dot == std::string_view::npos ? std::string_view() : dotted_path.substr(dot + 1);
  }
  return cur;
}

bool flag_at(const json& obj, std::string_view dotted_path) {
  const json* cur = find_path(obj, dotted_path);
  return cur && cur->is_boolean() && cur->get<bool>();
}

}  // namespace followup::lsp
