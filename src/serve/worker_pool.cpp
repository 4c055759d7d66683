#include "serve/worker_pool.hpp"

#include <algorithm>

namespace followup::serve {

WorkerPool::WorkerPool(std::size_t initial, std::size_t max, std::chrono::milliseconds idle_end)
    : initial_(initial), max_(std::max<std::size_t>(1, max)), idle_end_(idle_end) {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < std::min(initial, max_); ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() { shutdown(); }

void WorkerPool::enqueue(std::function<void()> job) {
  std::lock_guard lock(mutex_);
  join_finished();
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
    for (auto& t : finished_) threads.push_back(std::move(t));
    finished_.clear();
  }
  ready_.notify_all();
  for (auto& t : threads) t.join();
}

std::size_t WorkerPool::threads() const {
  std::lock_guard lock(mutex_);
  return threads_.size();
}

void WorkerPool::join_finished() {
  for (auto& t : finished_) t.join();
  finished_.clear();
}

void WorkerPool::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ++idle_;
      bool woken = ready_.wait_for(lock, idle_end_, [this] { return stopping_ || !jobs_.empty(); });
      --idle_;
      if (!woken && threads_.size() > initial_) {
        // Hand this thread's handle to the next enqueue or shutdown to join.
        auto self = std::find_if(threads_.begin(), threads_.end(),
                                 [](const std::thread& t) { return t.get_id() == std::this_thread::get_id(); });
        if (self != threads_.end()) {
          finished_.push_back(std::move(*self));
          threads_.erase(self);
          return;
        }
      }
      if (jobs_.empty()) {
        if (stopping_) return;  // nothing left to run
        continue;
      }
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace followup::serve
