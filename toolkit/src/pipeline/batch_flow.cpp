#include "pipeline/batch_flow.hpp"

#include <algorithm>

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
  slot.unparsed = false;
  slot.output_end = 0;
  return slot;
}

void batch::recycle() {
  for (std::size_t i = 0; i < size; ++i) {
    release_if_oversized(records[i].doc.text);
    release_if_oversized(records[i].line);
  }
  size = 0;
  text_bytes = 0;
  output.clear();
  release_if_oversized(output);
}

batch_flow::batch_flow(std::size_t batches, std::size_t readers)
    : held_(std::max<std::size_t>(readers, 1), 0),
      share_(std::max<std::size_t>(batches / std::max<std::size_t>(readers, 1), 1)),
      readers_left_(std::max<std::size_t>(readers, 1)) {
  storage_.reserve(batches);
  for (std::size_t i = 0; i < batches; ++i) {
    storage_.push_back(std::make_unique<batch>());
    free_.push_back(storage_.back().get());
  }
}

batch *batch_flow::take_free(std::size_t reader) {
  std::unique_lock lock(mutex_);
  free_ready_.wait(lock, [&] { return (!free_.empty() && held_[reader] < share_) || stopping(); });
  if (stopping()) {
    return nullptr;
  }
  batch *empty = free_.back();
  free_.pop_back();
  ++held_[reader];
  empty->reader = reader;
  return empty;
}

void batch_flow::make_free(batch *unused) {
  unused->recycle();
  --held_[unused->reader];
  free_.push_back(unused);
}

void batch_flow::submit(batch *filled) {
  {
    std::lock_guard lock(mutex_);
    if (stopping()) {
      make_free(filled);
      return;
    }
    ++submitted_;
    work_.push_back(filled);
  }
  work_ready_.notify_one();
}

void batch_flow::end_group(std::uint64_t group, std::uint64_t batches) {
  {
    std::lock_guard lock(mutex_);
    group_sizes_[group] = batches;
  }
  done_ready_.notify_all();
}

void batch_flow::reader_ended() {
  {
    std::lock_guard lock(mutex_);
    ended_ = --readers_left_ == 0;
  }
  work_ready_.notify_all();
  done_ready_.notify_all();
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
    done_.emplace(position{processed->group, processed->sequence}, processed);
  }
  done_ready_.notify_one();
}

bool batch_flow::all_returned() const {
  // Stopped: what was queued was dropped, so only batches in flight count.
  if (stopping()) {
    return processing_ == 0;
  }
  return ended_ && written_ == submitted_;
}

bool batch_flow::next_ready() {
  for (auto ended = group_sizes_.find(next_to_write_.first);
       ended != group_sizes_.end() && ended->second == next_to_write_.second;
       ended = group_sizes_.find(next_to_write_.first)) {
    group_sizes_.erase(ended);
    next_to_write_ = {next_to_write_.first + 1, 0};
  }
  return done_.contains(next_to_write_);
}

done_status batch_flow::take_done(bool ordered, std::chrono::milliseconds wait, batch *&out) {
  std::unique_lock lock(mutex_);
  auto ready = [&] { return ordered ? next_ready() : !done_.empty(); };
  done_ready_.wait_for(lock, wait, [&] { return ready() || all_returned(); });
  if (!ready()) {
    return all_returned() ? done_status::finished : done_status::timeout;
  }
  auto next = ordered ? done_.find(next_to_write_) : done_.begin();
  out = next->second;
  done_.erase(next);
  ++written_;
  if (ordered) {
    ++next_to_write_.second;
  }
  return done_status::batch;
}

void batch_flow::release(batch *written) {
  {
    std::lock_guard lock(mutex_);
    make_free(written);
  }
  // Every reader: the one whose share this frees may not be the one woken first.
  free_ready_.notify_all();
}

void batch_flow::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_.store(true, std::memory_order_relaxed);
    for (batch *dropped : work_) {
      make_free(dropped);
    }
    work_.clear();
  }
  free_ready_.notify_all();
  work_ready_.notify_all();
  done_ready_.notify_all();
}

} // namespace wirespeed::pipeline_internal
