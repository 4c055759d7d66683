// Helpers shared by the fuzz targets: a check that stays on in release
// builds (assert() is compiled out there), span checks, and the lint settings
// of the built-in rules, built once per process.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

#include "config/toml_value.hpp"
#include "core/span.hpp"
#include "lint/lint.hpp"
#include "rules/rule_set.hpp"

// Aborts (which libFuzzer and ctest both report as a failure) when `cond` is false.
#define FUZZ_CHECK(cond)                                                            \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)

namespace fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// True when `offset` does not fall inside a UTF-8 sequence of `text`.
inline bool on_boundary(std::string_view text, uint32_t offset) {
  return offset >= text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

// A span that lies within `text` and starts and ends between characters.
inline bool good_span(std::string_view text, followup::core::Span span) {
  return span.begin <= span.end && span.end <= text.size() && on_boundary(text, span.begin) &&
         on_boundary(text, span.end);
}

// The built-in rules with default settings, as the command line has them
// with no .followup-lint.toml around.
inline const followup::lint::LintSettings& builtin_settings() {
  static const followup::lint::LintSettings settings = [] {
    using namespace followup;
    std::vector<const rules::RuleFile*> files;
    for (const auto& f : rules::builtin_rules()) files.push_back(&f);
    std::vector<config::LoadError> errors = rules::builtin_rule_errors();
    lint::LintSettings s;
    s.rules = rules::RuleSet::build(files, {}, errors);
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", config::format_error(e).c_str());
    FUZZ_CHECK(errors.empty());
    return s;
  }();
  return settings;
}

}  // namespace fuzz
