#include "cli/atomic_write.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "core/read_file.hpp"

namespace followup::cli {
namespace fs = std::filesystem;

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
  bool read = ::fstat(fd, &now) == 0 && S_ISREG(now.st_mode) && core::read_all(fd, current, read_error);
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


// The file to replace: the draft itself, or the one a symlink names (the
// link stays a link). Fills `st` with its status.
bool resolve_target(const std::string& path, fs::path& target, struct stat& st, std::string& error) {
  target = fs::path(path);
  std::error_code ec;
  if (fs::is_symlink(target, ec)) {
    target = fs::canonical(target, ec);
    if (ec) {
      error = fmt::format("cannot follow the link: {}", ec.message());
      return false;
    }
  }
  if (::stat(target.c_str(), &st) != 0) {
    error = fmt::format("cannot stat: {}", std::strerror(errno));
    return false;
  }
  return true;
}

// rename() needs only the folder to be writable, so it would replace a file
// its owner made read-only, or one this user may not write: refuse both.
bool may_write(const fs::path& target, const struct stat& st, std::string& error) {
  if ((st.st_mode & 0222) == 0) {
    error = fmt::format("cannot apply the fixes: the file is read-only (mode {:04o}); the original is unchanged",
                        st.st_mode & 07777);
    return false;
  }
  if (::faccessat(AT_FDCWD, target.c_str(), W_OK, AT_EACCESS) != 0) {
    error = fmt::format("cannot apply the fixes: no permission to write the file ({}); the original is unchanged",
                        std::strerror(errno));
    return false;
  }
  return true;
}

// Writes `text` into a new temporary file beside `target` with the draft's
// owner and permissions, flushed to disk; its name goes to `temp`. On
// failure nothing is left behind.
bool write_temporary(const fs::path& target, const struct stat& st, const std::string& text, std::string& temp,
                     std::string& error) {
  fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) about
  // "literal" + std::string.
  std::string name = target.filename().string();
  name.insert(0, 1, '.');
  name += ".followup-lint-XXXXXX";
  temp = (folder / name).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = fmt::format("cannot create a temporary file beside it: {}; the original is unchanged", std::strerror(errno));
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
    if (::fchown(fd, st.st_uid, st.st_gid) != 0 && errno != EPERM) return fail("cannot keep the file's owner");
  }
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot keep the file's permissions");
  if (::fsync(fd) != 0) return fail("cannot flush the fixed draft to disk");
  if (::close(fd) != 0) {
    error = fmt::format("cannot close the temporary file: {}; the original is unchanged", std::strerror(errno));
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

// FOLLOWUP_LINT_TEST_CHANGE_BEFORE_RENAME=1 appends a line to the draft
// here, as an editor saving it meanwhile would.
void test_change_before_rename(const fs::path& target) {
  if (!test_seam("FOLLOWUP_LINT_TEST_CHANGE_BEFORE_RENAME")) return;
  int out = ::open(target.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (out < 0) return;
  constexpr std::string_view kLine = "\nP.S. saved by another program\n";
  [[maybe_unused]] ssize_t n = ::write(out, kLine.data(), kLine.size());
  ::close(out);
}

// Renames the temporary file over the draft and makes the rename durable
// (best effort: the new draft is in place either way).
bool replace_with(const fs::path& target, const std::string& temp, std::string& error) {
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    error = fmt::format("cannot replace the draft: {}; the original is unchanged", std::strerror(errno));
    ::unlink(temp.c_str());
    return false;
  }
  fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return true;
}

}  // namespace

bool write_atomically(const std::string& path, const std::string& text, const std::string& original,
                      std::string& error) {
  fs::path target;
  struct stat st {};
  std::string temp;
  if (!resolve_target(path, target, st, error) || !may_write(target, st, error) ||
      !write_temporary(target, st, text, temp, error))
    return false;
  test_change_before_rename(target);
  // Last check before the rename: the draft must still be what the fixes were
  // computed from. (A save landing in the microseconds between this check and
  // the rename cannot be detected without locks editors do not take.)
  std::string why;
  switch (recheck(target, st, original, text, why)) {
    case Recheck::kUnchanged:
      return replace_with(target, temp, error);
    case Recheck::kAlreadyFixed:
      ::unlink(temp.c_str());
      return true;
    case Recheck::kChanged:
      break;
  }
  error = fmt::format("cannot apply the fixes: {}; it is left as it is now, run --fix again", why);
  ::unlink(temp.c_str());
  return false;
}

}  // namespace followup::cli
