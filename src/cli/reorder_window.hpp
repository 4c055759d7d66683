// ReorderWindow: results made by several workers, taken in input order by
// one writer. A worker may claim a file at most `window` places ahead of
// the writer, so however many files a run has, at most `window` results
// wait in memory, and the first one is written as soon as it is done.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <vector>

namespace followup::cli {

template <class T>
class ReorderWindow {
 public:
  ReorderWindow(size_t count, size_t window) : count_(count), slots_(window ? window : 1) {}

  // The next index to work on, waiting while it is a window ahead of the
  // writer; nullopt when every index has been claimed.
  std::optional<size_t> claim() {
    std::unique_lock<std::mutex> lock(mutex_);
    space_.wait(lock, [&] { return next_ >= count_ || next_ < taken_ + slots_.size(); });
    if (next_ >= count_) return std::nullopt;
    return next_++;
  }

  void put(size_t index, T value) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      slots_[index % slots_.size()] = std::move(value);
    }
    ready_.notify_all();
  }

  // The result of the next index in order, waiting until it is put.
  T take() {
    std::unique_lock<std::mutex> lock(mutex_);
    auto& slot = slots_[taken_ % slots_.size()];
    ready_.wait(lock, [&] { return slot.has_value(); });
    T value = std::move(*slot);
    slot.reset();
    ++taken_;
    lock.unlock();
    space_.notify_all();
    return value;
  }

 private:
  const size_t count_;
  std::vector<std::optional<T>> slots_;
  size_t next_ = 0;   // the next index to claim
  size_t taken_ = 0;  // how many the writer has taken
  std::mutex mutex_;
  std::condition_variable space_, ready_;
};

}  // namespace followup::cli
