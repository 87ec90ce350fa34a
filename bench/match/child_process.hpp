#pragma once
// A command run as a child process, the way the process rows of the match
// benchmarks time ripgrep, GNU grep and our CLI: started directly (no shell,
// whose own start-up would add some 3 ms of CPU to every row), with
// LC_ALL=C, its standard output read through a pipe (GNU grep stops at the
// first match when its output is /dev/null) and counted in lines.
#include <cstdint>
#include <string>
#include <vector>

namespace wirespeed::bench {

struct child_run {
  bool ok = false;         ///< started and exited with status 0 or 1 (grep's "no match")
  std::uint64_t lines = 0; ///< newlines it wrote
  double cpu_seconds = 0;  ///< its user + system time
  double wall_seconds = 0; ///< from start to exit, output read
};

/// Runs `argv` (argv[0] looked up on PATH).
[[nodiscard]] child_run run_child(const std::vector<std::string> &argv);

} // namespace wirespeed::bench
