#include "cli/gitignore.hpp"

#include <fstream>

namespace followup::cli {
namespace fs = std::filesystem;

namespace {

// The folders from the repository top down to `root`, or just `root` outside a repository.
std::vector<fs::path> folders_from_top(const fs::path& root) {
  std::error_code ec;
  fs::path dir = fs::absolute(root, ec).lexically_normal();
  if (!dir.empty() && !dir.has_filename()) dir = dir.parent_path();
  std::vector<fs::path> chain{dir};
  for (fs::path up = dir; up.has_parent_path() && up.parent_path() != up; up = up.parent_path()) {
    if (fs::exists(up / ".git", ec)) return chain;
    chain.insert(chain.begin(), up.parent_path());
  }
  if (fs::exists(chain.front() / ".git", ec)) return chain;
  return {dir};
}

std::string relative_path(const fs::path& path, const fs::path& base) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec).lexically_normal();
  return abs.lexically_relative(base).generic_string();
}

}  // namespace

IgnoreFiles::IgnoreFiles(const fs::path& root) {
  auto chain = folders_from_top(root);
  read(chain.front() / ".git" / "info" / "exclude", chain.front());
  for (const auto& folder : chain) read(folder / ".gitignore", folder);
}

void IgnoreFiles::read(const fs::path& file, const fs::path& base) {
  File f{base, {}, depth_};
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Trailing spaces are dropped unless escaped; '#' starts a comment.
    while (!line.empty() && line.back() == ' ' && !(line.size() > 1 && line[line.size() - 2] == '\\')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    bool negated = line[0] == '!';
    if (negated) line.erase(0, 1);
    auto compiled = config::Glob::compile(line);
    if (auto* glob = std::get_if<config::Glob>(&compiled)) f.lines.push_back({std::move(*glob), negated});
  }
  if (!f.lines.empty()) files_.push_back(std::move(f));
}

void IgnoreFiles::enter(const fs::path& folder) {
  ++depth_;
  std::error_code ec;
  if (fs::exists(folder / ".gitignore", ec)) read(folder / ".gitignore", fs::absolute(folder, ec).lexically_normal());
}

void IgnoreFiles::leave() {
  if (!files_.empty() && files_.back().depth == depth_) files_.pop_back();
  if (depth_ > 0) --depth_;
}

bool IgnoreFiles::ignored(const fs::path& path, bool folder) const {
  bool ignored = false;
  for (const auto& file : files_) {
    std::string rel = relative_path(path, file.base);
    if (rel.empty() || rel.rfind("..", 0) == 0) continue;
    for (const auto& line : file.lines)
      if (line.glob.matches_entry(rel, folder)) ignored = !line.negated;
  }
  return ignored;
}

}  // namespace followup::cli
