#include "cli/files.hpp"

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
  return ext == ".txt" || ext == ".md" || ext == ".eml";
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

namespace {

// Test seams read from the environment: set to "1" by tests only, never by users.
bool test_seam(const char* name) {
  const char* value = std::getenv(name);
  return value && std::string_view(value) == "1";
}

enum class Recheck { kUnchanged, kAlreadyFixed, kChanged };

// Reads the draft again just before the rename. kUnchanged: it still holds
// `original` (and is the same file); kAlreadyFixed: it already holds `text`
// (the same draft named twice); kChanged: anything else, with `why` set.
Recheck recheck(const fs::path& target, const struct stat& st, const std::string& original,
                const std::string& text, std::string& why) {
  // The bytes and the identity come from one open file, so that a rename
  // landing between reading and checking cannot pair one file's bytes with
  // another's inode.
  int fd = ::open(target.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    why = fmt::format("it can no longer be read ({})", std::strerror(errno));
    return Recheck::kChanged;
  }
  struct stat now {};
  std::string current, read_error;
  bool read = ::fstat(fd, &now) == 0 && S_ISREG(now.st_mode) && read_all(fd, current, read_error);
  ::close(fd);
  if (!read) {
    why = read_error.empty() ? "it is no longer a regular file" : read_error;
    return Recheck::kChanged;
  }
  if (current == text && text != original) return Recheck::kAlreadyFixed;
  bool same_file = now.st_dev == st.st_dev && now.st_ino == st.st_ino;
  if (current != original || !same_file) {
    why = "another program changed it after it was read";
    return Recheck::kChanged;
  }
  return Recheck::kUnchanged;
}

}  // namespace

bool write_atomically(const std::string& path, const std::string& text, const std::string& original,
                      std::string& error) {
  // Through a symlink, the draft it points to is replaced; the link stays a link.
  fs::path target(path);
  std::error_code ec;
  if (fs::is_symlink(target, ec)) {
    target = fs::canonical(target, ec);
    if (ec) {
      error = fmt::format("cannot follow the link: {}", ec.message());
      return false;
    }
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    error = fmt::format("cannot stat: {}", std::strerror(errno));
    return false;
  }
  // rename() needs only the folder to be writable, so it would replace a file
  // its owner made read-only, or one this user may not write: refuse both.
  if ((st.st_mode & 0222) == 0) {
    error = fmt::format(
        "cannot apply the fixes: the file is read-only (mode {:04o}); the original is unchanged",
        st.st_mode & 07777);
    return false;
  }
  if (::faccessat(AT_FDCWD, target.c_str(), W_OK, AT_EACCESS) != 0) {
    error = fmt::format(
        "cannot apply the fixes: no permission to write the file ({}); the original is unchanged",
        std::strerror(errno));
    return false;
  }
  fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) about
  // "literal" + std::string.
  std::string name = target.filename().string();
  name.insert(0, 1, '.');
  name += ".followup-lint-XXXXXX";
  std::string temp = (folder / name).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = fmt::format("cannot create a temporary file beside it: {}; the original is unchanged",
                        std::strerror(errno));
    return false;
  }
  auto fail = [&](const char* what) {
    error = fmt::format("{}: {}; the original is unchanged", what, std::strerror(errno));
    ::close(fd);
    ::unlink(temp.c_str());
    return false;
  };
  // FOLLOWUP_LINT_TEST_FAIL_WRITE=1 makes the write fail once the temporary
  // file exists, so tests check that a failed write leaves the original intact.
  if (test_seam("FOLLOWUP_LINT_TEST_FAIL_WRITE")) {
    errno = EIO;
    return fail("cannot write the fixed draft");
  }
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write the fixed draft");
    }
    written += static_cast<size_t>(n);
  }
  // The owner first (where allowed: root, or a group this user is in), since
  // a change of owner clears set-id bits; then the permissions.
  if (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) {
    if (::fchown(fd, st.st_uid, st.st_gid) != 0 && errno != EPERM)
      return fail("cannot keep the file's owner");
  }
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot keep the file's permissions");
  if (::fsync(fd) != 0) return fail("cannot flush the fixed draft to disk");
  if (::close(fd) != 0) {
    error = fmt::format("cannot close the temporary file: {}; the original is unchanged",
                        std::strerror(errno));
    ::unlink(temp.c_str());
    return false;
  }
  // FOLLOWUP_LINT_TEST_CHANGE_BEFORE_RENAME=1 appends a line to the draft
  // here, as an editor saving it meanwhile would.
  if (test_seam("FOLLOWUP_LINT_TEST_CHANGE_BEFORE_RENAME")) {
    int out = ::open(target.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (out >= 0) {
      constexpr std::string_view kLine = "\nP.S. saved by another program\n";
      [[maybe_unused]] ssize_t n = ::write(out, kLine.data(), kLine.size());
      ::close(out);
    }
  }
  // Last check before the rename: the draft must still be what the fixes were
  // computed from. (A save landing in the microseconds between this check and
  // the rename cannot be detected without locks editors do not take.)
  std::string why;
  switch (recheck(target, st, original, text, why)) {
    case Recheck::kUnchanged:
      break;
    case Recheck::kAlreadyFixed:
      ::unlink(temp.c_str());
      return true;
    case Recheck::kChanged:
      error =
          fmt::format("cannot apply the fixes: {}; it is left as it is now, run --fix again", why);
      ::unlink(temp.c_str());
      return false;
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    error = fmt::format("cannot replace the draft: {}; the original is unchanged",
                        std::strerror(errno));
    ::unlink(temp.c_str());
    return false;
  }
  // Make the rename itself durable (best effort: the new draft is in place either way).
  int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return true;
}

}  // namespace followup::cli
