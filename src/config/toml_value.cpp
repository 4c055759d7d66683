#include "config/toml_value.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>

namespace followup::config {
namespace {

core::Origin origin_of(const toml::node& node, const std::string& file, uint32_t line_offset) {
  const auto& src = node.source();
  return {file, src.begin.line + line_offset, src.begin.column};
}

core::Value convert(const toml::node& node, const std::string& file, uint32_t line_offset) {
  core::Value value;
  value.origin = origin_of(node, file, line_offset);
  switch (node.type()) {
    case toml::node_type::table: {
      core::Table table;
      for (const auto& [key, child] : *node.as_table()) {
        core::Value v = convert(child, file, line_offset);
        if (v.origin.line == 0) v.origin = {file, key.source().begin.line + line_offset, key.source().begin.column};
        table.emplace(std::string(key.str()), std::move(v));
      }
      value.data = std::move(table);
      break;
    }
    case toml::node_type::array: {
      core::Array array;
      for (const auto& child : *node.as_array()) array.push_back(convert(child, file, line_offset));
      value.data = std::move(array);
      break;
    }
    case toml::node_type::string: value.data = std::string(node.as_string()->get()); break;
    case toml::node_type::integer: value.data = node.as_integer()->get(); break;
    case toml::node_type::floating_point: value.data = node.as_floating_point()->get(); break;
    case toml::node_type::boolean: value.data = node.as_boolean()->get(); break;
    case toml::node_type::date: {
      auto d = node.as_date()->get();
      value.data = fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
      break;
    }
    case toml::node_type::time: {
      auto t = node.as_time()->get();
      value.data = fmt::format("{:02}:{:02}:{:02}", t.hour, t.minute, t.second);
      break;
    }
    case toml::node_type::date_time: {
      auto dt = node.as_date_time()->get();
      std::string text = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", dt.date.year, dt.date.month,
                                     dt.date.day, dt.time.hour, dt.time.minute, dt.time.second);
      if (dt.offset) {
        int minutes = dt.offset->minutes;
        char sign = minutes < 0 ? '-' : '+';
        if (minutes < 0) minutes = -minutes;
        text += fmt::format("{}{:02}:{:02}", sign, minutes / 60, minutes % 60);
      }
      value.data = std::move(text);
      break;
    }
    default: break;
  }
  return value;
}

}  // namespace

std::variant<core::Value, LoadError> parse_toml(std::string_view text, const std::string& file,
                                                uint32_t line_offset) {
  try {
    toml::table table = toml::parse(text, std::string_view(file));
    core::Value root = convert(table, file, line_offset);
    root.origin = {file, 1 + line_offset, 1};
    return root;
  } catch (const toml::parse_error& e) {
    const auto& src = e.source();
    return LoadError{{file, src.begin.line + line_offset, src.begin.column}, std::string(e.description())};
  } catch (const std::exception& e) {
    LoadError error;  // built field by field: GCC 12 at -O3 misreads the aggregate form
    error.origin = {file, 1 + line_offset, 1};
    error.message = e.what();
    return error;
  }
}

std::string format_error(const LoadError& error) {
  if (error.origin.line == 0) return fmt::format("{}: error: {}", error.origin.file, error.message);
  return fmt::format("{}:{}:{}: error: {}", error.origin.file, error.origin.line, error.origin.column,
                     error.message);
}

}  // namespace followup::config
