// Fuzzes --fix: lint with the built-in rules, apply the fixes once with and
// once without the unsafe ones, and lint the result again. Checks:
//  - every fix's edits lie in the text on character boundaries, and the
//    edits of one fix do not overlap each other;
//  - the fixes apply_fixes takes in one pass (the first fix of each
//    diagnostic, in order, skipping any that clashes with one taken before)
//    never overlap, and the result is exactly those edits applied;
//  - the result is valid UTF-8 when the input was, and lints without a crash.
#include <cstdint>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "core/utf8.hpp"
#include "diag/fixes.hpp"
#include "fuzz_support.hpp"
#include "rules/engine.hpp"

using namespace followup;

namespace {

bool overlap(const diag::Edit& a, const diag::Edit& b) {
  bool shared_bytes = a.span.begin < b.span.end && b.span.begin < a.span.end;
  // Two edits at one point (an insert there) have no defined order.
  bool same_point = a.span.begin == b.span.begin && (a.span.empty() || b.span.empty());
  return shared_bytes || same_point;
}

void check_fix(std::string_view text, const diag::Fix& fix) {
  FUZZ_CHECK(!fix.edits.empty());
  for (size_t i = 0; i < fix.edits.size(); ++i) {
    FUZZ_CHECK(fuzz::good_span(text, fix.edits[i].span));
    FUZZ_CHECK(!core::find_invalid_utf8(fix.edits[i].replacement));
    for (size_t j = 0; j < i; ++j) FUZZ_CHECK(!overlap(fix.edits[i], fix.edits[j]));
  }
}

void fix_once(const core::Source& source, const std::vector<diag::Diagnostic>& diagnostics,
              bool unsafe) {
  // The fixes one pass may take, and the size of the text after them.
  std::vector<diag::Edit> taken;
  size_t fixes = 0;
  int64_t size = source.size();
  for (const auto& d : diagnostics) {
    if (d.fixes.empty()) continue;
    const diag::Fix& fix = d.fixes.front();
    if (fix.applicability == diag::Applicability::kUnsafe && !unsafe) continue;
    bool clash = false;
    for (const auto& e : fix.edits)
      for (const auto& t : taken) clash = clash || overlap(e, t);
    if (clash) continue;
    for (const auto& e : fix.edits) {
      taken.push_back(e);
      size += static_cast<int64_t>(e.replacement.size()) - static_cast<int64_t>(e.span.size());
    }
    ++fixes;
  }
  diag::Applied applied = diag::apply_fixes(source.text(), diagnostics, unsafe);
  FUZZ_CHECK(applied.fixes == fixes);
  FUZZ_CHECK(static_cast<int64_t>(applied.text.size()) == size);
  if (source.valid_utf8()) FUZZ_CHECK(!core::find_invalid_utf8(applied.text));
  if (applied.fixes == 0) {
    FUZZ_CHECK(applied.text == source.text());
    return;
  }
  core::Source fixed(source.path(), std::move(applied.text));
  (void)rules::lint(fixed, fuzz::builtin_settings());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  core::Source source("notes/fuzz.txt", std::string(fuzz::as_text(data, size)));
  rules::LintResult result = rules::lint(source, fuzz::builtin_settings());
  for (const auto& d : result.diagnostics)
    for (const auto& fix : d.fixes) check_fix(source.text(), fix);
  fix_once(source, result.diagnostics, false);
  fix_once(source, result.diagnostics, true);
  return 0;
}
