// Test helpers: run the followup-lint binary and compare against snapshots.
#pragma once

#include <string>
#include <vector>

namespace followup::testing {

struct RunResult {
  std::string out;
  std::string err;
  int exit_code = -1;
};

// Runs FOLLOWUP_BINARY with `args` in `cwd` (default: the source folder),
// feeding `input` on stdin. No shell is involved.
RunResult run_linter(const std::vector<std::string>& args, const std::string& input = "",
                     const std::string& cwd = FOLLOWUP_SOURCE_DIR,
                     const std::vector<std::string>& extra_env = {});

std::string read_text(const std::string& path);
void write_text(const std::string& path, const std::string& text);

// Compares `actual` with the snapshot file; with FOLLOWUP_LINT_UPDATE_SNAPSHOTS=1
// in the environment it rewrites the file instead and returns true.
bool matches_snapshot(const std::string& snapshot_path, const std::string& actual);

}  // namespace followup::testing
