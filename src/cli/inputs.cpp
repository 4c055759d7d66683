#include "cli/inputs.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace followup::cli {
namespace fs = std::filesystem;

namespace {
bool is_draft_name(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".eml" || ext == ".html" || ext == ".htm";
}

// Why a path given on the command line cannot be looked at.
std::string path_error(const std::error_code& ec) {
  if (!ec || ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory)
    return "no such file or folder";
  if (ec == std::errc::too_many_symbolic_link_levels)
    return "a symlink loop (too many levels of symbolic links)";
  return fmt::format("cannot read: {}", ec.message());
}

}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& paths,
                                  const std::function<bool(const fs::path&)>& excluded) {
  std::vector<Input> out;
  // A draft named twice ("drafts drafts/note.txt", or through a link) is
  // linted once, at its first place: twice would double its findings and,
  // with --fix, write it twice.
  std::set<std::pair<dev_t, ino_t>> seen;
  bool seen_stdin = false;
  auto first_time = [&seen](const std::string& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return true;
    return seen.insert({st.st_dev, st.st_ino}).second;
  };
  for (const auto& path : paths) {
    if (path == "-") {
      if (!seen_stdin) out.push_back({path, ""});
      seen_stdin = true;
      continue;
    }
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.push_back({path, path_error(ec)});
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      std::string walk_error;
      // Symlinked folders are not followed, so a link back up the tree (a loop)
      // ends the walk like any other entry. Unreadable subfolders are skipped.
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec),
          end;
      if (ec) {
        out.push_back({path, fmt::format("cannot read the folder: {}", ec.message())});
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) {
          walk_error = ec.message();
          break;
        }
        const fs::path& p = it->path();
        std::string name = p.filename().string();
        // A symlink is judged by what it names; a dangling or looping link,
        // a pipe or a device is no draft and is passed over.
        if (it->is_directory(ec)) {
          if (name.size() > 1 && name[0] == '.') it.disable_recursion_pending();
          if (name == "node_modules" || name == "build") it.disable_recursion_pending();
          continue;
        }
        if (!it->is_regular_file(ec) || !is_draft_name(p)) continue;
        if (excluded && excluded(p)) continue;
        found.push_back(p.string());
      }
      std::sort(found.begin(), found.end());
      if (!walk_error.empty()) {
        out.push_back({path, fmt::format("cannot read the whole folder: {}", walk_error)});
      } else if (found.empty()) {
        out.push_back({path, "no drafts (*.txt, *.md, *.eml) in this folder"});
        continue;
      }
      for (auto& f : found)
        if (first_time(f)) out.push_back({std::move(f), ""});
      continue;
    }
    if (!fs::is_regular_file(status)) {
      out.push_back({path, "not a regular file (a device, socket or pipe cannot be linted)"});
      continue;
    }
    if (first_time(path)) out.push_back({path, ""});
  }
  return out;
}

}  // namespace followup::cli
