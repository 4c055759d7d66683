#include "cli/inputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <optional>

#include "cli/gitignore.hpp"
#include "config/glob.hpp"

namespace followup::cli {
namespace fs = std::filesystem;

namespace {
bool is_draft_name(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // .followup is the extension the editor set-ups give drafts (read as plain text).
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".eml" || ext == ".html" || ext == ".htm" ||
         ext == ".followup";
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

namespace {

// One folder's entries in the order of their full paths: a folder sorts as
// its name plus '/', so walking depth first in this order lists the drafts
// exactly as sorting every path of the tree would, without waiting for the
// whole tree.
struct Entry {
  std::string key;  // name, plus '/' for a folder
  fs::path path;
  bool folder;
};

// The entries of `folder` worth a look: drafts and folders to descend
// into. Hidden, build and node_modules folders and symlinked folders are
// left out (a link back up the tree would loop); a symlinked file is judged
// by what it names.
std::vector<Entry> entries_of(const fs::path& folder, bool follow_links, std::error_code& ec) {
  std::vector<Entry> out;
  fs::directory_iterator it(folder, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (it->is_directory(type_ec)) {
      bool skipped = (name.size() > 1 && name[0] == '.') || name == "node_modules" || name == "build" ||
                     it->is_symlink(type_ec);
      if (!skipped) out.push_back({name + "/", p, true});
      continue;
    }
    if (!follow_links && it->is_symlink(type_ec)) continue;
    if (it->is_regular_file(type_ec) && is_draft_name(p)) out.push_back({std::move(name), p, false});
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
  return out;
}

// Walks `root` depth first in path order, calling `found` for each draft.
// A subfolder that cannot be opened is reported through `unreadable` and
// passed over; a failure inside a folder's listing ends the walk and is
// returned.
std::string walk_folder(const fs::path& root, const WalkOptions& options,
                        const std::function<void(const fs::path&)>& found, size_t* skipped_count = nullptr,
                        const std::function<void(const fs::path&, const std::string&)>& unreadable = {}) {
  struct Level {
    std::vector<Entry> entries;
    size_t next = 0;
  };
  std::optional<IgnoreFiles> ignore;
  if (options.gitignore) ignore.emplace(root);
  auto skipped = [&](const Entry& e) {
    return (options.excluded && options.excluded(e.path, e.folder)) || (ignore && ignore->ignored(e.path, e.folder));
  };
  std::error_code ec;
  std::vector<Level> stack;
  stack.push_back({entries_of(root, options.follow_links, ec)});
  if (ec) return ec.message();
  while (!stack.empty()) {
    Level& level = stack.back();
    if (level.next == level.entries.size()) {
      stack.pop_back();
      if (ignore && !stack.empty()) ignore->leave();
      continue;
    }
    Entry entry = std::move(level.entries[level.next++]);
    if (skipped(entry)) {
      if (skipped_count) ++*skipped_count;
      continue;
    }
    if (!entry.folder) {
      found(entry.path);
      continue;
    }
    std::vector<Entry> inside = entries_of(entry.path, options.follow_links, ec);
    if (ec) {
      // Its drafts are not linted: say so, and go on with the rest of the tree.
      if (unreadable) unreadable(entry.path, ec.message());
      ec.clear();
      continue;
    }
    if (ignore) ignore->enter(entry.path);
    stack.push_back({std::move(inside)});
  }
  return {};
}

// The folder a command-line glob starts from: its segments before the first
// one with glob characters ("drafts/2026/*.txt" -> "drafts/2026").
std::pair<fs::path, std::string> split_glob(const std::string& pattern) {
  fs::path base;
  size_t start = 0;
  while (true) {
    size_t slash = pattern.find('/', start);
    if (slash == std::string::npos || config::has_glob_chars(pattern.substr(start, slash - start))) break;
    base /= pattern.substr(start, slash - start);
    start = slash + 1;
  }
  if (pattern.rfind('/', 0) == 0) base = "/" / base;
  return {base.empty() ? fs::path(".") : base, pattern.substr(start)};
}

// The drafts a command-line glob names, or why there are none.
std::string expand_glob(const std::string& pattern, const WalkOptions& options,
                        const std::function<void(const fs::path&)>& found) {
  // Named variables, not a structured binding: clang 14 cannot capture those in the lambda below.
  const auto split = split_glob(pattern);
  const fs::path& base = split.first;
  const std::string& rest = split.second;
  auto compiled = config::Glob::compile(rest.find('/') == std::string::npos ? "/" + rest : rest);
  if (auto* why = std::get_if<std::string>(&compiled)) return fmt::format("not a glob that can match: {}", *why);
  const auto& glob = std::get<config::Glob>(compiled);
  std::error_code ec;
  if (!fs::is_directory(base, ec)) return "no such file or folder";
  size_t matched = 0;
  std::string error = walk_folder(base, options, [&](const fs::path& file) {
    if (!glob.matches(file.lexically_relative(base).generic_string())) return;
    ++matched;
    found(base == "." ? file.lexically_relative(".") : file);
  });
  if (!error.empty()) return fmt::format("cannot read the folder {}: {}", base.string(), error);
  return matched ? "" : "no draft matches this pattern";
}

}  // namespace

void walk_inputs(const std::vector<std::string>& paths, const WalkOptions& options,
                 const std::function<void(Input)>& take) {
  // A draft named twice ("drafts drafts/note.txt", or through a link) is
  // linted once, at its first place: twice would double its findings and,
  // with --fix, write it twice.
  std::set<platform::FileId> seen;
  bool seen_stdin = false;
  auto first_time = [&seen](const std::string& file) {
    auto id = platform::file_id(file);
    return !id || seen.insert(*id).second;
  };
  auto take_found = [&](const fs::path& file) {
    std::string name = file.string();
    if (first_time(name)) take({std::move(name), ""});
  };
  for (const auto& path : paths) {
    if (path == "-") {
      if (!seen_stdin) take({path, ""});
      seen_stdin = true;
      continue;
    }
    std::error_code ec;
    auto status = fs::status(path, ec);
    if ((ec || !fs::exists(status)) && config::has_glob_chars(path)) {
      std::string error = expand_glob(path, options, take_found);
      if (!error.empty()) take({path, error});
      continue;
    }
    if (ec || !fs::exists(status)) {
      take({path, path_error(ec)});
      continue;
    }
    if (fs::is_directory(status)) {
      size_t drafts = 0, skipped = 0;
      std::string error = walk_folder(
          path, options,
          [&](const fs::path& file) {
            ++drafts;
            take_found(file);
          },
          &skipped, [&](const fs::path& folder, const std::string& why) {
            take({folder.string(), fmt::format("cannot read the folder: {}; its drafts were not linted", why)});
          });
      if (!error.empty()) {
        take({path, drafts ? fmt::format("cannot read the whole folder: {}", error)
                           : fmt::format("cannot read the folder: {}", error)});
      } else if (drafts == 0) {
        take({path, skipped ? "no drafts in this folder that the config's exclude and .gitignore leave in"
                            : "no drafts (*.txt, *.md, *.eml, *.html, *.followup) in this folder"});
      }
      continue;
    }
    if (!fs::is_regular_file(status)) {
      take({path, "not a regular file (a device, socket or pipe cannot be linted)"});
      continue;
    }
    if (options.exclude_named && options.excluded && options.excluded(path, false)) continue;
    if (first_time(path)) take({path, ""});
  }
}

}  // namespace followup::cli
