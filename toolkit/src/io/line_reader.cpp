#include "io/line_reader.hpp"

#include <algorithm>
#include <cstring>

namespace wirespeed::io {
namespace {
constexpr std::size_t initial_capacity = std::size_t{1} << 20;
}

line_reader::line_reader(byte_source &source, std::size_t max_line_bytes)
    : source_(source), max_line_(std::max<std::size_t>(max_line_bytes, 1)),
      capacity_(std::min(initial_capacity, max_line_ + 1)),
      // A line of max_line_ bytes plus its '\n' must fit; nothing longer is ever kept.
      max_capacity_(std::max(capacity_, max_line_ + 1)), buffer_(new char[capacity_ + padding]()) {
}

bool line_reader::fill() {
  if (eof_) {
    return false;
  }
  if (begin_ > 0 && (end_ == capacity_ || begin_ >= capacity_ / 2)) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    scan_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) {
    std::size_t grown = std::min(capacity_ * 2, max_capacity_);
    std::unique_ptr<char[]> bigger(new char[grown + padding]());
    std::memcpy(bigger.get(), buffer_.get(), end_);
    buffer_ = std::move(bigger);
    capacity_ = grown;
  }
  std::size_t got = source_.read(buffer_.get() + end_, capacity_ - end_);
  if (got == 0) {
    eof_ = true;
    return false;
  }
  end_ += got;
  bytes_read_ += got;
  return true;
}

line_reader::status line_reader::next(std::string_view &line) {
  for (;;) {
    const char *base = buffer_.get();
    if (const void *newline = std::memchr(base + scan_, '\n', end_ - scan_)) {
      std::size_t stop = static_cast<std::size_t>(static_cast<const char *>(newline) - base);
      line = std::string_view(base + begin_, stop - begin_);
      begin_ = scan_ = stop + 1;
      ++line_number_;
      return status::line;
    }
    scan_ = end_;
    if (end_ - begin_ > max_line_) {
      skip_rest_of_line();
      return status::too_long;
    }
    if (!fill()) {
      if (begin_ == end_) {
        return status::end;
      }
      // The last line need not end in '\n'.
      line = std::string_view(base + begin_, end_ - begin_);
      begin_ = scan_ = end_;
      unterminated_ = true;
      ++line_number_;
      return status::line;
    }
  }
}

void line_reader::skip_rest_of_line() {
  // Counts the line's length while dropping it, one buffer at a time.
  skipped_ = end_ - begin_;
  begin_ = scan_ = end_ = 0;
  ++line_number_;
  while (fill()) {
    const char *base = buffer_.get();
    if (const void *newline = std::memchr(base, '\n', end_)) {
      std::size_t stop = static_cast<std::size_t>(static_cast<const char *>(newline) - base);
      skipped_ += stop;
      begin_ = scan_ = stop + 1;
      return;
    }
    skipped_ += end_;
    begin_ = scan_ = end_ = 0;
  }
}

} // namespace wirespeed::io
