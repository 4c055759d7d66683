// WorkerPool: grows a thread per waiting job up to its cap, runs every job,
// lets the extra threads go when idle, and runs what is queued at shutdown.
#include "serve/worker_pool.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace followup::serve {
namespace {

// Jobs that hold their thread until released.
class Gate {
 public:
  void wait() {
    std::unique_lock lock(mutex_);
    ++waiting_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
  }
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }
  // Waits (30 s at most, so a broken pool fails instead of hanging) until
  // `n` jobs hold a thread.
  bool reached(int n) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(30), [&] { return waiting_ >= n; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int waiting_ = 0;
  bool open_ = false;
};

// Polls `done` every 10 ms for up to 30 s.
template <typename Done>
bool eventually(Done done) {
  for (int i = 0; i < 3000 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return done();
}

}  // namespace

TEST_CASE("worker pool: a thread per waiting job, up to the cap", "[serve]") {
  WorkerPool pool(1, 6);
  Gate gate;
  std::atomic<int> finished{0};
  for (int i = 0; i < 10; ++i) pool.enqueue([&] {
      gate.wait();
      ++finished;
    });
  REQUIRE(gate.reached(6));  // six at once: one per thread, the cap
  CHECK(pool.threads() == 6);
  gate.open();
  CHECK(eventually([&] { return finished == 10; }));
  CHECK(pool.threads() == 6);
}

TEST_CASE("worker pool: the extra threads end when idle, and the first ones stay", "[serve]") {
  WorkerPool pool(2, 8, std::chrono::milliseconds(20));
  Gate gate;
  for (int i = 0; i < 8; ++i) pool.enqueue([&] { gate.wait(); });
  REQUIRE(gate.reached(8));
  CHECK(pool.threads() == 8);
  gate.open();
  CHECK(eventually([&] { return pool.threads() == 2; }));
  // And it grows again for the next burst.
  Gate second;
  for (int i = 0; i < 5; ++i) pool.enqueue([&] { second.wait(); });
  REQUIRE(second.reached(5));
  CHECK(pool.threads() >= 5);
  second.open();
}

TEST_CASE("worker pool: shutdown runs the jobs already queued", "[serve]") {
  std::atomic<int> ran{0};
  {
    WorkerPool pool(1, 1);
    for (int i = 0; i < 50; ++i) pool.enqueue([&] { ++ran; });
    pool.shutdown();
    CHECK(ran == 50);
  }
  CHECK(ran == 50);
}

}  // namespace followup::serve
