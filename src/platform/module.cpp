#include "platform/module.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <vector>

namespace followup::platform {
namespace fs = std::filesystem;

namespace {

// $FOLLOWUP_LINT_MODULE_DIR alone when set (a packager's or a test's
// choice), else beside the program, its ../lib/followup-lint, the build folder.
std::vector<fs::path> module_folders() {
  std::vector<fs::path> out;
  if (const char* dir = std::getenv("FOLLOWUP_LINT_MODULE_DIR"); dir && *dir) return {fs::path(dir)};
  std::error_code ec;
  fs::path program = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    out.push_back(program.parent_path());
    out.push_back(program.parent_path() / ".." / "lib" / "followup-lint");
  }
#ifdef FOLLOWUP_MODULE_BUILD_DIR
  out.emplace_back(FOLLOWUP_MODULE_BUILD_DIR);
#endif
  return out;
}

}  // namespace

std::variant<void*, std::string> module_symbol(const std::string& file, const std::string& symbol) {
  static std::mutex mutex;
  static std::map<std::string, void*> loaded;
  std::lock_guard<std::mutex> lock(mutex);
  void* handle = loaded[file];
  std::string why;
  for (const auto& folder : module_folders()) {
    if (handle) break;
    fs::path path = folder / file;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      why += (why.empty() ? "" : ", ") + path.lexically_normal().string();
      continue;
    }
    handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) return std::string("cannot load ") + path.string() + ": " + ::dlerror();
    loaded[file] = handle;
  }
  if (!handle) return "the module " + file + " is not installed (looked in " + why + ")";
  void* address = ::dlsym(handle, symbol.c_str());
  if (!address) return "the module " + file + " has no " + symbol + ": it does not match this followup-lint";
  return address;
}

}  // namespace followup::platform
