// Fuzzes the draft parser: bytes -> Source -> parse_draft, sentences and
// words included, then checks the span invariants the rules rely on: every
// span lies in the text on character boundaries, and the parts of a draft
// come in order without overlapping.
//
// parse_draft wants valid UTF-8 (lint reports anything else as
// input.encoding first), so invalid sequences become U+FFFD here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "core/utf8.hpp"
#include "fuzz_support.hpp"
#include "parse/draft_parser.hpp"

using followup::core::Span;

namespace {

std::string to_valid_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (uint32_t at = 0; at < bytes.size();) {
    auto d = followup::core::decode_utf8(bytes, at);
    followup::core::append_utf8(out, d.code_point);
    at += d.length;
  }
  return out;
}

// Checks that `spans` lie in order within `outer`, none overlapping the next.
void check_in_order(std::string_view text, Span outer, const std::vector<Span>& spans) {
  uint32_t cursor = outer.begin;
  for (Span s : spans) {
    FUZZ_CHECK(fuzz::good_span(text, s));
    FUZZ_CHECK(s.begin >= cursor);
    FUZZ_CHECK(s.end <= outer.end);
    cursor = s.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  followup::core::Source source("fuzz.txt", to_valid_utf8(fuzz::as_text(data, size)));
  std::string_view text = source.text();
  followup::core::Draft draft = followup::parse::parse_draft(source);
  const Span all{draft.content_begin, source.size()};

  // Front matter, header block and body follow each other.
  std::vector<Span> blocks;
  if (draft.front_matter_block) blocks.push_back(*draft.front_matter_block);
  if (draft.header_block) blocks.push_back(*draft.header_block);
  blocks.push_back(draft.body);
  check_in_order(text, all, blocks);
  if (draft.front_matter) {
    FUZZ_CHECK(draft.front_matter_block && draft.front_matter_block->contains(*draft.front_matter));
    FUZZ_CHECK(!draft.front_matter_unclosed);
  }

  // Each header field lies in the block; its value lies in its field.
  // A letter's reference line ("Re: ...") is a header of its heading instead.
  std::vector<Span> header_lines, head_lines;
  for (const auto& h : draft.headers) {
    FUZZ_CHECK(!h.name.empty());
    FUZZ_CHECK(h.line.contains(h.value));
    FUZZ_CHECK(fuzz::good_span(text, h.value));
    (h.in_letter_head ? head_lines : header_lines).push_back(h.line);
  }
  FUZZ_CHECK(header_lines.empty() || draft.header_block);
  if (draft.header_block) check_in_order(text, *draft.header_block, header_lines);
  FUZZ_CHECK(head_lines.empty() || draft.letter_head);
  for (Span line : head_lines) FUZZ_CHECK(draft.letter_head->contains(line));
  if (draft.letter_head) {
    FUZZ_CHECK(fuzz::good_span(text, *draft.letter_head));
    FUZZ_CHECK(draft.letter_head->end <= draft.body.begin);
  }

  // Salutation, paragraphs, closing and signature: in that order, in the body.
  std::vector<Span> parts;
  if (draft.salutation) parts.push_back(*draft.salutation);
  parts.insert(parts.end(), draft.paragraphs.begin(), draft.paragraphs.end());
  if (draft.closing) parts.push_back(*draft.closing);
  if (draft.signature) parts.push_back(*draft.signature);
  check_in_order(text, draft.body, parts);
  FUZZ_CHECK(draft.signature.has_value() == !draft.signature_lines.empty());
  if (draft.signature) check_in_order(text, *draft.signature, draft.signature_lines);

  // Sentences: never empty, in order, each inside one paragraph.
  std::vector<Span> sentences;
  for (const auto& s : draft.sentences) {
    FUZZ_CHECK(!s.span.empty());
    bool inside = false;
    for (Span p : draft.paragraphs) inside = inside || p.contains(s.span);
    FUZZ_CHECK(inside);
    sentences.push_back(s.span);
  }
  check_in_order(text, draft.body, sentences);

  // Words: never empty, in order, in the body.
  for (Span w : draft.words) FUZZ_CHECK(!w.empty());
  check_in_order(text, draft.body, draft.words);
  return 0;
}
