#include "pipeline/batch_flow.hpp"

namespace wirespeed::pipeline_internal {
namespace {

/// Buffers above this are freed when their batch is recycled: ordinary
/// articles are far smaller, and keeping a 200 MB record's buffer in every
/// slot it passed through would defeat the memory bound.
constexpr std::size_t kept_capacity = std::size_t{4} << 20;

void release_if_oversized(std::string &buffer) {
  if (buffer.capacity() > kept_capacity) {
    std::string().swap(buffer);
  }
}

} // namespace

record &batch::next_slot() {
  if (size == records.size()) {
    records.emplace_back();
  }
  record &slot = records[size];
  slot.is_document = false;
  slot.output_end = 0;
  return slot;
}

void batch::recycle() {
  for (std::size_t i = 0; i < size; ++i) {
    release_if_oversized(records[i].doc.text);
  }
  size = 0;
  text_bytes = 0;
  output.clear();
  release_if_oversized(output);
}

batch_flow::batch_flow(std::size_t batches) {
  storage_.reserve(batches);
  for (std::size_t i = 0; i < batches; ++i) {
    storage_.push_back(std::make_unique<batch>());
    free_.push_back(storage_.back().get());
  }
}

batch *batch_flow::take_free() {
  std::unique_lock lock(mutex_);
  free_ready_.wait(lock, [&] { return !free_.empty() || stopping(); });
  if (stopping()) {
    return nullptr;
  }
  batch *empty = free_.back();
  free_.pop_back();
  return empty;
}

void batch_flow::submit(batch *filled) {
  {
    std::lock_guard lock(mutex_);
    if (stopping()) {
      filled->recycle();
      free_.push_back(filled);
      return;
    }
    filled->sequence = submitted_++;
    work_.push_back(filled);
  }
  work_ready_.notify_one();
}

void batch_flow::input_ended() {
  {
    std::lock_guard lock(mutex_);
    ended_ = true;
  }
  work_ready_.notify_all();
  done_ready_.notify_all();
}

bool batch_flow::input_complete() const {
  std::lock_guard lock(mutex_);
  return ended_;
}

batch *batch_flow::take_work() {
  std::unique_lock lock(mutex_);
  work_ready_.wait(lock, [&] { return !work_.empty() || ended_ || stopping(); });
  if (work_.empty()) {
    return nullptr;
  }
  batch *next = work_.front();
  work_.pop_front();
  ++processing_;
  return next;
}

void batch_flow::complete(batch *processed) {
  {
    std::lock_guard lock(mutex_);
    --processing_;
    done_.emplace(processed->sequence, processed);
  }
  done_ready_.notify_one();
}

bool batch_flow::all_returned() const {
  // Stopped: what was queued was dropped, so only batches in flight count.
  if (stopping()) {
    return processing_ == 0;
  }
  return ended_ && next_to_write_ == submitted_;
}

done_status batch_flow::take_done(bool ordered, std::chrono::milliseconds wait, batch *&out) {
  std::unique_lock lock(mutex_);
  auto ready = [&] { return ordered ? done_.contains(next_to_write_) : !done_.empty(); };
  done_ready_.wait_for(lock, wait, [&] { return ready() || all_returned(); });
  if (!ready()) {
    return all_returned() ? done_status::finished : done_status::timeout;
  }
  auto next = ordered ? done_.find(next_to_write_) : done_.begin();
  out = next->second;
  done_.erase(next);
  ++next_to_write_;
  return done_status::batch;
}

void batch_flow::release(batch *written) {
  written->recycle();
  {
    std::lock_guard lock(mutex_);
    free_.push_back(written);
  }
  free_ready_.notify_one();
}

void batch_flow::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_.store(true, std::memory_order_relaxed);
    for (batch *dropped : work_) {
      dropped->recycle();
      free_.push_back(dropped);
    }
    work_.clear();
  }
  free_ready_.notify_all();
  work_ready_.notify_all();
  done_ready_.notify_all();
}

} // namespace wirespeed::pipeline_internal
