// File system work of the command line: expanding folders into drafts,
// reading a file safely, and writing a fixed draft atomically.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/read_file.hpp"

namespace followup::cli {

struct Input {
  std::string path;   // as given or found; "-" for standard input
  std::string error;  // set when the path cannot be linted
};

using core::kMaxInputBytes;
using core::read_all;
using core::read_file;
using core::read_stdin;

// Expands folders recursively (drafts end in .txt, .md or .eml; hidden
// folders are skipped, symlinked folders are not followed, so a symlink loop
// ends; pipes, devices and dangling links inside a folder are passed over),
// keeps files as given (each file once, at its first place, however often
// it is named or linked), and reports missing paths, symlink loops and
// non-regular files. A folder that cannot be read to the end is reported
// along with the drafts found before the error. `excluded` drops files
// matched by a config's exclude globs during folder walks.
std::vector<Input> collect_inputs(
    const std::vector<std::string>& paths,
    const std::function<bool(const std::filesystem::path&)>& excluded);

// Replaces `path` with `text` through a temporary file in the same folder,
// flushed to disk and renamed over the original, keeping its permissions
// (and, where allowed, its owner). A symlink is followed: the file it names
// is replaced, the link is kept. `original` is what the caller read and
// computed `text` from: the file is replaced only if it still holds exactly
// those bytes just before the rename, so an edit saved meanwhile by another
// program is never lost. A file without write permission (no write bits in
// its mode, even for root, or not writable by this user) is refused rather
// than replaced. On any failure the original is untouched byte for byte, no
// temporary file is left behind, and `error` says why.
bool write_atomically(const std::string& path, const std::string& text, const std::string& original,
                      std::string& error);

}  // namespace followup::cli
