#include "core/read_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace followup::core {
namespace {

std::string too_large(uint64_t bytes) {
  return fmt::format("the file is too large to lint ({} MB; the limit is {} MB)", bytes >> 20,
                     kMaxInputBytes >> 20);
}

}  // namespace

// Reads in chunks and checks the total as it goes: a file that keeps
// growing or an endless stream cannot use up the memory.
bool read_all(int fd, std::string& text, std::string& error) {
  char buffer[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = fmt::format("cannot read: {}", std::strerror(errno));
      return false;
    }
    if (n == 0) return true;
    if (text.size() + static_cast<size_t>(n) > kMaxInputBytes) {
      error = too_large(text.size() + static_cast<size_t>(n));
      return false;
    }
    text.append(buffer, static_cast<size_t>(n));
  }
}

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
  text.reserve(static_cast<size_t>(st.st_size));
  bool ok = read_all(fd, text, error);
  ::close(fd);
  if (!ok) return std::nullopt;
  return text;
}

std::optional<std::string> read_stdin(std::string& error) {
  std::string text;
  if (!read_all(STDIN_FILENO, text, error)) return std::nullopt;
  return text;
}

}  // namespace followup::core
