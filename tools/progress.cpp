#include "progress.hpp"

#include <cstdio>
#include <iterator>

#include <fmt/format.h>

namespace wirespeed::cli {

std::string human_bytes(std::uint64_t bytes) {
  constexpr const char *units[] = {"B", "kB", "MB", "GB", "TB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1000 && unit + 1 < std::size(units)) {
    value /= 1000;
    ++unit;
  }
  return unit == 0 ? fmt::format("{} B", bytes) : fmt::format("{:.1f} {}", value, units[unit]);
}

progress_line::progress_line(std::string_view command, bool enabled)
    : command_(command), enabled_(enabled) {
}

void progress_line::show(const pipeline_progress &progress) {
  if (!enabled_) {
    return;
  }
  const double elapsed = progress.elapsed_seconds > 0 ? progress.elapsed_seconds : 1e-9;
  const double rate = static_cast<double>(progress.bytes_read) / elapsed;
  std::string line =
      fmt::format("wirespeed {}: {}, {} records ({} rejected), {}/s", command_,
                  human_bytes(progress.bytes_read), progress.records_done,
                  progress.records_rejected, human_bytes(static_cast<std::uint64_t>(rate)));
  if (progress.total_bytes > 0 && progress.bytes_read <= progress.total_bytes && rate > 0) {
    const auto left = static_cast<std::uint64_t>(
        static_cast<double>(progress.total_bytes - progress.bytes_read) / rate);
    fmt::format_to(std::back_inserter(line), ", {:.0f}%, ETA {}:{:02}",
                   100.0 * static_cast<double>(progress.bytes_read) /
                       static_cast<double>(progress.total_bytes),
                   left / 60, left % 60);
  }
  // Spaces, not terminal escapes, wipe what a longer previous line left.
  const std::size_t width = line.size();
  line.append(shown_ > width ? shown_ - width : 0, ' ');
  fmt::print(stderr, "\r{}", line);
  std::fflush(stderr);
  shown_ = width;
}

void progress_line::clear() {
  if (!enabled_ || shown_ == 0) {
    return;
  }
  fmt::print(stderr, "\r{}\r", std::string(shown_, ' '));
  std::fflush(stderr);
  shown_ = 0;
}

} // namespace wirespeed::cli
