// parse_draft: splits a Source into the document model (front matter, header
// block, salutation, paragraphs, closing, signature) with exact byte spans,
// then fills in sentences and words. It never fails: a draft it cannot make
// sense of simply has fewer parts. The Source must be valid UTF-8.
#pragma once

#include "core/draft.hpp"
#include "core/source.hpp"

#include <string>

namespace followup::parse {

struct ParseOptions {
  std::string region = "US";  // for phone numbers written without a country code
};

core::Draft parse_draft(const core::Source& source, const ParseOptions& options = {});

// True for a line that reads as a closing ("Sincerely,", "Best regards").
bool looks_like_closing(std::string_view line);
// True for a line that opens with a greeting ("Dear", "Hello", "Hi", ...).
bool looks_like_salutation(std::string_view line);

}  // namespace followup::parse
