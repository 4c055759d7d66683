// The .gitignore files a folder walk honours: those from the top of the git
// repository (the nearest folder above the walk holding .git) down to each
// folder walked, plus .git/info/exclude. Later and deeper lines win, and a
// '!' line takes a file back, as git does.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/glob.hpp"

namespace followup::cli {

class IgnoreFiles {
 public:
  // Reads the files that apply at `root` (its own .gitignore included).
  explicit IgnoreFiles(const std::filesystem::path& root);

  // Adds `folder`'s .gitignore on the way down; `leave` drops it on the way up.
  void enter(const std::filesystem::path& folder);
  void leave();

  bool ignored(const std::filesystem::path& path, bool folder) const;

 private:
  struct Line {
    config::Glob glob;
    bool negated;
  };
  struct File {
    std::filesystem::path base;
    std::vector<Line> lines;
    size_t depth;  // of the folder it was read in (0: at or above the walk's root)
  };
  void read(const std::filesystem::path& file, const std::filesystem::path& base);
  // Only folders with a .gitignore keep an entry, so a walk 10,000 folders
  // deep holds no 10,000 copies of ever longer paths.
  std::vector<File> files_;
  size_t depth_ = 0;
};

}  // namespace followup::cli
