// Fuzzes --fix: lint with the built-in rules, apply the fixes once with and
// once without the unsafe ones, and lint the result again. Checks:
//  - every fix's edits lie in the text on character boundaries, and the
//    edits of one fix do not overlap each other;
//  - the fixes apply_fixes takes in one pass (the first fix of each
//    diagnostic, in order, skipping any that clashes with one taken before)
//    never overlap, and the result is exactly those edits applied;
//  - the result is valid UTF-8 when the input was, and lints without a crash.
#include <cstdint>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "core/utf8.hpp"
#include "diag/fixes.hpp"
#include "fuzz_support.hpp"
#include "lint/lint.hpp"

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

// Whether `edit` clashes with one of `taken` (by begin; none clashes with
// another, so only the neighbours of edit.begin need a look).
bool clashes(const std::map<uint32_t, diag::Edit>& taken, const diag::Edit& edit) {
  auto next = taken.lower_bound(edit.span.begin);
  if (next != taken.end() && overlap(edit, next->second)) return true;
  return next != taken.begin() && overlap(edit, std::prev(next)->second);
}

void fix_once(const core::Source& source, const std::vector<diag::Diagnostic>& diagnostics,
              bool unsafe) {
  // The edits one pass takes, as apply_fixes promises to choose them.
  std::map<uint32_t, diag::Edit> taken;
  size_t fixes = 0;
  for (const auto& d : diagnostics) {
    if (d.fixes.empty()) continue;
    const diag::Fix& fix = d.fixes.front();
    if (fix.applicability == diag::Applicability::kUnsafe && !unsafe) continue;
    bool clash = false;
    for (const auto& e : fix.edits) clash = clash || clashes(taken, e);
    if (clash) continue;
    for (const auto& e : fix.edits) taken.emplace(e.span.begin, e);
    ++fixes;
  }
  // They never overlap, and the result is exactly those edits applied.
  std::string expected;
  uint32_t cursor = 0;
  for (const auto& [begin, e] : taken) {
    FUZZ_CHECK(begin >= cursor);
    expected.append(source.text().substr(cursor, begin - cursor)).append(e.replacement);
    cursor = e.span.end;
  }
  expected.append(source.text().substr(cursor));
  diag::Applied applied = diag::apply_fixes(source.text(), diagnostics, unsafe);
  FUZZ_CHECK(applied.fixes == fixes);
  FUZZ_CHECK(applied.text == expected);
  if (source.valid_utf8()) FUZZ_CHECK(!core::find_invalid_utf8(applied.text));
  if (applied.fixes == 0) return;
  core::Source fixed(source.path(), std::move(applied.text));
  (void)lint::lint(fixed, fuzz::builtin_settings());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  core::Source source("notes/fuzz.txt", std::string(fuzz::as_text(data, size)));
  lint::LintResult result = lint::lint(source, fuzz::builtin_settings());
  for (const auto& d : result.diagnostics)
    for (const auto& fix : d.fixes) check_fix(source.text(), fix);
  fix_once(source, result.diagnostics, false);
  fix_once(source, result.diagnostics, true);
  return 0;
}
