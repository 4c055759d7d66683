#include "cli/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string_view>

namespace followup::cli {
namespace fs = std::filesystem;

namespace {
bool is_draft_name(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt" || ext == ".md" || ext == ".eml";
}
}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& paths,
                                  const std::function<bool(const fs::path&)>& excluded) {
  std::vector<Input> out;
  for (const auto& path : paths) {
    if (path == "-") {
      out.push_back({path, ""});
      continue;
    }
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.push_back({path, "no such file or folder"});
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) {
        out.push_back({path, fmt::format("cannot read the folder: {}", ec.message())});
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        std::string name = p.filename().string();
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
      if (found.empty()) {
        out.push_back({path, "no drafts (*.txt, *.md, *.eml) in this folder"});
        continue;
      }
      for (auto& f : found) out.push_back({std::move(f), ""});
      continue;
    }
    if (!fs::is_regular_file(status)) {
      out.push_back({path, "not a regular file (a device, socket or pipe cannot be linted)"});
      continue;
    }
    out.push_back({path, ""});
  }
  return out;
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
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
  std::string text;
  text.reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = fmt::format("cannot read: {}", std::strerror(errno));
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    text.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  if (text.size() > UINT32_MAX - 16) {
    error = "the file is larger than 4 GB";
    return std::nullopt;
  }
  return text;
}

std::string read_stdin() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

bool write_atomically(const std::string& path, const std::string& text, std::string& error) {
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
  fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (folder / ("." + target.filename().string() + ".followup-lint-XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = fmt::format("cannot create a temporary file beside it: {}", std::strerror(errno));
    return false;
  }
  auto fail = [&](const char* what) {
    error = fmt::format("{}: {}; the original is unchanged", what, std::strerror(errno));
    ::close(fd);
    ::unlink(temp.c_str());
    return false;
  };
  // Test seam: FOLLOWUP_LINT_TEST_FAIL_WRITE=1 makes the write fail once the
  // temporary file exists, so tests can check that a failed write leaves the
  // original draft intact even when they run as root (where a read-only
  // folder does not stop a write). Not a user feature; never set it otherwise.
  const char* fail_write = std::getenv("FOLLOWUP_LINT_TEST_FAIL_WRITE");
  if (fail_write && std::string_view(fail_write) == "1") {
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
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot keep the file's permissions");
  if (::fsync(fd) != 0) return fail("cannot flush the fixed draft to disk");
  if (::close(fd) != 0) {
    error = fmt::format("cannot close the temporary file: {}; the original is unchanged", std::strerror(errno));
    ::unlink(temp.c_str());
    return false;
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    error = fmt::format("cannot replace the draft: {}; the original is unchanged", std::strerror(errno));
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace followup::cli
