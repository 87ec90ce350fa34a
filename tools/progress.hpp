#pragma once
// The one-line progress display on stderr: bytes and records done, rate, and
// an ETA when the input size is known. Debian 12 packages no C++ progress-bar
// library (indicators is not packaged), so this is a plain '\r' line.
#include <cstdint>
#include <string>
#include <string_view>

#include "wirespeed/pipeline.hpp"

namespace wirespeed::cli {

/// "1.2 MB": decimal units, one decimal above bytes.
std::string human_bytes(std::uint64_t bytes);

class progress_line {
public:
  /// Draws nothing unless `enabled` (stderr is a terminal and not --quiet).
  progress_line(std::string_view command, bool enabled);
  void show(const pipeline_progress &progress);
  /// Erases the line, so that a message can be printed in its place.
  void clear();

private:
  std::string command_;
  bool enabled_;
  std::size_t shown_ = 0; ///< characters on the line now
};

} // namespace wirespeed::cli
