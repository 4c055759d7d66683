// Fuzzes globs and the folder walk together. The input is a list of lines:
//   x PATTERN        an exclude glob, as a config's `exclude` gives it
//   g LINE           a line of the walked folder's .gitignore
//   l NAME TARGET    a symbolic link NAME -> TARGET (TARGET as written: up
//                    and out of the tree, absolute, itself, a loop)
//   anything else    a file to create, folders and all
// The tree is built in a scratch folder and walked as `followup-lint DIR`
// walks it.
//
// Checks: every draft the walk takes lies inside the tree, is a regular
// file (never a link: links are taken only with --follow-links), has a draft
// extension, sits in no hidden, build or node_modules folder, and is not
// excluded; and it is taken once. Without .gitignore lines, every created
// draft that none of this rules out is taken: the walk's folder-by-folder
// pruning must agree with Glob::matches on the whole path.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "cli/inputs.hpp"
#include "config/glob.hpp"
#include "fuzz_support.hpp"

using namespace followup;
namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxLines = 32;
constexpr size_t kMaxSegments = 6;
constexpr size_t kMaxSegmentBytes = 24;

struct Tree {
  std::vector<config::Glob> excludes;
  std::vector<std::string> gitignore;
  std::vector<std::string> files;  // relative paths that were created
};

// A relative path made of at most kMaxSegments names, none empty, "." or "..".
std::string safe_relative(std::string_view text) {
  std::string out;
  size_t segments = 0;
  size_t at = 0;
  while (at <= text.size() && segments < kMaxSegments) {
    size_t slash = std::min(text.find('/', at), text.size());
    std::string name(text.substr(at, std::min(slash - at, kMaxSegmentBytes)));
    std::erase(name, '\0');
    if (!name.empty() && name != "." && name != "..") {
      out += (out.empty() ? "" : "/") + name;
      ++segments;
    }
    at = slash + 1;
  }
  return out;
}

// The scratch folder of this process, emptied before each input and
// removed when the process ends.
struct Scratch {
  fs::path base = fs::temp_directory_path() / ("followup-fuzz-walk-" + std::to_string(getpid()));
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(base, ec);
  }
};

fs::path scratch_root() {
  static Scratch scratch;
  static unsigned run = 0;
  std::error_code ec;
  fs::remove_all(scratch.base, ec);
  return scratch.base / std::to_string(run++ % 2);
}

Tree build_tree(std::string_view input, const fs::path& root) {
  Tree tree;
  std::error_code ec;
  fs::create_directories(root, ec);
  size_t lines = 0;
  for (size_t at = 0; at < input.size() && lines < kMaxLines; ++lines) {
    size_t end = std::min(input.find('\n', at), input.size());
    std::string_view line = input.substr(at, end - at);
    at = end + 1;
    if (line.starts_with("x ")) {
      auto glob = config::Glob::compile(line.substr(2));
      if (auto* g = std::get_if<config::Glob>(&glob)) tree.excludes.push_back(std::move(*g));
    } else if (line.starts_with("g ")) {
      tree.gitignore.emplace_back(line.substr(2));
    } else if (line.starts_with("l ")) {
      size_t space = line.find(' ', 2);
      if (space == std::string_view::npos) continue;
      std::string name = safe_relative(line.substr(2, space - 2));
      std::string target(line.substr(space + 1));
      std::erase(target, '\0');
      if (name.empty() || target.empty()) continue;
      fs::create_directories((root / name).parent_path(), ec);
      fs::create_symlink(target, root / name, ec);
    } else if (std::string name = safe_relative(line); !name.empty()) {
      fs::create_directories((root / name).parent_path(), ec);
      if (fs::exists(root / name, ec)) continue;
      std::ofstream(root / name) << "Dear Ana,\n\nThank you.\n";
      if (fs::is_regular_file(fs::symlink_status(root / name, ec))) tree.files.push_back(name);
    }
  }
  if (!tree.gitignore.empty()) {
    std::ofstream out(root / ".gitignore");
    for (const auto& l : tree.gitignore) out << l << "\n";
  }
  return tree;
}

bool is_draft_name(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".eml" || ext == ".html" ||
         ext == ".htm" || ext == ".followup";
}

// A folder of the path the walk never enters.
bool in_skipped_folder(const std::string& relative) {
  size_t at = 0;
  for (size_t slash; (slash = relative.find('/', at)) != std::string::npos; at = slash + 1) {
    std::string name = relative.substr(at, slash - at);
    if ((name.size() > 1 && name[0] == '.') || name == "node_modules" || name == "build") return true;
  }
  return false;
}

bool excluded(const Tree& tree, const std::string& relative) {
  return std::any_of(tree.excludes.begin(), tree.excludes.end(),
                     [&](const config::Glob& g) { return g.matches(relative); });
}

// A symlinked folder on the way down is not followed either.
bool through_link(const fs::path& root, const std::string& relative) {
  std::error_code ec;
  fs::path at = root;
  for (const auto& part : fs::path(relative).parent_path()) {
    at /= part;
    if (fs::is_symlink(at, ec)) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const fs::path root = scratch_root();
  Tree tree = build_tree(fuzz::as_text(data, size), root);
  cli::WalkOptions options;
  options.excluded = [&](const fs::path& path, bool folder) {
    std::string relative = path.lexically_relative(root).generic_string();
    return std::any_of(tree.excludes.begin(), tree.excludes.end(),
                       [&](const config::Glob& g) { return g.matches_entry(relative, folder); });
  };
  std::set<std::string> taken;
  cli::walk_inputs({root.string()}, options, [&](cli::Input in) {
    if (!in.error.empty()) return;  // "no drafts in this folder", an unreadable subfolder
    std::error_code ec;
    std::string relative = fs::path(in.path).lexically_relative(root).generic_string();
    FUZZ_CHECK(!relative.empty() && relative != ".." && !relative.starts_with("../"));
    FUZZ_CHECK(fs::is_regular_file(fs::symlink_status(in.path, ec)));
    FUZZ_CHECK(is_draft_name(relative));
    FUZZ_CHECK(!in_skipped_folder(relative));
    FUZZ_CHECK(!excluded(tree, relative));
    FUZZ_CHECK(taken.insert(relative).second);
  });
  if (tree.gitignore.empty()) {
    for (const auto& file : tree.files) {
      if (!is_draft_name(file) || in_skipped_folder(file) || excluded(tree, file) || through_link(root, file))
        continue;
      FUZZ_CHECK(taken.count(file) == 1);
    }
  }
  return 0;
}
