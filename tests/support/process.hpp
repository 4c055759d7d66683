// Test helpers: run a program (the followup-lint binary, git, python3, ...)
// as a child process without a shell, capturing stdout and stderr; find
// programs on PATH; read and write whole files; compare against snapshots.
// A child that cannot start exits 127; a child killed by a signal reports
// 128 + the signal number.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace followup::testing {

struct RunResult {
  std::string out;
  std::string err;
  int exit_code = -1;
  double cpu_seconds = 0;  // user + system time of the child
  long peak_rss_kb = 0;    // the child's peak resident set size
};

// What to run: argv[0] is looked up on PATH (after `env` is applied) unless
// it holds a '/'. With `input` the child reads it from a pipe on stdin (an
// empty input is a pipe closed at once); without, stdin is /dev/null. `env`
// entries ("KEY=VALUE") are added to the environment.
struct Command {
  std::vector<std::string> argv;
  std::string cwd = FOLLOWUP_SOURCE_DIR;
  std::optional<std::string> input;
  std::vector<std::string> env;
};

RunResult run(const Command& command);

// Runs FOLLOWUP_BINARY with `args` in `cwd` (default: the source folder),
// feeding `input` on stdin.
RunResult run_linter(const std::vector<std::string>& args, const std::string& input = "",
                     const std::string& cwd = FOLLOWUP_SOURCE_DIR,
                     const std::vector<std::string>& extra_env = {});

// Runs argv[0] (looked up on PATH) with the rest as arguments in `cwd`, with
// `extra_env` entries added to the environment and stdin on /dev/null.
RunResult run_command(const std::vector<std::string>& argv, const std::string& cwd,
                      const std::vector<std::string>& extra_env = {});

// Runs FOLLOWUP_BINARY with `args` in `cwd`, its stdout on a pseudo-terminal
// (stdin and stderr on /dev/null) and NO_COLOR set to `no_color`, or unset
// when it is null. Returns what the terminal showed, or nullopt when no
// pseudo-terminal is available.
std::optional<std::string> run_linter_on_tty(const std::vector<std::string>& args,
                                             const std::string& cwd, const char* no_color);

// Full path of `name` on PATH, or "" when it is not there.
std::string find_program(const std::string& name);

std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, std::string_view text);

// Compares `actual` with the snapshot file; with FOLLOWUP_LINT_UPDATE_SNAPSHOTS=1
// in the environment it rewrites the file instead and returns true.
bool matches_snapshot(const std::string& snapshot_path, const std::string& actual);

}  // namespace followup::testing
