// Named parts of a draft that a rule's `sections` may list, and the spans
// each name stands for in a given draft.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/draft.hpp"

namespace followup::rules {

// subject, to, cc, header (every field value), salutation, paragraph,
// first_paragraph, last_paragraph, closing, signature, signature_name (the
// signature's first line), body (salutation through signature), letter_head
// (a letter's heading lines, before the salutation).
bool is_section_name(std::string_view name);
const std::vector<std::string>& section_names();

using core::kPartKinds;
using core::part_bit;
using core::PartKind;
using core::PartMask;

// The kinds of part the named sections are made of (next to section_spans,
// which must agree: a test checks it).
PartMask part_mask(const std::vector<std::string>& sections);

// Spans of one section in `draft`, in document order; empty when absent.
std::vector<core::Span> section_spans(const core::Draft& draft, std::string_view name);

// Spans of several sections, sorted and de-duplicated.
std::vector<core::Span> section_spans(const core::Draft& draft, const std::vector<std::string>& names);
// The same, written into `out` (cleared first), so its memory can be reused.
void section_spans(const core::Draft& draft, const std::vector<std::string>& names, std::vector<core::Span>& out);

// Calls fn(word) for each of `words` that lies inside one of `spans`. Both
// are in document order, so one merge does it (not words x spans).
template <typename Fn>
void for_each_word_in(const std::vector<core::Span>& words, const std::vector<core::Span>& spans, Fn&& fn) {
  size_t current = 0;
  for (core::Span w : words) {
    while (current < spans.size() && spans[current].end < w.end) ++current;
    if (current == spans.size()) break;
    if (spans[current].contains(w)) fn(w);
  }
}

}  // namespace followup::rules
