#include "rules/sections.hpp"

#include <algorithm>

#include "rules/rule.hpp"

namespace followup::rules {

const std::vector<std::string>& section_names() {
  static const std::vector<std::string> names = {
      "subject", "to",      "cc",        "header",         "salutation", "paragraph",
      "first_paragraph", "last_paragraph", "closing", "signature", "signature_name", "body", "letter_head"};
  return names;
}

bool is_section_name(std::string_view name) {
  const auto& names = section_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

namespace {

// Appends the spans of section `name` to `out`, in document order.
void append_section(const core::Draft& draft, std::string_view name, std::vector<core::Span>& out) {
  auto header_value = [&](std::string_view header) {
    for (const auto& h : draft.headers)
      if (h.name == header) out.push_back(h.value);
  };
  if (name == "subject") {
    header_value("subject");
  } else if (name == "to") {
    header_value("to");
  } else if (name == "cc") {
    header_value("cc");
  } else if (name == "header") {
    for (const auto& h : draft.headers) out.push_back(h.value);
  } else if (name == "salutation") {
    if (draft.salutation) out.push_back(*draft.salutation);
  } else if (name == "paragraph") {
    out.insert(out.end(), draft.paragraphs.begin(), draft.paragraphs.end());
  } else if (name == "first_paragraph") {
    if (!draft.paragraphs.empty()) out.push_back(draft.paragraphs.front());
  } else if (name == "last_paragraph") {
    if (!draft.paragraphs.empty()) out.push_back(draft.paragraphs.back());
  } else if (name == "closing") {
    if (draft.closing) out.push_back(*draft.closing);
  } else if (name == "signature") {
    out.insert(out.end(), draft.signature_lines.begin(), draft.signature_lines.end());
  } else if (name == "signature_name") {
    if (!draft.signature_lines.empty()) out.push_back(draft.signature_lines.front());
  } else if (name == "letter_head") {
    out.insert(out.end(), draft.letter_head_lines.begin(), draft.letter_head_lines.end());
  } else if (name == "body") {
    if (draft.salutation) out.push_back(*draft.salutation);
    out.insert(out.end(), draft.paragraphs.begin(), draft.paragraphs.end());
    if (draft.closing) out.push_back(*draft.closing);
    out.insert(out.end(), draft.signature_lines.begin(), draft.signature_lines.end());
    if (draft.postscript) out.push_back(*draft.postscript);
  }
}

}  // namespace

PartMask part_mask(const std::vector<std::string>& sections) {
  PartMask headers = part_bit(PartKind::kSubject) | part_bit(PartKind::kTo) | part_bit(PartKind::kCc) |
                     part_bit(PartKind::kOtherHeader);
  PartMask mask = 0;
  for (const auto& name : sections) {
    if (name == "subject") mask |= part_bit(PartKind::kSubject);
    else if (name == "to") mask |= part_bit(PartKind::kTo);
    else if (name == "cc") mask |= part_bit(PartKind::kCc);
    else if (name == "header") mask |= headers;
    else if (name == "salutation") mask |= part_bit(PartKind::kSalutation);
    else if (name == "paragraph" || name == "first_paragraph" || name == "last_paragraph")
      mask |= part_bit(PartKind::kParagraph);
    else if (name == "closing") mask |= part_bit(PartKind::kClosing);
    else if (name == "signature" || name == "signature_name") mask |= part_bit(PartKind::kSignature);
    else if (name == "body")
      mask |= part_bit(PartKind::kSalutation) | part_bit(PartKind::kParagraph) | part_bit(PartKind::kClosing) |
              part_bit(PartKind::kSignature);
  }
  return mask;
}

std::vector<core::Span> section_spans(const core::Draft& draft, std::string_view name) {
  std::vector<core::Span> out;
  append_section(draft, name, out);
  return out;
}

std::vector<core::Span> section_spans(const core::Draft& draft, const std::vector<std::string>& names) {
  std::vector<core::Span> out;
  section_spans(draft, names, out);
  return out;
}

void section_spans(const core::Draft& draft, const std::vector<std::string>& names, std::vector<core::Span>& out) {
  out.clear();
  for (const auto& name : names) append_section(draft, name, out);
  // Listed in document order already, as most rules list their sections.
  auto before = [](core::Span a, core::Span b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; };
  if (!std::is_sorted(out.begin(), out.end(), before)) std::sort(out.begin(), out.end(), before);
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

void SectionCache::reset(const core::Draft& draft, size_t keys) {
  draft_ = &draft;
  if (spans_.size() < keys) spans_.resize(keys);
  built_.assign(keys, 0);
  unnumbered_.clear();
}

const std::vector<core::Span>& SectionCache::spans(const CheckCommon& common) {
  const size_t key = common.sections_key;
  if (key >= built_.size()) {  // a check the rule set did not number: spans of its own
    unnumbered_.push_back(section_spans(*draft_, common.sections));
    return unnumbered_.back();
  }
  if (!built_[key]) {
    section_spans(*draft_, common.sections, spans_[key]);
    built_[key] = 1;
  }
  return spans_[key];
}

}  // namespace followup::rules
