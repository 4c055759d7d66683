// The server's workers. httplib's ThreadPool has a fixed number of threads,
// and each open connection holds one until it goes quiet for the keep-alive
// time: a few hundred idle connections (a browser's, or a local program's)
// would leave a new request waiting minutes. WorkerPool starts small and
// adds a thread whenever a connection arrives and none is free, up to a
// cap that bounds memory; past the cap, connections wait their turn. A
// thread beyond the first few that has had nothing to do for a while ends,
// so a burst does not leave hundreds of threads behind.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace followup::serve {

class WorkerPool : public httplib::TaskQueue {
 public:
  // Threads beyond `initial` end after `idle_end` without work.
  WorkerPool(std::size_t initial, std::size_t max,
             std::chrono::milliseconds idle_end = std::chrono::seconds(30));
  ~WorkerPool() override;

  void enqueue(std::function<void()> job) override;
  void shutdown() override;  // runs the jobs already queued, then joins

  std::size_t threads() const;

 private:
  void work();
  void join_finished();  // with mutex_ held

  const std::size_t initial_;
  const std::size_t max_;
  const std::chrono::milliseconds idle_end_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::vector<std::thread> finished_;  // ended on their own, not yet joined
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace followup::serve
