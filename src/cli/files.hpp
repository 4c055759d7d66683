// File system work of the command line: expanding folders into drafts,
// reading a file safely, and writing a fixed draft atomically.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace followup::cli {

struct Input {
  std::string path;  // as given or found; "-" for standard input
  std::string error; // set when the path cannot be linted
};

// Expands folders recursively (drafts end in .txt, .md or .eml; hidden
// folders are skipped, symlinked folders are not followed), keeps files as
// given, and reports missing paths and non-regular files. `excluded` drops
// files matched by a config's exclude globs during folder walks.
std::vector<Input> collect_inputs(const std::vector<std::string>& paths,
                                  const std::function<bool(const std::filesystem::path&)>& excluded);

// Reads a whole regular file; nullopt with `error` set on failure.
std::optional<std::string> read_file(const std::string& path, std::string& error);
std::string read_stdin();

// Replaces `path` with `text` through a temporary file in the same folder,
// flushed to disk and renamed over the original, keeping its permissions.
// A symlink is followed: the file it names is replaced, the link is kept.
// On failure the original is untouched and `error` says why.
bool write_atomically(const std::string& path, const std::string& text, std::string& error);

}  // namespace followup::cli
