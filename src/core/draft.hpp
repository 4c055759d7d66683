// Draft: the document model of one follow-up note, produced by
// parse::parse_draft. Every part is a byte Span into the Source it was parsed
// from; the Source must outlive the Draft.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"
#include "core/span.hpp"

namespace followup::core {

struct Header {
  std::string name;  // lowercased ("subject", "to", ...)
  Span line;         // the whole field, continuation lines included
  Span value;        // the value, trimmed
  bool in_letter_head = false;  // a letter's "Re:" / "Subject:" line, not a mail header
};

struct Sentence {
  Span span;
  bool list_item = false;  // a bulleted or numbered line, not prose
};

// The kinds of part a draft is made of: each header value, the salutation,
// each paragraph, the closing, each signature line. Rule sections are unions
// of parts; the shared pattern pass of src/match/ scans part by part.
enum class PartKind : uint8_t { kSubject, kTo, kCc, kOtherHeader, kSalutation, kParagraph, kClosing, kSignature };
constexpr size_t kPartKinds = 8;
using PartMask = uint32_t;  // bit k: PartKind k
constexpr PartMask part_bit(PartKind kind) { return PartMask{1} << static_cast<unsigned>(kind); }

struct Draft {
  const Source* source = nullptr;
  uint32_t content_begin = 0;               // after a UTF-8 BOM, if any
  std::optional<Span> front_matter;         // the TOML between the +++ lines
  std::optional<Span> front_matter_block;   // including the +++ lines
  bool front_matter_unclosed = false;       // a first +++ line with no closing one
  std::vector<Header> headers;
  std::optional<Span> header_block;
  // A letter's heading before the salutation: the sender's address, a date
  // line, the recipient's block, a reference line. Not paragraphs.
  std::optional<Span> letter_head;
  std::vector<Span> letter_head_lines;  // non-blank lines, trimmed
  Span body;                                // salutation .. end of signature
  std::optional<Span> salutation;           // the salutation text (line, or inline phrase)
  std::vector<Span> paragraphs;
  std::optional<Span> closing;
  std::optional<Span> signature;            // the whole block
  std::vector<Span> signature_lines;        // non-blank lines, trimmed
  std::optional<Span> postscript;           // "P.S. ..." after the signature
  std::vector<Sentence> sentences;          // within paragraphs, in order
  std::vector<Span> words;                  // within the body, letters and numbers only
  // Template text left in ("[Position Title]", "(Your name)", "<JOB TITLE>",
  // "____", "xx/xx", ...): one span per slot, sorted. Other rules do not
  // read inside a slot, and a slot fills the place it stands in.
  std::vector<Span> slots;

  // Phone numbers within the body, sorted. Found on first use (a rule asks
  // only when its plain patterns saw no number): reading them costs far
  // more than the rest of a lint.
  const std::vector<Span>& phone_numbers() const {
    if (!phone_numbers_) phone_numbers_ = find_phone_numbers ? find_phone_numbers(*this) : std::vector<Span>{};
    return *phone_numbers_;
  }
  std::function<std::vector<Span>(const Draft&)> find_phone_numbers;  // set by the parser

  const Header* header(std::string_view lowercase_name) const {
    for (const auto& h : headers)
      if (h.name == lowercase_name) return &h;
    return nullptr;
  }
  std::string_view text(Span span) const { return source->slice(span); }

 private:
  mutable std::optional<std::vector<Span>> phone_numbers_;
};

}  // namespace followup::core
