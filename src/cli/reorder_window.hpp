// ReorderWindow: work that arrives in order (the inputs a folder walk
// finds), done by several workers, and written in the same order. A worker
// may claim an item at most `window` places ahead of the last one written,
// so however many items a run has, at most `window` results wait in memory,
// and the first one is written as soon as it is done, while the walk is
// still going.
//
// No thread waits to write: the worker that puts the result next in order
// writes it, and every result ready after it, itself (one writer at a
// time). A writer thread woken for each result cost two system calls per
// draft, and kept the cores from linting (issue 18).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace followup::cli {

template <class In, class Out>
class ReorderWindow {
 public:
  // `write` gets every result, in input order, on one thread at a time.
  ReorderWindow(size_t window, std::function<void(Out)> write)
      : slots_(window ? window : 1), write_(std::move(write)) {}

  // Adds the next item (the producer only).
  void add(In item) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      waiting_.push_back(std::move(item));
      ++added_;
    }
    claimable_.notify_one();  // workers all wait for the same thing: any one can take it
  }

  // No more items will be added.
  void close() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closed_ = true;
    }
    claimable_.notify_all();
    written_.notify_all();
  }

  // The next item and its place, waiting while there is none yet or it is
  // a window ahead of the writing; nullopt when every item has been claimed.
  std::optional<std::pair<size_t, In>> claim() {
    std::unique_lock<std::mutex> lock(mutex_);
    claimable_.wait(lock, [&] { return (next_ < added_ && next_ < taken_ + slots_.size()) || (closed_ && next_ == added_); });
    if (next_ == added_) return std::nullopt;
    std::pair<size_t, In> out{next_++, std::move(waiting_.front())};
    waiting_.pop_front();
    return out;
  }

  // The result of item `index`. When it is the next to be written and no
  // one is writing, this thread writes it and every result ready after it.
  void put(size_t index, Out value) {
    std::unique_lock<std::mutex> lock(mutex_);
    slots_[index % slots_.size()] = std::move(value);
    if (writing_ || index != taken_) return;  // the thread writing now takes it on its way
    writing_ = true;
    for (auto* slot = &slots_[taken_ % slots_.size()]; slot->has_value(); slot = &slots_[taken_ % slots_.size()]) {
      Out next = std::move(**slot);
      slot->reset();
      ++taken_;
      // Workers a window ahead wake once half of it is free, not at every
      // result: a woken worker then claims several items in a row.
      const bool half_free = next_ - taken_ == slots_.size() / 2;
      lock.unlock();
      if (half_free) claimable_.notify_all();
      write_(std::move(next));
      lock.lock();
    }
    writing_ = false;
    const bool all_written = closed_ && taken_ == added_;
    lock.unlock();
    if (all_written) written_.notify_all();
  }

  // Waits until the items are closed and every result is written.
  void wait_written() {
    std::unique_lock<std::mutex> lock(mutex_);
    written_.wait(lock, [&] { return closed_ && taken_ == added_ && !writing_; });
  }

 private:
  std::vector<std::optional<Out>> slots_;
  std::function<void(Out)> write_;
  std::deque<In> waiting_;  // added, not yet claimed
  size_t added_ = 0, next_ = 0, taken_ = 0;
  bool closed_ = false, writing_ = false;
  std::mutex mutex_;
  std::condition_variable claimable_;  // workers: an item to claim, or the end
  std::condition_variable written_;    // the end of the run: everything written
};

}  // namespace followup::cli
