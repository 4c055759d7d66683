#include "tests/serve/cli_service.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <vector>

extern char** environ;

namespace followup::serve::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Run {
  int exit_code = -1;
  std::string out;
};

// Runs argv with stdout captured; stderr goes to the server's stderr.
Run run(const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int err = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  Run result;
  char buf[65536];
  for (ssize_t n; err == 0 && (n = read(pipe_fds[0], buf, sizeof buf)) > 0;) {
    result.out.append(buf, static_cast<std::size_t>(n));
  }
  close(pipe_fds[0]);
  if (err != 0) throw std::runtime_error("cannot run " + args[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// A JSON value as the CLI's --context reads it: TOML when it parses.
std::string toml_value(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

std::vector<std::string> context_flags(const std::string& context_json) {
  std::vector<std::string> flags;
  const json context = json::parse(context_json);
  for (const auto& [key, value] : context.items()) {
    if (value.is_null() || (value.is_string() && value.get<std::string>().empty())) continue;
    if (key == "kind") {
      flags.insert(flags.end(), {"--kind", value.get<std::string>()});
    } else {
      flags.insert(flags.end(), {"--context", key + "=" + toml_value(value)});
    }
  }
  return flags;
}

LintReply lint_with(const std::string& binary, const LintRequest& req) {
  char dir_template[] = "/tmp/followup-serve-XXXXXX";
  if (!mkdtemp(dir_template)) throw std::runtime_error("mkdtemp failed");
  fs::path dir = dir_template;
  fs::path file = dir / req.filename;
  std::ofstream(file, std::ios::binary) << req.text;
  std::vector<std::string> args = {binary, "--format", "json", "--fail-on", "error"};
  for (auto& flag : context_flags(req.context_json)) args.push_back(std::move(flag));
  args.push_back(file.string());
  Run result = run(args);
  fs::remove_all(dir);
  if (result.exit_code != 0 && result.exit_code != 1) {
    return {
        400,
        json{{"error", "followup-lint exited with " + std::to_string(result.exit_code)}}.dump()};
  }
  json doc = json::parse(result.out);
  for (auto& f : doc["files"]) f["path"] = req.filename;
  return {200, doc.dump()};
}

// "id  severity  kinds  summary" lines of --list-rules, each with --explain.
std::string rules_with(const std::string& binary) {
  json rules = json::array();
  std::istringstream lines(run({binary, "--list-rules"}).out);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream fields(line);
    std::string id, severity, kinds;
    if (!(fields >> id >> severity >> kinds)) continue;
    std::string summary;
    std::getline(fields >> std::ws, summary);
    std::vector<std::string> kind_list;
    std::istringstream kind_fields(kinds);
    for (std::string k; std::getline(kind_fields, k, ',');) kind_list.push_back(k);
    rules.push_back({{"id", id},
                     {"severity", severity},
                     {"kinds", kind_list},
                     {"summary", summary},
                     {"explain", run({binary, "--explain", id}).out}});
  }
  return json{{"rules", rules}}.dump();
}

}  // namespace

Service make_cli_service(std::string binary) {
  Service service;
  service.lint = [binary](const LintRequest& req) { return lint_with(binary, req); };
  // Listing and explaining every rule takes a few dozen runs: do it once.
  auto cached = std::make_shared<std::string>();
  service.rules_json = [binary, cached] {
    if (cached->empty()) *cached = rules_with(binary);
    return *cached;
  };
  return service;
}

}  // namespace followup::serve::testing
