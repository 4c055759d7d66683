// The drafts of a run: folders expanded into the drafts inside them, each
// file once, with a clear error for a path that cannot be linted.
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

// Expands folders recursively (drafts end in .txt, .md, .markdown, .eml, .html or .htm; hidden
// folders are skipped, symlinked folders are not followed, so a symlink loop
// ends; pipes, devices and dangling links inside a folder are passed over),
// keeps files as given (each file once, at its first place, however often
// it is named or linked), and reports missing paths, symlink loops and
// non-regular files. A folder that cannot be read to the end is reported
// along with the drafts found before the error. `excluded` drops files
// matched by a config's exclude globs during folder walks.
// The same inputs, each handed to `take` as soon as the walk finds it, in
// the order collect_inputs lists them.
void walk_inputs(const std::vector<std::string>& paths,
                 const std::function<bool(const std::filesystem::path&)>& excluded,
                 const std::function<void(Input)>& take);

std::vector<Input> collect_inputs(
    const std::vector<std::string>& paths,
    const std::function<bool(const std::filesystem::path&)>& excluded);

}  // namespace followup::cli
