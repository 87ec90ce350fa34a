#pragma once
// Splits a byte stream into lines in bounded memory, before any parsing, so
// one corrupt record can never swallow the records after it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "io/byte_source.hpp"

namespace wirespeed::io {

class line_reader {
public:
  /// Bytes guaranteed readable after the end of every line handed out
  /// (simdjson reads up to this far past a document).
  static constexpr std::size_t padding = 64;

  enum class status {
    line,     ///< `line` holds the next line, without its '\n'
    too_long, ///< the line exceeded the limit; skipped, see skipped_bytes()
    end,      ///< no more lines; the source's error() says whether cleanly
  };

  line_reader(byte_source &source, std::size_t max_line_bytes);

  status next(std::string_view &line);

  /// 1-based number of the line last returned (or skipped).
  [[nodiscard]] std::uint64_t line_number() const noexcept { return line_number_; }
  /// Length of the line last skipped as too long.
  [[nodiscard]] std::uint64_t skipped_bytes() const noexcept { return skipped_; }
  /// True when the line last returned ended the stream without a '\n' (a
  /// truncated input's last line is incomplete, not malformed).
  [[nodiscard]] bool unterminated() const noexcept { return unterminated_; }
  /// Bytes taken from the source so far.
  [[nodiscard]] std::uint64_t bytes_read() const noexcept { return bytes_read_; }
  /// Readable bytes from `line.data()` on (line plus what follows it).
  [[nodiscard]] std::size_t capacity_from(std::string_view line) const noexcept {
    return static_cast<std::size_t>(buffer_.get() + capacity_ + padding - line.data());
  }

private:
  bool fill();
  void skip_rest_of_line();

  byte_source &source_;
  std::size_t max_line_;
  std::size_t capacity_;
  std::size_t max_capacity_;
  std::unique_ptr<char[]> buffer_;
  std::size_t begin_ = 0; // first unconsumed byte
  std::size_t scan_ = 0;  // bytes before this are known not to be '\n'
  std::size_t end_ = 0;   // end of buffered data
  bool eof_ = false;
  bool unterminated_ = false;
  std::uint64_t line_number_ = 0;
  std::uint64_t skipped_ = 0;
  std::uint64_t bytes_read_ = 0;
};

} // namespace wirespeed::io
