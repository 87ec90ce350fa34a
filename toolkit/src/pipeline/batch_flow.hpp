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
  /// A JSON Lines record still to be parsed, by the worker, from `line`.
  bool unparsed = false;
  std::string line;
  document doc;
  rejection bad;
  /// After processing: where this record's output ends in batch::output.
  std::size_t output_end = 0;
};

struct batch {
  /// Where the batch goes in the output: the input group (a run of whole
  /// files read by one reader) and its place among that group's batches.
  std::uint64_t group = 0;
  std::uint64_t sequence = 0;
  std::size_t reader = 0;      ///< which reader took it, for its quota
  std::vector<record> records; ///< slots kept across uses, so strings keep their capacity
  std::size_t size = 0;        ///< records in use
  std::size_t text_bytes = 0;  ///< record bytes held, for the batch size limit
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

/**
 * Several readers may fill batches at once, each reading whole groups of
 * files; the writer puts them back in order: group by group, and within a
 * group by sequence. Each reader may hold at most its share of the batches
 * (taken and not yet written), so readers ahead of the group being written
 * can never take every batch and starve the reader the writer waits for.
 */
class batch_flow {
public:
  batch_flow(std::size_t batches, std::size_t readers);

  // Reader side.
  /// A free batch for `reader` to fill, waiting for one within its share;
  /// null once the run is stopping.
  batch *take_free(std::size_t reader);
  /// Queues the batch for the workers; its group and sequence are set.
  void submit(batch *filled);
  /// `group` is complete: it holds `batches` batches, sequences 0 to batches - 1.
  void end_group(std::uint64_t group, std::uint64_t batches);
  /// A reader leaves, at the end of the input or because the run is
  /// stopping; once every reader has, no more batches will be submitted.
  void reader_ended();

  // Worker side.
  /// The next batch to process, waiting for one; null when there is no more work.
  batch *take_work();
  void complete(batch *processed);

  // Writer side.
  /// The next processed batch (in group and sequence order when `ordered`)
  /// in `out`, waiting at most `wait`; `finished` when none will come any more.
  done_status take_done(bool ordered, std::chrono::milliseconds wait, batch *&out);
  /// Returns a batch, written or left empty by its reader, to the free ones.
  void release(batch *written);
  /// Stops the run early: queued, unprocessed batches are dropped, the readers
  /// and idle workers are woken; batches being processed still complete.
  void stop();

  [[nodiscard]] bool stopping() const noexcept { return stopping_.load(std::memory_order_relaxed); }
  /// The flag behind stopping(), for readers to poll while blocked on a pipe
  /// (reader_options::stop).
  [[nodiscard]] const std::atomic<bool> &stop_flag() const noexcept { return stopping_; }

private:
  using position = std::pair<std::uint64_t, std::uint64_t>; // group, sequence
  bool all_returned() const;
  /// Moves the next position to write past groups that are completely written.
  bool next_ready();
  void make_free(batch *unused);

  mutable std::mutex mutex_;
  std::condition_variable free_ready_;
  std::condition_variable work_ready_;
  std::condition_variable done_ready_;
  std::vector<std::unique_ptr<batch>> storage_;
  std::vector<batch *> free_;
  std::vector<std::size_t> held_; ///< per reader: batches taken, not yet returned
  std::size_t share_;             ///< the most batches one reader may hold
  std::size_t readers_left_;
  std::deque<batch *> work_;
  std::map<position, batch *> done_;
  std::map<std::uint64_t, std::uint64_t> group_sizes_; ///< ended groups not yet written
  position next_to_write_{0, 0};
  std::uint64_t submitted_ = 0;
  std::uint64_t written_ = 0;
  std::size_t processing_ = 0;
  bool ended_ = false;
  std::atomic<bool> stopping_{false};
};

} // namespace wirespeed::pipeline_internal
