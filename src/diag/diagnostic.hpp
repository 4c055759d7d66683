// Diagnostic: one finding of a rule, with optional notes and fixes. Spans are
// byte ranges into the linted Source; renderers convert them for people.
#pragma once

#include <string>
#include <vector>

#include "core/severity.hpp"
#include "core/span.hpp"

namespace followup::diag {

struct Edit {
  core::Span span;
  std::string replacement;

  static Edit replace(core::Span span, std::string text) { return {span, std::move(text)}; }
  static Edit insert(uint32_t at, std::string text) { return {{at, at}, std::move(text)}; }
  static Edit remove(core::Span span) { return {span, {}}; }
};

enum class Applicability { kSafe, kUnsafe };

struct Fix {
  std::string title;  // "replace with 'Sincerely,'"
  std::vector<Edit> edits;
  Applicability applicability = Applicability::kSafe;
};

struct Note {
  core::Span span;
  std::string message;
};

struct Diagnostic {
  std::string rule_id;
  core::Severity severity = core::Severity::kWarning;
  core::Span span;
  std::string message;
  std::string help;  // how to put it right, when there is no fix or in addition to it
  std::vector<Note> notes;
  std::vector<Fix> fixes;
};

}  // namespace followup::diag
