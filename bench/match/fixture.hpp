#pragma once
// Shared inputs of the match benchmarks, built once per process: the news
// text, pattern sets of each size, and our compiled databases.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "wirespeed/match.hpp"

namespace wirespeed::bench {

/// Bytes of news text every match benchmark scans.
constexpr std::size_t match_text_bytes = std::size_t{8} << 20;

[[nodiscard]] const std::string &match_text();
[[nodiscard]] const std::string &match_text_file();

enum class workload_kind {
  literals,        ///< names and phrases, dense hits (every few dozen bytes)
  sparse_literals, ///< proper names only, sparse hits
  regexes,
};

struct workload {
  std::vector<std::string> patterns;
  std::string pattern_file;          ///< the same patterns, one per line
  match::database db;                ///< all matches, no flags
  match::compile_stats stats;        ///< of a fresh (uncached) compile
  std::uint64_t all_matches = 0;     ///< our scan, scan_mode::all
  std::uint64_t longest_matches = 0; ///< our scan, scan_mode::leftmost_longest
};

/// The workload with `n` patterns of `kind`, compiled and counted once.
[[nodiscard]] const workload &get_workload(workload_kind kind, std::size_t n);

/// Counters every match benchmark reports.
void report(benchmark::State &state, const workload &w, std::uint64_t matches);

} // namespace wirespeed::bench
