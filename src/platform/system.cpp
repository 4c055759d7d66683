#include "platform/system.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>

namespace followup::platform {
namespace fs = std::filesystem;

// ---- Reading inputs ---------------------------------------------------------

namespace {

std::string too_large(uint64_t bytes) {
  return fmt::format("the file is too large to lint ({} MB; the limit is {} MB)", bytes >> 20,
                     kMaxInputBytes >> 20);
}


constexpr size_t kReadChunk = size_t{1} << 16;

// Reads straight into `text` and checks the total as it goes: a file that
// keeps growing or an endless stream cannot use up the memory. For a
// regular file (`regular_size`, fstat's size), the first read asks for one
// byte more than its size: a short read of a regular file is its end, so a
// file that did not change takes one read. A pipe reads to end of file.
bool read_all(int fd, std::optional<size_t> regular_size, std::string& text, std::string& error) {
  size_t used = 0;
  size_t chunk = regular_size ? *regular_size + 1 : kReadChunk;
  while (true) {
    chunk = std::min<size_t>(chunk, kMaxInputBytes + 1 - used);  // one byte past the limit tells it was crossed
    text.resize(used + chunk);
    ssize_t n = ::read(fd, text.data() + used, chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = fmt::format("cannot read: {}", std::strerror(errno));
      return false;
    }
    used += static_cast<size_t>(n);
    if (used > kMaxInputBytes) {
      error = too_large(used);
      return false;
    }
    if (n == 0 || (regular_size && static_cast<size_t>(n) < chunk)) {
      text.resize(used);
      return true;
    }
    chunk = kReadChunk;
  }
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  // O_NONBLOCK: should the path have become a pipe since it was checked, opening
  // it does not wait for a writer; fstat then turns it away.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = fmt::format("cannot open: {}", std::strerror(errno));
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    error = "not a regular file";
    return std::nullopt;
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxInputBytes) {
    ::close(fd);
    error = too_large(static_cast<uint64_t>(st.st_size));
    return std::nullopt;
  }
  std::string text;
  bool ok = read_all(fd, static_cast<size_t>(st.st_size), text, error);
  ::close(fd);
  if (!ok) return std::nullopt;
  return text;
}

std::optional<std::string> read_stdin(std::string& error) {
  std::string text;
  if (!read_all(STDIN_FILENO, std::nullopt, text, error)) return std::nullopt;
  return text;
}


std::optional<FileId> file_id(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileId{static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino)};
}

// ---- Writing a fixed draft --------------------------------------------------


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
  bool read = ::fstat(fd, &now) == 0 && S_ISREG(now.st_mode) &&
              read_all(fd, static_cast<size_t>(now.st_size), current, read_error);
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
  // A name is at most 255 bytes: the draft's own name is shortened (never
  // inside a UTF-8 character) so that the dot and suffix still fit.
  constexpr size_t kKept = 255 - 1 - 21;  // "." + ".followup-lint-XXXXXX"
  if (name.size() > kKept) {
    size_t cut = kKept;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
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


// ---- The terminal -------------------------------------------------------------

bool is_terminal(std::FILE* stream) { return stream && ::isatty(::fileno(stream)); }

uint32_t terminal_columns(std::FILE* stream) {
  if (!is_terminal(stream)) return 0;
  struct winsize size {};
  if (::ioctl(::fileno(stream), TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

// ---- The language server's standard streams ---------------------------------

std::optional<StdioChannel> StdioChannel::take(std::string& error) {
  std::signal(SIGPIPE, SIG_IGN);
  int out = ::dup(STDOUT_FILENO);
  if (out < 0) {
    error = fmt::format("cannot duplicate standard output: {}", std::strerror(errno));
    return std::nullopt;
  }
  std::fflush(stdout);
  ::dup2(STDERR_FILENO, STDOUT_FILENO);
  return StdioChannel(STDIN_FILENO, out);
}

StdioChannel::StdioChannel(StdioChannel&& other) noexcept : in_(other.in_), out_(other.out_) {
  other.in_ = other.out_ = -1;
}

StdioChannel::~StdioChannel() {
  if (out_ >= 0) ::close(out_);
}

bool StdioChannel::read_some(std::string& out) {
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(in_, buf, sizeof buf);
    if (n > 0) {
      out.append(buf, static_cast<size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    return false;
  }
}

bool StdioChannel::input_waiting() const {
  pollfd p{in_, POLLIN, 0};
  for (;;) {
    int r = ::poll(&p, 1, 0);
    if (r < 0 && errno == EINTR) continue;
    return r > 0;
  }
}

bool StdioChannel::write(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(out_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// ---- The web page's process ---------------------------------------------------

bool open_in_browser(const std::string& url) {
  std::string program = "xdg-open";
  char* argv[] = {program.data(), const_cast<char*>(url.c_str()), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  bool started = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv, environ) == 0;
  if (started) std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
  posix_spawn_file_actions_destroy(&actions);
  return started;
}

struct StopSignals::Masks {
  sigset_t signals, previous;
};

StopSignals::StopSignals() : masks_(new Masks) {
  sigemptyset(&masks_->signals);
  sigaddset(&masks_->signals, SIGINT);
  sigaddset(&masks_->signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &masks_->signals, &masks_->previous);
}

StopSignals::~StopSignals() {
  pthread_sigmask(SIG_SETMASK, &masks_->previous, nullptr);
  delete masks_;
}

bool StopSignals::wait(int milliseconds) const {
  timespec tick{milliseconds / 1000, static_cast<long>(milliseconds % 1000) * 1'000'000};
  return sigtimedwait(&masks_->signals, nullptr, &tick) > 0;
}

}  // namespace followup::platform
