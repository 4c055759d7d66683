// ReorderWindow: work that arrives in order (the inputs a folder walk
// finds), done by several workers, and taken in the same order by one
// writer. A worker may claim an item at most `window` places ahead of the
// writer, so however many items a run has, at most `window` results wait in
// memory, and the first one is written as soon as it is done, while the
// walk is still going.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace followup::cli {

template <class In, class Out>
class ReorderWindow {
 public:
  explicit ReorderWindow(size_t window) : slots_(window ? window : 1) {}

  // Adds the next item (the producer only).
  void add(In item) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      waiting_.push_back(std::move(item));
      ++added_;
    }
    changed_.notify_all();
  }

  // No more items will be added.
  void close() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closed_ = true;
    }
    changed_.notify_all();
  }

  // The next item and its place, waiting while there is none yet or it is
  // a window ahead of the writer; nullopt when every item has been claimed.
  std::optional<std::pair<size_t, In>> claim() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return (next_ < added_ && next_ < taken_ + slots_.size()) || (closed_ && next_ == added_); });
    if (next_ == added_) return std::nullopt;
    std::pair<size_t, In> out{next_++, std::move(waiting_.front())};
    waiting_.pop_front();
    return out;
  }

  void put(size_t index, Out value) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      slots_[index % slots_.size()] = std::move(value);
    }
    changed_.notify_all();
  }

  // The result of the next item in order, waiting until it is put; nullopt
  // once the items are closed and all taken.
  std::optional<Out> take() {
    std::unique_lock<std::mutex> lock(mutex_);
    auto& slot = slots_[taken_ % slots_.size()];
    changed_.wait(lock, [&] { return slot.has_value() || (closed_ && taken_ == added_); });
    if (!slot) return std::nullopt;
    std::optional<Out> value = std::move(slot);
    slot.reset();
    ++taken_;
    lock.unlock();
    changed_.notify_all();
    return value;
  }

 private:
  std::vector<std::optional<Out>> slots_;
  std::deque<In> waiting_;  // added, not yet claimed
  size_t added_ = 0, next_ = 0, taken_ = 0;
  bool closed_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
};

}  // namespace followup::cli
