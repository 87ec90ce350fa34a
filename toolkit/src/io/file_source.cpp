#include "io/byte_source.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>

namespace wirespeed::io {
namespace {

std::string errno_text(int code) {
  return std::strerror(code);
}

/// A file descriptor as a byte stream. The first few bytes can be peeked at
/// (to sniff compression) without a seek, which stdin and pipes lack.
class file_source final : public byte_source {
public:
  /// The size of a regular file; nullopt for a pipe, terminal or socket.
  static std::optional<std::uint64_t> regular_file_size(int fd) {
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
      return std::nullopt;
    }
    return static_cast<std::uint64_t>(info.st_size);
  }

  /// `stop`: see open_source; only a descriptor that can block is polled.
  file_source(int fd, bool owned, const std::atomic<bool> *stop)
      : fd_(fd), owned_(owned), stop_(stop != nullptr && !is_regular_file(fd) ? stop : nullptr) {}
  ~file_source() override {
    if (owned_) {
      ::close(fd_);
    }
  }
  file_source(const file_source &) = delete;
  file_source &operator=(const file_source &) = delete;

  [[nodiscard]] std::optional<std::uint64_t> regular_size() const { return regular_file_size(fd_); }

  /// Buffers up to `n` bytes (fewer at end of file) and returns them; they
  /// are returned again by read().
  std::string_view peek(std::size_t n) {
    char scratch[16];
    while (peeked_.size() < n) {
      std::size_t got = read_fd(scratch, std::min(sizeof scratch, n - peeked_.size()));
      if (got == 0) {
        break;
      }
      peeked_.append(scratch, got);
    }
    return peeked_;
  }

  std::size_t read(char *dst, std::size_t capacity) override {
    if (peek_pos_ < peeked_.size()) {
      std::size_t n = std::min(capacity, peeked_.size() - peek_pos_);
      std::memcpy(dst, peeked_.data() + peek_pos_, n);
      peek_pos_ += n;
      return n;
    }
    return read_fd(dst, capacity);
  }

private:
  static bool is_regular_file(int fd) { return regular_file_size(fd).has_value(); }

  /// Waits until the descriptor can be read without blocking; false once
  /// the run has asked to stop.
  bool wait_readable() {
    pollfd wanted{fd_, POLLIN, 0};
    while (!stop_->load(std::memory_order_relaxed)) {
      const int ready = ::poll(&wanted, 1, stop_poll_interval_ms);
      if (ready > 0 || (ready < 0 && errno != EINTR)) {
        return true; // readable, at its end, or in error: read() says which
      }
    }
    error_ = "reading stopped";
    return false;
  }

  std::size_t read_fd(char *dst, std::size_t capacity) {
    for (;;) {
      if (stop_ != nullptr && !wait_readable()) {
        return 0;
      }
      ssize_t got = ::read(fd_, dst, capacity);
      if (got >= 0) {
        return static_cast<std::size_t>(got);
      }
      if (errno != EINTR) {
        error_ = "read error: " + errno_text(errno);
        return 0;
      }
    }
  }

  int fd_;
  bool owned_;
  const std::atomic<bool> *stop_; ///< null: reads simply block
  std::string peeked_;
  std::size_t peek_pos_ = 0;
};

compression sniff(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b') {
    return compression::gzip;
  }
  if (head.size() >= 4 && head.substr(0, 4) == std::string_view("\x28\xb5\x2f\xfd", 4)) {
    return compression::zstd;
  }
  return compression::none;
}

} // namespace

opened_source open_source(const std::string &path,
                          std::atomic<std::uint64_t> *decompress_nanoseconds,
                          const std::atomic<bool> *stop) {
  opened_source result;
  std::unique_ptr<file_source> file;
  if (path == "-") {
    file = std::make_unique<file_source>(STDIN_FILENO, false, stop);
  } else {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      result.error = "cannot open: " + errno_text(errno);
      return result;
    }
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    file = std::make_unique<file_source>(fd, true, stop);
  }
  std::string_view head = file->peek(4);
  if (!file->error().empty()) {
    result.error = file->error();
    return result;
  }
  result.empty = head.empty();
  result.kind = sniff(head);
  switch (result.kind) {
  case compression::gzip:
    result.source = make_threaded_source(make_gzip_source(std::move(file)), decompress_nanoseconds);
    break;
  case compression::zstd:
    result.source = make_threaded_source(make_zstd_source(std::move(file)), decompress_nanoseconds);
    break;
  case compression::none:
    result.size_hint = file->regular_size().value_or(0);
    result.source = std::move(file);
    break;
  }
  return result;
}

} // namespace wirespeed::io
