// The report is streamed: workers render their own files and the writer
// puts them out in input order through a bounded window. These tests run
// more files than the window holds, in every format, and compare --jobs 1
// with --jobs 2 byte for byte.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cli/reorder_window.hpp"
#include "support/drafts.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using followup::testing::run_linter;
using followup::testing::TempDir;

TEST_CASE("the reorder window writes results in input order and never runs more than a window ahead",
          "[cli][stream]") {
  constexpr size_t kCount = 500, kWindow = 4;
  std::vector<size_t> got;
  std::atomic<size_t> taken{0}, furthest_ahead{0}, writers_at_once{0}, most_writers_at_once{0};
  followup::cli::ReorderWindow<size_t, size_t> window(kWindow, [&](size_t value) {
    size_t now = ++writers_at_once;
    if (now > most_writers_at_once) most_writers_at_once = now;
    got.push_back(value);
    taken = got.size();
    --writers_at_once;
  });
  std::thread producer([&] {  // items arrive while the workers run, as a folder walk finds them
    for (size_t i = 0; i < kCount; ++i) {
      window.add(i * 10);
      if (i % 50 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    window.close();
  });
  auto worker = [&](unsigned seed) {
    std::mt19937 random(seed);
    while (auto item = window.claim()) {
      size_t ahead = item->first - taken.load() + 1;
      size_t seen = furthest_ahead.load();
      while (ahead > seen && !furthest_ahead.compare_exchange_weak(seen, ahead)) {
      }
      if (random() % 8 == 0) std::this_thread::sleep_for(std::chrono::microseconds(random() % 300));
      window.put(item->first, item->second + 1);
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < 3; ++t) workers.emplace_back(worker, t + 1);
  window.wait_written();
  producer.join();
  for (auto& w : workers) w.join();
  REQUIRE(got.size() == kCount);
  for (size_t i = 0; i < kCount; ++i) REQUIRE(got[i] == i * 10 + 1);
  CHECK(most_writers_at_once.load() == 1);
  // The test's copy of the count written lags the window's own by at most one.
  CHECK(furthest_ahead.load() <= kWindow + 1);
  CHECK(furthest_ahead.load() >= 1);
}

TEST_CASE("an empty run closes the window at once", "[cli][stream]") {
  int written = 0;
  followup::cli::ReorderWindow<int, int> window(2, [&](int) { ++written; });
  window.close();
  CHECK_FALSE(window.claim());
  window.wait_written();  // returns: nothing to wait for
  CHECK(written == 0);
}

namespace {

// 150 drafts (more than any window), some clean, some with findings, some
// long, one unreadable path and one folder with a broken config.
std::vector<std::string> write_drafts(TempDir& dir) {
  std::vector<std::string> args;
  std::string padding;
  for (int i = 0; i < 30; ++i) padding += "\nI enjoyed the tour of the floor and the talk about the new stores.\n";
  for (int i = 0; i < 150; ++i) {
    std::string text = i % 3 == 0 ? followup::testing::kClicheNote
                       : i % 3 == 1 ? followup::testing::kCleanNote
                                    : followup::testing::kFlawedNote;
    if (i % 7 == 0 && i % 3 != 2) text = followup::testing::replace_once(text, "\nSincerely,", padding + "\nSincerely,");
    std::string name = "drafts/d" + std::to_string(1000 + i) + ".txt";
    dir.write(name, text);
  }
  dir.write("broken/.followup-lint.toml", "[context\n");
  dir.write("broken/note.txt", followup::testing::kCleanNote);
  return {"drafts", "missing.txt", "broken/note.txt"};
}

}  // namespace

TEST_CASE("every format is the same with --jobs 1 and --jobs 2, and JSON and SARIF stay one document",
          "[cli][stream]") {
  TempDir dir;
  auto paths = write_drafts(dir);
  for (const char* format : {"text", "json", "sarif", "github"}) {
    INFO("format " << format);
    std::vector<std::string> one = {"--format", format, "--color", "never", "--jobs", "1"};
    std::vector<std::string> two = {"--format", format, "--color", "never", "--jobs", "2"};
    one.insert(one.end(), paths.begin(), paths.end());
    two.insert(two.end(), paths.begin(), paths.end());
    auto serial = run_linter(one, "", dir.str());
    auto parallel = run_linter(two, "", dir.str());
    CHECK(serial.exit_code == 2);  // the missing file and the broken config
    CHECK(parallel.exit_code == serial.exit_code);
    CHECK(parallel.out == serial.out);
    CHECK(parallel.err == serial.err);
    CHECK(serial.err.find("missing.txt: error:") != std::string::npos);
    CHECK(serial.err.find(".followup-lint.toml:1:") != std::string::npos);
    if (std::string(format) == "json") {
      auto doc = nlohmann::json::parse(serial.out);
      REQUIRE(doc["files"].size() == 150);
      CHECK(doc["files"][0]["path"] == "drafts/d1000.txt");
      CHECK(doc["files"][149]["path"] == "drafts/d1149.txt");
      CHECK(doc["summary"]["files"] == 150);
      size_t findings = 0;
      for (const auto& f : doc["files"]) findings += f["diagnostics"].size();
      CHECK(findings == doc["summary"]["errors"].get<size_t>() + doc["summary"]["warnings"].get<size_t>() +
                            doc["summary"]["infos"].get<size_t>());
    }
    if (std::string(format) == "sarif") {
      auto doc = nlohmann::json::parse(serial.out);
      const auto& run = doc["runs"][0];
      CHECK(run["results"].size() >= 100);
      CHECK_FALSE(run["tool"]["driver"]["rules"].empty());
    }
    if (std::string(format) == "text") CHECK(serial.out.find("150 files checked: ") != std::string::npos);
  }
}

TEST_CASE("the streamed walk lists drafts in the order of their full paths", "[cli][stream]") {
  // '-' < '.' < '/' < '0': a folder's drafts come between the files that
  // sort around its name followed by '/', as a sort of every path would put them.
  TempDir dir;
  for (const char* name : {"d/a0.txt", "d/a/b.txt", "d/a.txt", "d/a-z.txt", "d/a/a/c.txt", "d/B.txt"})
    dir.write(name, followup::testing::kCleanNote);
  auto r = run_linter({"--format", "json", "--jobs", "2", "d"}, "", dir.str());
  auto doc = nlohmann::json::parse(r.out);
  std::vector<std::string> paths;
  for (const auto& f : doc["files"]) paths.push_back(f["path"]);
  CHECK(paths == std::vector<std::string>{"d/B.txt", "d/a-z.txt", "d/a.txt", "d/a/a/c.txt", "d/a/b.txt", "d/a0.txt"});
}
