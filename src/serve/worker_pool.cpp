#include "serve/worker_pool.hpp"

#include <algorithm>

namespace followup::serve {

WorkerPool::WorkerPool(std::size_t initial, std::size_t max) : max_(std::max<std::size_t>(1, max)) {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < std::min(initial, max_); ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() { shutdown(); }

void WorkerPool::enqueue(std::function<void()> job) {
  std::lock_guard lock(mutex_);
  jobs_.push_back(std::move(job));
  // Every worker is busy with a connection: one more, while under the cap.
  if (idle_ < jobs_.size() && threads_.size() < max_) threads_.emplace_back([this] { work(); });
  ready_.notify_one();
}

void WorkerPool::shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    threads.swap(threads_);
  }
  ready_.notify_all();
  for (auto& t : threads) t.join();
}

std::size_t WorkerPool::threads() const {
  std::lock_guard lock(mutex_);
  return threads_.size();
}

void WorkerPool::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ++idle_;
      ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      --idle_;
      if (jobs_.empty()) return;  // stopping, and nothing left to run
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace followup::serve
