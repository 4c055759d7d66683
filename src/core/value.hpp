// Value: a small, library-neutral tree for configuration data (rule files,
// config files, front matter). config/ converts TOML into it, keeping where
// each value came from so that errors can name file:line:col.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace followup::core {

struct Origin {
  std::string file;
  uint32_t line = 0;    // 1-based, 0 when unknown
  uint32_t column = 0;  // 1-based
};

struct Value;
using Array = std::vector<Value>;
using Table = std::map<std::string, Value>;

struct Value {
  // A date or date-time is kept as its ISO 8601 text.
  std::variant<std::monostate, bool, int64_t, double, std::string, Array, Table> data;
  Origin origin;

  // Declared so that `{}` means this constructor, not aggregate
  // initialization: clang 14 with libstdc++ 12 otherwise recurses through
  // std::pair<const std::string, Value> while checking it and rejects
  // std::variant<std::pair<std::string, Value>, ...> (parse_context_flag).
  Value() = default;

  bool is_string() const { return std::holds_alternative<std::string>(data); }
  bool is_bool() const { return std::holds_alternative<bool>(data); }
  bool is_int() const { return std::holds_alternative<int64_t>(data); }
  bool is_number() const { return is_int() || std::holds_alternative<double>(data); }
  bool is_array() const { return std::holds_alternative<Array>(data); }
  bool is_table() const { return std::holds_alternative<Table>(data); }
  const std::string& str() const { return std::get<std::string>(data); }
  bool boolean() const { return std::get<bool>(data); }
  int64_t integer() const { return std::get<int64_t>(data); }
  double number() const { return is_int() ? static_cast<double>(integer()) : std::get<double>(data); }
  const Array& array() const { return std::get<Array>(data); }
  const Table& table() const { return std::get<Table>(data); }
  Array& array() { return std::get<Array>(data); }
  Table& table() { return std::get<Table>(data); }
  const char* type_name() const;
};

inline const char* Value::type_name() const {
  switch (data.index()) {
    case 1: return "a boolean";
    case 2: return "an integer";
    case 3: return "a number";
    case 4: return "a string";
    case 5: return "an array";
    case 6: return "a table";
    default: return "nothing";
  }
}

}  // namespace followup::core
