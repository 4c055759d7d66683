#include "core/value_codec.hpp"

#include <cstring>

namespace followup::core {
namespace {

enum Tag : unsigned char { kNone, kBool, kInt, kDouble, kString, kArray, kTable };

void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void put_string(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}

void encode(std::string& out, const Value& value) {
  out.push_back(static_cast<char>(value.data.index()));
  put_varint(out, value.origin.line);
  put_varint(out, value.origin.column);
  switch (value.data.index()) {
    case kBool: out.push_back(value.boolean() ? 1 : 0); break;
    case kInt: {
      auto v = static_cast<uint64_t>(value.integer());
      put_varint(out, (v << 1) ^ (value.integer() < 0 ? ~uint64_t{0} : 0));  // zigzag
      break;
    }
    case kDouble: {
      double d = value.number();
      char bytes[sizeof d];
      std::memcpy(bytes, &d, sizeof d);
      out.append(bytes, sizeof d);
      break;
    }
    case kString: put_string(out, value.str()); break;
    case kArray:
      put_varint(out, value.array().size());
      for (const auto& item : value.array()) encode(out, item);
      break;
    case kTable:
      put_varint(out, value.table().size());
      for (const auto& [key, item] : value.table()) {
        put_string(out, key);
        encode(out, item);
      }
      break;
    default: break;
  }
}

class Reader {
 public:
  Reader(std::string_view bytes, const std::string& file) : bytes_(bytes), file_(file) {}

  bool value(Value& out, int depth) {
    if (depth > 64 || pos_ >= bytes_.size()) return false;
    auto tag = static_cast<unsigned char>(bytes_[pos_++]);
    uint64_t line = 0, column = 0;
    if (!varint(line) || !varint(column)) return false;
    out.origin = {file_, static_cast<uint32_t>(line), static_cast<uint32_t>(column)};
    switch (tag) {
      case kNone: return true;
      case kBool:
        if (pos_ >= bytes_.size()) return false;
        out.data = bytes_[pos_++] != 0;
        return true;
      case kInt: {
        uint64_t v = 0;
        if (!varint(v)) return false;
        out.data = static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
        return true;
      }
      case kDouble: {
        double d = 0;
        if (bytes_.size() - pos_ < sizeof d) return false;
        std::memcpy(&d, bytes_.data() + pos_, sizeof d);
        pos_ += sizeof d;
        out.data = d;
        return true;
      }
      case kString: {
        std::string s;
        if (!string(s)) return false;
        out.data = std::move(s);
        return true;
      }
      case kArray: {
        uint64_t n = 0;
        if (!varint(n) || n > bytes_.size() - pos_) return false;
        Array array(static_cast<size_t>(n));
        for (auto& item : array)
          if (!value(item, depth + 1)) return false;
        out.data = std::move(array);
        return true;
      }
      case kTable: {
        uint64_t n = 0;
        if (!varint(n) || n > bytes_.size() - pos_) return false;
        Table table;
        for (uint64_t i = 0; i < n; ++i) {
          std::string key;
          Value item;
          if (!string(key) || !value(item, depth + 1)) return false;
          table.emplace_hint(table.end(), std::move(key), std::move(item));
        }
        out.data = std::move(table);
        return true;
      }
      default: return false;
    }
  }

  bool at_end() const { return pos_ == bytes_.size(); }

 private:
  bool varint(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64 && pos_ < bytes_.size(); shift += 7) {
      auto byte = static_cast<unsigned char>(bytes_[pos_++]);
      v |= uint64_t{byte & 0x7Fu} << shift;
      if (!(byte & 0x80)) return true;
    }
    return false;
  }

  bool string(std::string& s) {
    uint64_t n = 0;
    if (!varint(n) || n > bytes_.size() - pos_) return false;
    s.assign(bytes_.data() + pos_, static_cast<size_t>(n));
    pos_ += static_cast<size_t>(n);
    return true;
  }

  std::string_view bytes_;
  const std::string& file_;
  size_t pos_ = 0;
};

}  // namespace

std::string encode_value(const Value& value) {
  std::string out;
  encode(out, value);
  return out;
}

std::optional<Value> decode_value(std::string_view bytes, const std::string& file) {
  Reader reader(bytes, file);
  Value value;
  if (!reader.value(value, 0) || !reader.at_end()) return std::nullopt;
  return value;
}

}  // namespace followup::core
