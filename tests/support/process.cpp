#include "support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace followup::testing {

namespace {

int exit_code_of(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

RunResult run(const Command& command) {
  RunResult result;
  const bool has_input = command.input.has_value();
  const std::string& input = has_input ? *command.input : std::string();
  int in_pipe[2] = {-1, -1}, out_pipe[2], err_pipe[2];
  if (has_input && ::pipe(in_pipe) != 0) return result;
  if (::pipe(out_pipe) != 0) return result;
  if (::pipe(err_pipe) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return result;
  }
  std::vector<std::string> env = command.env;
  std::vector<std::string> args = command.argv;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    if (has_input) {
      ::dup2(in_pipe[0], 0);
      ::close(in_pipe[0]);
      ::close(in_pipe[1]);
    } else {
      int null_fd = ::open("/dev/null", O_RDONLY);
      if (null_fd >= 0) {
        ::dup2(null_fd, 0);
        if (null_fd != 0) ::close(null_fd);
      }
    }
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) ::close(fd);
    if (::chdir(command.cwd.c_str()) != 0) ::_exit(127);
    for (auto& e : env) ::putenv(e.data());
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  if (has_input) ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  size_t written = 0;
  bool in_open = has_input && !input.empty();
  if (has_input && !in_open) ::close(in_pipe[1]);
  if (in_open) ::fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  bool out_open = true, err_open = true;
  char buffer[65536];
  while (out_open || err_open) {
    pollfd fds[3];
    nfds_t n = 0;
    if (out_open) fds[n++] = {out_pipe[0], POLLIN, 0};
    if (err_open) fds[n++] = {err_pipe[0], POLLIN, 0};
    if (in_open) fds[n++] = {in_pipe[1], POLLOUT, 0};
    if (::poll(fds, n, -1) < 0) break;
    for (nfds_t i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      if (fds[i].fd == in_pipe[1]) {
        ssize_t w = ::write(in_pipe[1], input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        if (w < 0 || written == input.size()) {
          ::close(in_pipe[1]);
          in_open = false;
        }
        continue;
      }
      ssize_t r = ::read(fds[i].fd, buffer, sizeof buffer);
      bool is_out = fds[i].fd == out_pipe[0];
      if (r <= 0) {
        (is_out ? out_open : err_open) = false;
        continue;
      }
      (is_out ? result.out : result.err).append(buffer, static_cast<size_t>(r));
    }
  }
  if (in_open) ::close(in_pipe[1]);
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  struct rusage usage {};
  ::wait4(pid, &status, 0, &usage);
  result.exit_code = exit_code_of(status);
  result.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  result.peak_rss_kb = usage.ru_maxrss;
  return result;
}

RunResult run_linter(const std::vector<std::string>& args, const std::string& input,
                     const std::string& cwd, const std::vector<std::string>& extra_env) {
  // The developer's own settings stay out of the tests: no user config, no
  // forced colors or config, no terminal width. `extra_env` comes after, so a test can set them.
  std::vector<std::string> env = {"XDG_CONFIG_HOME=/nonexistent/followup-lint-tests", "FOLLOWUP_LINT_CONFIG=",
                                  "FORCE_COLOR=", "COLUMNS="};
  env.insert(env.end(), extra_env.begin(), extra_env.end());
  Command command{{FOLLOWUP_BINARY}, cwd, input, env};
  command.argv.insert(command.argv.end(), args.begin(), args.end());
  return run(command);
}

RunResult run_command(const std::vector<std::string>& argv, const std::string& cwd,
                      const std::vector<std::string>& extra_env) {
  return run(Command{argv, cwd, std::nullopt, extra_env});
}

std::optional<std::string> run_linter_on_tty(const std::vector<std::string>& args,
                                             const std::string& cwd, const char* no_color) {
  int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) return std::nullopt;
  const char* name = ::ptsname(master);
  int slave = name ? ::open(name, O_RDWR | O_NOCTTY) : -1;
  if (slave < 0) {
    ::close(master);
    return std::nullopt;
  }
  std::vector<std::string> argv_text = args;
  argv_text.insert(argv_text.begin(), FOLLOWUP_BINARY);
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(master);
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(slave, 1);
    ::dup2(null, 2);
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    if (no_color) {
      ::setenv("NO_COLOR", no_color, 1);
    } else {
      ::unsetenv("NO_COLOR");
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(slave);
  std::string out;
  char buffer[4096];
  while (true) {
    ssize_t n = ::read(master, buffer, sizeof buffer);
    if (n > 0) {
      out.append(buffer, static_cast<size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO once the child has closed the terminal
    }
  }
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (pid <= 0) return std::nullopt;
  return out;
}

std::string find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    size_t colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate))
      return candidate;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return {};
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_text(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

bool matches_snapshot(const std::string& snapshot_path, const std::string& actual) {
  const char* update = std::getenv("FOLLOWUP_LINT_UPDATE_SNAPSHOTS");
  if (update && std::strcmp(update, "1") == 0) {
    write_text(snapshot_path, actual);
    return true;
  }
  return read_text(snapshot_path) == actual;
}

}  // namespace followup::testing
