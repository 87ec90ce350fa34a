#pragma once
// Byte streams under the readers: a file or stdin, optionally seen through a
// gzip or zstd decompressor chosen by the stream's magic bytes.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace wirespeed::io {

/// A forward-only stream of bytes. read() returns 0 at the end of the stream;
/// error() then says whether that end was clean (empty) or a failure (I/O
/// error, corrupt or truncated compressed data).
class byte_source {
public:
  virtual ~byte_source() = default;
  virtual std::size_t read(char *dst, std::size_t capacity) = 0;
  [[nodiscard]] const std::string &error() const noexcept { return error_; }

protected:
  std::string error_;
};

/// How the input was stored, as told by its first bytes.
enum class compression { none, gzip, zstd };

struct opened_source {
  std::unique_ptr<byte_source> source; ///< null when the input could not be opened
  compression kind = compression::none;
  bool empty = false; ///< zero bytes before any decompression
  /// The bytes the stream should give, when a regular file that is not
  /// compressed says so up front, else 0: lets a reader size its buffer
  /// once. A hint only (the file may change while it is read).
  std::uint64_t size_hint = 0;
  std::string error; ///< why `source` is null
};

/// Opens a file ("-": stdin) and looks through gzip or zstd compression,
/// detected by magic bytes rather than by name, so piped archives work too.
/// Compressed data is inflated on a thread of its own (see
/// make_threaded_source), whose seconds are added to `decompress_nanoseconds`
/// when it is given. When `stop` is given and the input is not a regular file
/// (stdin, a pipe, a terminal), a read waits for data at most
/// `stop_poll_interval` at a time and, once `*stop` is true, the stream ends
/// with the error "reading stopped", so a reader never stays blocked on a pipe
/// that a stopped run no longer wants.
[[nodiscard]] opened_source
open_source(const std::string &path, std::atomic<std::uint64_t> *decompress_nanoseconds = nullptr,
            const std::atomic<bool> *stop = nullptr);
inline constexpr int stop_poll_interval_ms = 50;

std::unique_ptr<byte_source> make_gzip_source(std::unique_ptr<byte_source> compressed);
std::unique_ptr<byte_source> make_zstd_source(std::unique_ptr<byte_source> compressed);

/// Reads `inner` on a thread of its own into a few 1 MiB blocks ahead of the
/// caller (bounded memory), for a decompressor that should not wait on the
/// parser or make it wait. error() is inner's, once its last bytes are read.
/// The time the thread spends in inner.read() is added to `busy_nanoseconds`
/// (when not null). The destructor waits for a read() in progress on inner.
std::unique_ptr<byte_source> make_threaded_source(std::unique_ptr<byte_source> inner,
                                                  std::atomic<std::uint64_t> *busy_nanoseconds);

} // namespace wirespeed::io
