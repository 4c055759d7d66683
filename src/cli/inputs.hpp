// The drafts of a run: folders expanded into the drafts inside them, each
// file once, with a clear error for a path that cannot be linted.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "platform/system.hpp"

namespace followup::cli {

struct Input {
  std::string path;   // as given or found; "-" for standard input
  std::string error;  // set when the path cannot be linted
};

using platform::kMaxInputBytes;
using platform::read_file;
using platform::read_stdin;

// How a run picks its drafts.
struct WalkOptions {
  // The config's exclude globs: true drops the file (or, for a folder, all of it).
  std::function<bool(const std::filesystem::path&, bool folder)> excluded;
  bool exclude_named = false;  // --force-exclude: files named on the command line too
  bool gitignore = true;       // folder walks skip what .gitignore files skip
  bool follow_links = false;   // --follow-links: a walk also takes symlinked drafts
};

// Expands folders recursively (drafts end in .txt, .md, .markdown, .eml,
// .html, .htm or .followup; hidden, build and node_modules folders are skipped, and so
// is whatever .gitignore files and the config's exclude skip; symlinked
// folders are not followed, so a symlink loop ends, and neither are
// symlinked drafts unless `follow_links` (a link may lead out of the tree,
// to a file whose lines a report would print); pipes, devices and
// dangling links inside a folder are passed over). A path that does not
// exist but holds glob characters ("drafts/*.{txt,md}") is expanded from the
// current folder, and one that matches nothing is reported. Files are kept
// as given (each file once, at its first place, however often it is named
// or linked); missing paths, symlink loops and non-regular files are
// reported. A folder that cannot be read to the end is reported along with
// the drafts found before the error. Each input is handed to `take` as soon
// as the walk finds it, in path order within each folder.
void walk_inputs(const std::vector<std::string>& paths, const WalkOptions& options,
                 const std::function<void(Input)>& take);

}  // namespace followup::cli
