// Test helper: a fresh folder from mkdtemp, removed with everything in it
// when the TempDir goes out of scope. Files are written by the test itself.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace followup::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "followup-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    // Canonical, so that paths the linter prints (it resolves /tmp symlinks too) compare equal.
    path_ = std::filesystem::canonical(pattern);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  std::filesystem::path operator/(const std::string& rel) const { return path_ / rel; }

  // Writes `text` to `rel` (creating its folders) and returns the full path.
  std::string write(const std::string& rel, const std::string& text) const {
    std::filesystem::path file = path_ / rel;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    return file.string();
  }

  std::string mkdir(const std::string& rel) const {
    std::filesystem::create_directories(path_ / rel);
    return (path_ / rel).string();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace followup::testing
