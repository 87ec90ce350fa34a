// Runs a byte source (a decompressor) on a thread of its own, a few blocks
// ahead of its reader, so that parsing never waits on inflate and inflating
// never waits on parsing. The blocks are a fixed set passed back and forth,
// so memory stays bounded whatever the stream's size; the source's error is
// handed over after its last block, so a truncated archive is reported at
// the same line as when it was read inline.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "core/thread_name.hpp"
#include "io/byte_source.hpp"

namespace wirespeed::io {
namespace {

constexpr std::size_t block_bytes = std::size_t{1} << 20;
constexpr std::size_t block_count = 4;

struct block {
  std::unique_ptr<char[]> data{new char[block_bytes]};
  std::size_t size = 0;
};

class threaded_source final : public byte_source {
public:
  threaded_source(std::unique_ptr<byte_source> inner, std::atomic<std::uint64_t> *busy_nanoseconds)
      : inner_(std::move(inner)), busy_nanoseconds_(busy_nanoseconds), blocks_(block_count) {
    for (block &b : blocks_) {
      free_.push_back(&b);
    }
    thread_ = std::thread([this] { produce(); });
  }
  ~threaded_source() override {
    {
      std::lock_guard lock(mutex_);
      closing_ = true;
    }
    free_ready_.notify_all();
    thread_.join();
  }
  threaded_source(const threaded_source &) = delete;
  threaded_source &operator=(const threaded_source &) = delete;

  std::size_t read(char *dst, std::size_t capacity) override {
    while (current_ == nullptr || position_ == current_->size) {
      if (!next_block()) {
        return 0;
      }
    }
    const std::size_t n = std::min(capacity, current_->size - position_);
    std::memcpy(dst, current_->data.get() + position_, n);
    position_ += n;
    return n;
  }

private:
  /// Hands the block read back to the producer and waits for the next one;
  /// false at the end of the stream, with error_ set as the source left it.
  bool next_block() {
    std::unique_lock lock(mutex_);
    if (current_ != nullptr) {
      free_.push_back(current_);
      current_ = nullptr;
      free_ready_.notify_one();
    }
    full_ready_.wait(lock, [this] { return !full_.empty() || produced_all_; });
    if (full_.empty()) {
      error_ = inner_error_;
      return false;
    }
    current_ = full_.front();
    full_.pop_front();
    position_ = 0;
    return true;
  }

  void produce() {
    detail::name_this_thread("ws-inflate");
    for (;;) {
      block *filling = nullptr;
      {
        std::unique_lock lock(mutex_);
        free_ready_.wait(lock, [this] { return !free_.empty() || closing_; });
        if (closing_) {
          return;
        }
        filling = free_.back();
        free_.pop_back();
      }
      const bool ended = fill(*filling);
      std::lock_guard lock(mutex_);
      if (filling->size > 0) {
        full_.push_back(filling);
      } else {
        free_.push_back(filling);
      }
      if (ended) {
        produced_all_ = true;
        inner_error_ = inner_->error();
      }
      full_ready_.notify_one();
      if (ended) {
        return;
      }
    }
  }

  /// Fills a whole block (fewer handovers than one per inflate call); true
  /// when the source has ended.
  bool fill(block &b) {
    const auto start = std::chrono::steady_clock::now();
    b.size = 0;
    bool ended = false;
    while (b.size < block_bytes) {
      const std::size_t got = inner_->read(b.data.get() + b.size, block_bytes - b.size);
      if (got == 0) {
        ended = true;
        break;
      }
      b.size += got;
    }
    if (busy_nanoseconds_ != nullptr) {
      *busy_nanoseconds_ +=
          static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                         std::chrono::steady_clock::now() - start)
                                         .count());
    }
    return ended;
  }

  std::unique_ptr<byte_source> inner_;
  std::atomic<std::uint64_t> *busy_nanoseconds_;
  std::vector<block> blocks_;
  std::mutex mutex_;
  std::condition_variable free_ready_;
  std::condition_variable full_ready_;
  std::vector<block *> free_;
  std::deque<block *> full_;
  bool produced_all_ = false;
  bool closing_ = false;
  std::string inner_error_;
  block *current_ = nullptr; // the block read() is taking bytes from (consumer's own)
  std::size_t position_ = 0;
  std::thread thread_;
};

} // namespace

std::unique_ptr<byte_source> make_threaded_source(std::unique_ptr<byte_source> inner,
                                                  std::atomic<std::uint64_t> *busy_nanoseconds) {
  return std::make_unique<threaded_source>(std::move(inner), busy_nanoseconds);
}

} // namespace wirespeed::io
