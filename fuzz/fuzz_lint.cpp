// Fuzzes the whole lint of one draft with the built-in rules, then renders
// the result with every renderer. Any bytes (invalid UTF-8, NUL, huge lines)
// must give diagnostics such as input.encoding, never a crash. Diagnostic
// spans must lie in the text on character boundaries, and the JSON and SARIF
// output must parse.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "diag/report.hpp"
#include "fuzz_support.hpp"
#include "lint/lint.hpp"

using namespace followup;

namespace {

// SARIF's rule table, for the rules that fired (the full table of every
// built-in rule does not depend on the input and only slows the fuzzer down).
std::vector<diag::RuleDoc> rule_docs(const std::vector<diag::Diagnostic>& diagnostics) {
  std::vector<diag::RuleDoc> out;
  for (const auto& d : diagnostics) {
    const rules::Rule* r = fuzz::builtin_settings().rules->find(d.rule_id);
    if (!r || (!out.empty() && out.back().id == r->id)) continue;
    out.push_back(rules::rule_doc(*r));
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  core::Source source("notes/fuzz.txt", std::string(fuzz::as_text(data, size)));
  lint::LintResult result = lint::lint(source, fuzz::builtin_settings());

  // Spans lie in the text and, in valid UTF-8, do not cut a character.
  auto good = [&](core::Span s) {
    return source.valid_utf8() ? fuzz::good_span(source.text(), s)
                               : s.begin <= s.end && s.end <= source.size();
  };
  for (const auto& d : result.diagnostics) {
    FUZZ_CHECK(!d.rule_id.empty());
    FUZZ_CHECK(good(d.span));
    for (const auto& note : d.notes) FUZZ_CHECK(good(note.span));
  }
  if (!source.valid_utf8()) {
    bool reported = false;
    for (const auto& d : result.diagnostics) reported = reported || d.rule_id == "input.encoding";
    FUZZ_CHECK(reported);
  }

  diag::FileReport report{&source, source.path(),
                          std::string(core::kind_name(result.context.effective_kind())),
                          result.diagnostics};
  std::vector<diag::FileReport> files{report};
  (void)diag::render_text(files, {false}, true);
  (void)diag::render_text(files, {true}, true);
  (void)diag::render_github(files);
  std::string json = diag::render_json(files);
  std::string sarif = diag::render_sarif(files, rule_docs(result.diagnostics));
  FUZZ_CHECK(!nlohmann::json::parse(json, nullptr, false).is_discarded());
  FUZZ_CHECK(!nlohmann::json::parse(sarif, nullptr, false).is_discarded());
  return 0;
}
