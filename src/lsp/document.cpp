#include "lsp/document.hpp"

namespace followup::lsp {

Document::Document(std::string uri, std::filesystem::path path, std::string text, int64_t version)
    : uri_(std::move(uri)), path_(std::move(path)), text_(std::move(text)), version_(version) {}

void Document::set_text(std::string text, int64_t version) {
  text_ = std::move(text);
  version_ = version;
  source_.reset();
  dirty = true;
}

void Document::apply_change(const Range& range, std::string_view replacement,
                            PositionEncoding enc) {
  core::Span span = to_span(source(), range, enc);
  text_.replace(span.begin, span.size(), replacement);
  source_.reset();
  dirty = true;
}

const core::Source& Document::source() { return *shared_source(); }

std::shared_ptr<const core::Source> Document::shared_source() {
  if (!source_) source_ = std::make_shared<core::Source>(path_.string(), text_);
  return source_;
}

}  // namespace followup::lsp
