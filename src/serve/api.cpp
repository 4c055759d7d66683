#include "serve/api.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace followup::serve {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxFilenameBytes = 255;

// nlohmann prefixes its messages with "[json.exception.parse_error.101] ";
// the reader of a 400 wants the part after it.
std::string parse_error_reason(const json::parse_error& e) {
  std::string_view what = e.what();
  if (auto close = what.find("] "); what.starts_with("[") && close != std::string_view::npos) {
    what.remove_prefix(close + 2);
  }
  return "malformed JSON: " + std::string(what);
}

std::string bare_filename(std::string_view name) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  std::string out;
  for (char c : name.substr(0, kMaxFilenameBytes)) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
  }
  if (out.empty() || out == "." || out == "..") return "draft.txt";
  return out;
}

std::string read_fields(const json& doc, LintRequest& out) {
  if (!doc.is_object()) return "the request body must be a JSON object";
  auto text = doc.find("text");
  if (text == doc.end()) return "missing \"text\": the draft to lint";
  if (!text->is_string()) return "\"text\" must be a string";
  out.text = text->get<std::string>();

  out.filename = "draft.txt";
  if (auto name = doc.find("filename"); name != doc.end() && !name->is_null()) {
    if (!name->is_string()) return "\"filename\" must be a string";
    out.filename = bare_filename(name->get_ref<const std::string&>());
  }

  out.context_json = "{}";
  if (auto context = doc.find("context"); context != doc.end() && !context->is_null()) {
    if (!context->is_object()) return "\"context\" must be an object";
    out.context_json = context->dump();
  }
  return {};
}

}  // namespace

ParsedLint parse_lint_request(std::string_view body) {
  ParsedLint parsed;
  json doc;
  try {
    doc = json::parse(body);
  } catch (const json::parse_error& e) {
    parsed.error = parse_error_reason(e);
    return parsed;
  }
  parsed.error = read_fields(doc, parsed.request);
  return parsed;
}

std::string error_json(std::string_view message) {
  return json{{"error", message}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool is_json_media_type(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  std::string lower(type);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "application/json";
}

}  // namespace followup::serve
