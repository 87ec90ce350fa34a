#pragma once
// The batches that travel reader -> workers -> writer, and the one structure
// they travel through. A fixed set of batches circulates (free -> filled ->
// processed -> written -> free), so memory is bounded by how many there are
// and a reader that runs ahead simply waits for a free one: back-pressure.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "wirespeed/document.hpp"
#include "wirespeed/reader.hpp"

namespace wirespeed::pipeline_internal {

/// One record read: a document, or a rejection (by the reader or, after
/// processing, by the worker's processor).
struct record {
  bool is_document = false;
  document doc;
  rejection bad;
  /// After processing: where this record's output ends in batch::output.
  std::size_t output_end = 0;
};

struct batch {
  std::uint64_t sequence = 0;
  std::vector<record> records; ///< slots kept across uses, so strings keep their capacity
  std::size_t size = 0;        ///< records in use
  std::size_t text_bytes = 0;  ///< document text held, for the batch size limit
  std::string output;          ///< every record's output, in record order

  /// The slot after the last record in use, emptied; keep() counts it in.
  record &next_slot();
  void keep() { ++size; }
  /// Empties the batch for reuse; buffers grown by an unusually large record
  /// are released so that one huge record does not pin its memory forever.
  void recycle();
};

/// What the writer gets from take_done().
enum class done_status { batch, timeout, finished };

class batch_flow {
public:
  explicit batch_flow(std::size_t batches);

  // Reader side.
  /// A free batch to fill, waiting for one; null once the run is stopping.
  batch *take_free();
  /// Numbers the batch in input order and queues it for the workers.
  void submit(batch *filled);
  /// The reader leaves, at the end of the input or because the run is
  /// stopping: no more batches will be submitted.
  void input_ended();

  // Worker side.
  /// The next batch to process, waiting for one; null when there is no more work.
  batch *take_work();
  void complete(batch *processed);

  // Writer side.
  /// The next processed batch (in sequence order when `ordered`) in `out`,
  /// waiting at most `wait`; `finished` when none will come any more.
  done_status take_done(bool ordered, std::chrono::milliseconds wait, batch *&out);
  void release(batch *written);
  /// Stops the run early: queued, unprocessed batches are dropped, the reader
  /// and idle workers are woken; batches being processed still complete.
  void stop();

  [[nodiscard]] bool stopping() const noexcept { return stopping_.load(std::memory_order_relaxed); }
  /// True once the reader has called input_ended(): its thread is about to end.
  [[nodiscard]] bool input_complete() const;

private:
  bool all_returned() const;

  mutable std::mutex mutex_;
  std::condition_variable free_ready_;
  std::condition_variable work_ready_;
  std::condition_variable done_ready_;
  std::vector<std::unique_ptr<batch>> storage_;
  std::vector<batch *> free_;
  std::deque<batch *> work_;
  std::map<std::uint64_t, batch *> done_;
  std::uint64_t submitted_ = 0;
  std::uint64_t next_to_write_ = 0;
  std::size_t processing_ = 0;
  bool ended_ = false;
  std::atomic<bool> stopping_{false};
};

} // namespace wirespeed::pipeline_internal
