// followup-bench: measures the lint pipeline in-process over a folder of
// drafts: rule loading time, MB/s and files/s on one thread and on all cores.
//   followup-bench CORPUS_DIR [--repeat N]
#include <fmt/format.h>

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
#include "rules/engine.hpp"
#include "rules/workspace.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: followup-bench CORPUS_DIR [--repeat N]\n");
    return 2;
  }
  int repeat = 3;
  for (int i = 2; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--repeat") repeat = std::max(1, std::stoi(argv[i + 1]));
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(argv[1])) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    texts.push_back(buffer.str());
    bytes += texts.back().size();
  }
  if (texts.empty()) {
    fmt::print(stderr, "no .txt drafts under {}\n", argv[1]);
    return 2;
  }

  auto t0 = Clock::now();
  followup::rules::Workspace workspace({});
  auto resolved = workspace.resolve(fs::path(argv[1]) / "x.txt");
  auto t1 = Clock::now();
  if (!resolved.settings) {
    fmt::print(stderr, "rules failed to load\n");
    return 2;
  }
  const auto& settings = *resolved.settings;
  fmt::print("corpus: {} files, {:.2f} MB\n", texts.size(), static_cast<double>(bytes) / 1e6);
  fmt::print("rule loading (parse + compile {} rules): {:.2f} ms\n", settings.rules->rules().size(),
             std::chrono::duration<double, std::milli>(t1 - t0).count());

  auto run = [&](unsigned threads) {
    double best = 1e18;
    size_t findings = 0;
    for (int r = 0; r < repeat; ++r) {
      std::atomic<size_t> next{0}, count{0};
      auto start = Clock::now();
      auto worker = [&] {
        size_t local = 0;
        for (size_t i = next++; i < texts.size(); i = next++) {
          followup::core::Source source("bench.txt", texts[i]);
          local += followup::rules::lint(source, settings).diagnostics.size();
        }
        count += local;
      };
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
      for (auto& t : pool) t.join();
      best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
      findings = count;
    }
    fmt::print("{} thread{}: {:.3f} s  {:.1f} MB/s  {:.0f} files/s  ({} findings)\n", threads, threads == 1 ? "" : "s",
               best, static_cast<double>(bytes) / 1e6 / best, static_cast<double>(texts.size()) / best, findings);
  };
  run(1);
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  if (cores > 1) run(cores);
  return 0;
}
