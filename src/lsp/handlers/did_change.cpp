// textDocument/didChange: full replacements and incremental range edits,
// applied in order, each against the text the previous one produced.
#include <fmt/format.h>

#include "lsp/handlers/handlers.hpp"
#include "lsp/server.hpp"

namespace followup::lsp::handlers {

void did_change(Server& server, const json& params) {
  const json& td = require_object(params, "textDocument");
  std::string uri = require_string(td, "uri");
  const json& changes = require_array(params, "contentChanges");
  Document* doc = server.document(uri);
  if (!doc) {
    server.log(fmt::format("didChange for '{}', which is not open: ignored", uri));
    return;
  }
  // Check every change before applying any, so a bad one leaves the text as it was.
  for (const auto& change : changes) {
    if (!change.is_object()) throw ParamError("each content change must be an object");
    require_string(change, "text");
    if (const json* range = find(change, "range"); range && !range->is_null())
      range_from_json(*range);
  }
  for (const auto& change : changes) {
    const std::string& text = change["text"].get_ref<const std::string&>();
    const json* range = find(change, "range");
    if (range && !range->is_null()) {
      doc->apply_change(range_from_json(*range), text, server.session().encoding);
    } else {
      doc->set_text(text, doc->version());
    }
  }
  if (auto version = optional_int(td, "version")) doc->set_version(*version);
}

}  // namespace followup::lsp::handlers
