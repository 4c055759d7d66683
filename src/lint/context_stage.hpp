// The context stage: resolves what the rules may know about one draft, in
// SPEC §3's order (defaults and config < front matter < header block <
// command line), and infers the kind when nothing says it. Bad front matter
// and an unreadable Date header are findings of this stage
// (front-matter.invalid, header.date-invalid), never errors of the run.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/context.hpp"
#include "core/draft.hpp"
#include "core/source.hpp"
#include "diag/diagnostic.hpp"
#include "lint/lint.hpp"
#include "match/match.hpp"

namespace followup::lint {

// Rules the front matter's `disable` key turns off, with where each is named.
struct FrontMatterDisable {
  std::string rule;
  core::Span where;
};

// Fills `context` (which starts as the settings' context) for `draft`.
void resolve_context(const core::Source& source, const core::Draft& draft, const LintSettings& settings,
                     const match::LintScans& scans, core::Context& context,
                     std::vector<FrontMatterDisable>& disabled, std::vector<diag::Diagnostic>& out);

// "a, b ,c" -> {"a", "b", "c"}.
std::vector<std::string> split_list(std::string_view text);

}  // namespace followup::lint
