// Streaming gzip and zstd decompression. Both keep going across member/frame
// boundaries (pigz, `cat a.gz b.gz`, zstd --long archives are concatenations)
// and call a stream truncated when the input ends inside a member or frame.
#include "io/byte_source.hpp"

#include <zlib.h>
#include <zstd.h>

#include <vector>

namespace wirespeed::io {
namespace {

constexpr std::size_t compressed_chunk = std::size_t{256} << 10;

/// Shared input handling: refills from the compressed source and tells the
/// decoder when no more input will come.
class decompressor : public byte_source {
protected:
  explicit decompressor(std::unique_ptr<byte_source> in)
      : in_(std::move(in)), buffer_(compressed_chunk) {}

  /// Makes input available unless the source is exhausted; false on an I/O
  /// error in the compressed source (error_ is set).
  bool refill() {
    if (pos_ < size_ || eof_) {
      return true;
    }
    size_ = in_->read(buffer_.data(), buffer_.size());
    pos_ = 0;
    if (size_ == 0) {
      eof_ = true;
      if (!in_->error().empty()) {
        error_ = in_->error();
        return false;
      }
    }
    return true;
  }
  [[nodiscard]] bool input_exhausted() const noexcept { return eof_ && pos_ == size_; }

  std::unique_ptr<byte_source> in_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t size_ = 0;
  bool eof_ = false;
};

class gzip_source final : public decompressor {
public:
  explicit gzip_source(std::unique_ptr<byte_source> in) : decompressor(std::move(in)) {
    // 16 + MAX_WBITS: gzip framing only (zlib or raw deflate would be a misdetection).
    if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK) {
      error_ = "cannot initialise zlib";
    }
  }
  ~gzip_source() override { inflateEnd(&stream_); }
  gzip_source(const gzip_source &) = delete;
  gzip_source &operator=(const gzip_source &) = delete;

  std::size_t read(char *dst, std::size_t capacity) override {
    if (!error_.empty()) {
      return 0;
    }
    stream_.next_out = reinterpret_cast<Bytef *>(dst);
    stream_.avail_out = static_cast<uInt>(std::min<std::size_t>(capacity, 1u << 30));
    const uInt out_start = stream_.avail_out;
    for (;;) {
      if (!refill()) {
        return out_start - stream_.avail_out;
      }
      stream_.next_in = reinterpret_cast<Bytef *>(buffer_.data() + pos_);
      stream_.avail_in = static_cast<uInt>(size_ - pos_);
      const uInt in_start = stream_.avail_in;
      int rc = inflate(&stream_, Z_NO_FLUSH);
      pos_ += in_start - stream_.avail_in;
      if (in_start != stream_.avail_in) {
        member_open_ = true;
      }
      if (rc == Z_STREAM_END) {
        // Another member may follow: start over on the remaining input.
        member_open_ = false;
        inflateReset(&stream_);
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        error_ =
            std::string("corrupt gzip data: ") + (stream_.msg ? stream_.msg : "inflate failed");
        return out_start - stream_.avail_out;
      }
      std::size_t produced = out_start - stream_.avail_out;
      if (produced > 0) {
        return produced;
      }
      if (input_exhausted()) {
        if (member_open_) {
          error_ = "truncated gzip data (the input ends inside a compressed member)";
        }
        return produced;
      }
    }
  }

private:
  z_stream stream_{};
  bool member_open_ = false;
};

class zstd_source final : public decompressor {
public:
  explicit zstd_source(std::unique_ptr<byte_source> in)
      : decompressor(std::move(in)), context_(ZSTD_createDCtx()) {
    if (context_ == nullptr) {
      error_ = "cannot initialise zstd";
    }
  }
  ~zstd_source() override { ZSTD_freeDCtx(context_); }
  zstd_source(const zstd_source &) = delete;
  zstd_source &operator=(const zstd_source &) = delete;

  std::size_t read(char *dst, std::size_t capacity) override {
    if (!error_.empty()) {
      return 0;
    }
    ZSTD_outBuffer out{dst, capacity, 0};
    for (;;) {
      if (!refill()) {
        return out.pos;
      }
      ZSTD_inBuffer in{buffer_.data() + pos_, size_ - pos_, 0};
      std::size_t hint = ZSTD_decompressStream(context_, &out, &in);
      pos_ += in.pos;
      if (ZSTD_isError(hint)) {
        error_ = std::string("corrupt zstd data: ") + ZSTD_getErrorName(hint);
        return out.pos;
      }
      // 0: a frame is complete and flushed; anything else: more of it to come.
      frame_open_ = hint != 0;
      if (out.pos > 0) {
        return out.pos;
      }
      if (input_exhausted()) {
        if (frame_open_) {
          error_ = "truncated zstd data (the input ends inside a frame)";
        }
        return 0;
      }
    }
  }

private:
  ZSTD_DCtx *context_;
  bool frame_open_ = false;
};

} // namespace

std::unique_ptr<byte_source> make_gzip_source(std::unique_ptr<byte_source> compressed) {
  return std::make_unique<gzip_source>(std::move(compressed));
}

std::unique_ptr<byte_source> make_zstd_source(std::unique_ptr<byte_source> compressed) {
  return std::make_unique<zstd_source>(std::move(compressed));
}

} // namespace wirespeed::io
