// followup-bench: measures the lint pipeline in-process over a folder of
// drafts: rule loading time, MB/s and files/s on one thread and on all cores.
//
//   followup-bench CORPUS_DIR [--repeat N] [--threads N] [--load-repeat N]
//
// Drafts are every *.txt, *.md and *.eml file under CORPUS_DIR, read into
// memory first, so no I/O is timed. Each thread count is run N times
// (default 5) over the whole corpus; it reports the best and the median
// wall time and, because the machine may be shared, the CPU time the lint
// threads actually got (CLOCK_THREAD_CPUTIME_ID): "MB/s per CPU-s" is bytes
// divided by the summed CPU seconds of the workers, i.e. throughput per core
// that is not diluted by other processes competing for the cores.
// "first pass CPU" is the first of the N runs: the only one whose drafts are
// new to the process, as every draft of a command-line run is. The later
// runs find the DFA states of RE2's sets and the phone numbers already
// cached for the same texts, so their best CPU is a floor no real run has.
//
// Start-up is timed in-process on the smallest draft: the first
// Workspace::resolve (TOML parse of the built-in rules + building the rule
// set) and the first lint (RE2 patterns are compiled lazily, on first use),
// then the same with fresh Workspaces (best of --load-repeat; the parsed TOML
// is cached per process), then the steady-state lint of that draft. Process
// start-up (dynamic linking, reading the file, printing) is not included:
// bench/run.sh times the real command line for that.
#include <fmt/format.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/source.hpp"
#include "lint/lint.hpp"
#include "lint/workspace.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int usage() {
  fmt::print(stderr, "usage: followup-bench CORPUS_DIR [--repeat N] [--threads N] [--load-repeat N]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  int repeat = 5, load_repeat = 10;
  unsigned only_threads = 0;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 >= argc) return usage();
    int value = std::max(1, std::atoi(argv[++i]));
    if (arg == "--repeat") repeat = value;
    else if (arg == "--threads") only_threads = static_cast<unsigned>(value);
    else if (arg == "--load-repeat") load_repeat = value;
    else return usage();
  }

  std::vector<std::string> texts;
  size_t bytes = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(argv[1], ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const auto ext = it->path().extension();
    if (!it->is_regular_file() || (ext != ".txt" && ext != ".md" && ext != ".eml")) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    texts.push_back(buffer.str());
    bytes += texts.back().size();
  }
  if (texts.empty()) {
    fmt::print(stderr, "no .txt/.md/.eml drafts under {}\n", argv[1]);
    return 2;
  }
  const double mb = static_cast<double>(bytes) / 1e6;

  size_t smallest = 0;
  for (size_t i = 1; i < texts.size(); ++i)
    if (texts[i].size() < texts[smallest].size()) smallest = i;
  auto lint_small = [&](const followup::lint::LintSettings& s) {
    followup::core::Source source("bench.txt", texts[smallest]);
    return followup::lint::lint(source, s).diagnostics.size();
  };

  // Start-up, cold: the first Workspace::resolve in the process parses the
  // built-in TOML and builds the rule set; patterns are compiled lazily, so
  // the first lint pays for compiling every pattern list it reaches.
  const fs::path probe = fs::path(argv[1]) / "x.txt";
  auto t0 = Clock::now();
  double c0 = thread_cpu_seconds();
  followup::lint::Workspace workspace({});
  auto resolved = workspace.resolve(probe);
  double cold_ms = ms_since(t0), cold_cpu = (thread_cpu_seconds() - c0) * 1e3;
  if (!resolved.settings) {
    fmt::print(stderr, "rules failed to load\n");
    for (const auto& error : resolved.errors) fmt::print(stderr, "  {}\n", error.message);
    return 2;
  }
  const auto& settings = *resolved.settings;
  t0 = Clock::now();
  c0 = thread_cpu_seconds();
  lint_small(settings);
  double cold_first_ms = ms_since(t0), cold_first_cpu = (thread_cpu_seconds() - c0) * 1e3;
  // Warm: a fresh Workspace (the parsed TOML is cached per process, so this
  // is building the rule set only), then its first lint (pattern compilation
  // again: compiled patterns live in the rule set).
  double warm_ms = 1e18, warm_first_ms = 1e18;
  for (int r = 0; r < load_repeat; ++r) {
    auto t = Clock::now();
    followup::lint::Workspace fresh({});
    auto again = fresh.resolve(probe);
    warm_ms = std::min(warm_ms, ms_since(t));
    t = Clock::now();
    if (again.settings) lint_small(*again.settings);
    warm_first_ms = std::min(warm_first_ms, ms_since(t));
  }
  fmt::print("corpus: {} files, {:.2f} MB, mean {:.0f} bytes/file\n", texts.size(), mb,
             static_cast<double>(bytes) / static_cast<double>(texts.size()));
  fmt::print("start-up, first in process: load rules (TOML parse + build {} rules) {:.2f} ms (CPU {:.2f}), "
             "first lint of a {}-byte draft (lazy pattern compilation) {:.2f} ms (CPU {:.2f}), "
             "total {:.2f} ms (CPU {:.2f})\n",
             settings.rules->rules().size(), cold_ms, cold_cpu, texts[smallest].size(), cold_first_ms,
             cold_first_cpu, cold_ms + cold_first_ms, cold_cpu + cold_first_cpu);
  fmt::print("start-up, fresh rule set (TOML cached), best of {}: build {:.2f} ms, first lint {:.2f} ms\n",
             load_repeat, warm_ms, warm_first_ms);

  // The same small draft once everything is compiled.
  {
    std::vector<double> us;
    for (int r = 0; r < 200; ++r) {
      auto t = Clock::now();
      lint_small(settings);
      us.push_back(ms_since(t) * 1000);
    }
    fmt::print("steady state, same draft: median {:.1f} us, best {:.1f} us\n", median(us),
               *std::min_element(us.begin(), us.end()));
  }

  auto run = [&](unsigned threads) {
    std::vector<double> walls;
    double best_cpu = 1e18, first_cpu = 0;
    size_t findings = 0;
    for (int r = 0; r < repeat; ++r) {
      std::atomic<size_t> next{0}, count{0};
      std::vector<double> cpu(threads, 0.0);
      auto start = Clock::now();
      auto worker = [&](unsigned id) {
        double c0 = thread_cpu_seconds();
        size_t local = 0;
        for (size_t i = next++; i < texts.size(); i = next++) {
          followup::core::Source source("bench.txt", texts[i]);
          local += followup::lint::lint(source, settings).diagnostics.size();
        }
        cpu[id] = thread_cpu_seconds() - c0;
        count += local;
      };
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker, t);
      for (auto& t : pool) t.join();
      walls.push_back(std::chrono::duration<double>(Clock::now() - start).count());
      double total_cpu = 0;
      for (double c : cpu) total_cpu += c;
      best_cpu = std::min(best_cpu, total_cpu);
      if (r == 0) first_cpu = total_cpu;
      findings = count;
    }
    double best = *std::min_element(walls.begin(), walls.end());
    double med = median(walls);
    fmt::print(
        "{} thread{}: best {:.3f} s  {:.1f} MB/s  {:.0f} files/s | median {:.3f} s  {:.1f} MB/s | "
        "CPU {:.3f} s  {:.1f} MB/s per CPU-s | first pass CPU {:.3f} s  ({} findings)\n",
        threads, threads == 1 ? " " : "s", best, mb / best, static_cast<double>(texts.size()) / best, med, mb / med,
        best_cpu, mb / best_cpu, first_cpu, findings);
  };
  if (only_threads) {
    run(only_threads);
  } else {
    run(1);
    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    if (cores > 1) run(cores);
  }
  return 0;
}
