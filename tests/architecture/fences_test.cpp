// The fences of ARCHITECTURE.md, checked on the source tree: each
// third-party library is used in its own room only, UTF-16 position math
// lives in the language server's convert files, the command line and the
// language server name no rule, and no two files include each other in a
// cycle. A crossing fails here with the file and line that crossed.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
const fs::path kSource = fs::path(FOLLOWUP_SOURCE_DIR) / "src";

struct SourceFile {
  std::string path;  // relative to src/, e.g. "lsp/convert.cpp"
  std::vector<std::string> lines;
};

std::vector<SourceFile> source_files() {
  std::vector<SourceFile> files;
  for (const auto& entry : fs::recursive_directory_iterator(kSource)) {
    auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".def")) continue;
    SourceFile file{fs::relative(entry.path(), kSource).generic_string(), {}};
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) file.lines.push_back(line);
    files.push_back(std::move(file));
  }
  REQUIRE(files.size() > 50);  // the walk found the tree
  return files;
}

bool starts_with_any(const std::string& path, const std::vector<std::string>& prefixes) {
  for (const auto& p : prefixes)
    if (path.rfind(p, 0) == 0) return true;
  return false;
}

// Every line of a file outside `allowed` that matches `pattern`, as "file:line: text".
std::vector<std::string> crossings(const std::vector<SourceFile>& files, const std::regex& pattern,
                                   const std::vector<std::string>& allowed) {
  std::vector<std::string> out;
  for (const auto& f : files) {
    if (starts_with_any(f.path, allowed)) continue;
    for (size_t i = 0; i < f.lines.size(); ++i)
      if (std::regex_search(f.lines[i], pattern)) out.push_back(f.path + ":" + std::to_string(i + 1) + ": " + f.lines[i]);
  }
  return out;
}

struct Fence {
  const char* what;
  const char* pattern;
  std::vector<std::string> allowed;  // path prefixes under src/
};

const std::vector<Fence>& fences() {
  static const std::vector<Fence> list = {
      {"ICU outside src/text/", R"(#\s*include\s*<unicode/)", {"text/"}},
      {"RE2 outside src/match/", R"(#\s*include\s*<re2/)", {"match/"}},
      {"toml++ outside src/config/", R"(#\s*include\s*<toml\+\+/)", {"config/"}},
      {"dynamic loading outside src/platform/", R"(#\s*include\s*<dlfcn\.h>)", {"platform/"}},
      // The system's calls (POSIX today) live in platform/system.cpp, so a port changes one file.
      {"POSIX calls outside src/platform/",
       R"(#\s*include\s*<(unistd|fcntl|poll|spawn|pthread|signal|sys/[a-z_]+)\.h>|#\s*include\s*<csignal>|\bisatty\s*\()",
       {"platform/"}},
      {"dtl outside src/diag/fixes.cpp", R"(#\s*include\s*<dtl/)", {"diag/fixes.cpp"}},
      {"cpp-httplib outside src/serve/", R"(#\s*include\s*<httplib\.h>)", {"serve/"}},
      // Names of UTF-16 computations (utf16_column, count_utf16_units, ...)
      // and surrogate arithmetic. ICU's strings are UTF-16 inside text/, and
      // input/ decodes UTF-16 files; positions are counted in lsp/convert.
      {"UTF-16 position math outside src/lsp/convert*", R"(\b[a-z0-9_]*utf16[a-z0-9_]*\s*\(|0x10000\s*\?\s*2)",
       {"lsp/convert.", "text/", "input/"}},
  };
  return list;
}

TEST_CASE("fences: each library and computation stays in its room", "[architecture]") {
  const auto files = source_files();
  for (const auto& fence : fences()) {
    INFO(fence.what);
    auto found = crossings(files, std::regex(fence.pattern), fence.allowed);
    for (const auto& c : found) UNSCOPED_INFO(c);
    CHECK(found.empty());
  }
}

TEST_CASE("fences: the checker finds a crossing", "[architecture]") {
  // A file that crosses each fence, checked with the same function.
  std::vector<SourceFile> planted = {
      {"cli/app.cpp", {"#include <unicode/brkiter.h>", "#include <re2/re2.h>", "#include <toml++/toml.h>", "#include <dlfcn.h>",
                       "  return count_utf16_units(text);", "#include <sys/ioctl.h>", "#include <dtl/dtl.hpp>",
                       "#include <httplib.h>"}}};
  for (const auto& fence : fences()) {
    INFO(fence.what);
    CHECK(crossings(planted, std::regex(fence.pattern), fence.allowed).size() == 1);
  }
}

// Rule IDs from rules/*.toml: "<file stem>.<table key>".
std::set<std::string> rule_ids() {
  std::set<std::string> ids;
  const std::regex table(R"(^\[([a-z0-9-]+)\]\s*$)");
  for (const auto& entry : fs::directory_iterator(fs::path(FOLLOWUP_SOURCE_DIR) / "rules")) {
    if (entry.path().extension() != ".toml") continue;
    std::ifstream in(entry.path());
    std::smatch m;
    for (std::string line; std::getline(in, line);)
      if (std::regex_match(line, m, table)) ids.insert(entry.path().stem().string() + "." + m[1].str());
  }
  REQUIRE(ids.size() >= 40);
  return ids;
}

TEST_CASE("fences: the command line and the language server name no rule", "[architecture]") {
  // Rule logic lives in rules/ and lint/; a front end that tests a rule ID
  // has grown lint logic of its own.
  const auto ids = rule_ids();
  std::vector<std::string> found;
  for (const auto& f : source_files()) {
    if (!starts_with_any(f.path, {"cli/", "lsp/", "serve/"})) continue;
    for (size_t i = 0; i < f.lines.size(); ++i)
      for (const auto& id : ids)
        if (f.lines[i].find('"' + id + '"') != std::string::npos)
          found.push_back(f.path + ":" + std::to_string(i + 1) + ": " + id);
  }
  for (const auto& c : found) UNSCOPED_INFO(c);
  CHECK(found.empty());
}

// The project headers each file includes, as paths under src/.
std::map<std::string, std::vector<std::string>> include_graph(const std::vector<SourceFile>& files) {
  std::map<std::string, std::vector<std::string>> graph;
  const std::regex include(R"re(^\s*#\s*include\s*"([^"]+)")re");
  for (const auto& f : files) {
    auto& edges = graph[f.path];
    std::smatch m;
    for (const auto& line : f.lines)
      if (std::regex_search(line, m, include) && fs::exists(kSource / m[1].str())) edges.push_back(m[1].str());
  }
  return graph;
}

// A cycle as "a -> b -> a", or empty.
std::string find_cycle(const std::map<std::string, std::vector<std::string>>& graph) {
  std::map<std::string, int> state;  // 0 new, 1 on the path, 2 done
  std::vector<std::string> path;
  std::string cycle;
  std::function<bool(const std::string&)> visit = [&](const std::string& node) {
    state[node] = 1;
    path.push_back(node);
    auto it = graph.find(node);
    if (it != graph.end()) {
      for (const auto& next : it->second) {
        if (state[next] == 1) {
          auto from = std::find(path.begin(), path.end(), next);
          for (auto p = from; p != path.end(); ++p) cycle += *p + " -> ";
          cycle += next;
          return true;
        }
        if (state[next] == 0 && visit(next)) return true;
      }
    }
    path.pop_back();
    state[node] = 2;
    return false;
  };
  for (const auto& [node, edges] : graph)
    if (state[node] == 0 && visit(node)) break;
  return cycle;
}

TEST_CASE("fences: no include cycle between source files", "[architecture]") {
  const std::string cycle = find_cycle(include_graph(source_files()));
  INFO(cycle);
  CHECK(cycle.empty());
  // The search itself finds a planted cycle.
  CHECK(find_cycle({{"a.hpp", {"b.hpp"}}, {"b.hpp", {"c.hpp"}}, {"c.hpp", {"a.hpp"}}}) == "a.hpp -> b.hpp -> c.hpp -> a.hpp");
}

}  // namespace

TEST_CASE("fences: test names survive ctest's discovery", "[architecture]") {
  // catch_discover_tests registers each TEST_CASE by name in a CMake list, so
  // a ';' cuts the name, and the cut name then matches no test: ctest would
  // report a pass for a test that never ran.
  const std::regex name_with_semicolon(R"(TEST_CASE\(\s*"[^"]*;)");
  std::vector<std::string> offenders;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(FOLLOWUP_SOURCE_DIR) / "tests")) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    if (std::regex_search(text.str(), name_with_semicolon)) offenders.push_back(entry.path().string());
  }
  for (const auto& o : offenders) UNSCOPED_INFO(o);
  CHECK(offenders.empty());
}
