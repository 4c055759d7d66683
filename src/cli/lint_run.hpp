// The lint action: every input linted by `--jobs` workers, each rendering
// its own file, and the report written in input order as files finish.
#pragma once

#include "cli/options.hpp"
#include "lint/workspace.hpp"

namespace followup::cli {

// Returns the exit code: 0 clean, 1 findings at or above --fail-on, 2 when
// a file or a config could not be read.
int lint_paths(const Options& o, lint::Workspace& workspace);

}  // namespace followup::cli
