#pragma once
// Options every document-processing subcommand shares, and the one function
// that runs such a command: pipeline, messages on stderr, exit status.
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "wirespeed/pipeline.hpp"

namespace wirespeed::cli {

/// Exit statuses of every subcommand (grep adds 1 for "no match").
inline constexpr int exit_ok = 0;
inline constexpr int exit_error = 2;

/// The flags as parsed; CLI11 validates each value, run_command() turns them
/// into pipeline_options once.
struct common_options {
  std::vector<std::string> inputs{"-"};
  std::string output = "-";
  std::string rejects;
  std::string on_error = "skip";
  std::string format = "auto";
  std::string fields;
  std::vector<std::string> globs; ///< --glob: which files of a directory input are read
  std::size_t max_record_bytes = std::size_t{256} << 20;
  unsigned threads = 0;
  bool unordered = false;
  std::string stats; ///< --stats FILE: the run's figures as JSON
  bool quiet = false;
};

/// Adds the shared flags to a subcommand, bound to `options`.
void add_common_options(CLI::App &command, common_options &options);

/// The compiled-database cache flags of the commands that compile patterns.
struct cache_flags {
  bool no_cache = false;
  std::string cache_dir;
};
/// Adds --no-cache and --cache-dir, bound to `flags`.
void add_cache_options(CLI::App &command, cache_flags &flags);

/// Runs the pipeline with `make_processor`, prints rejections (capped), progress
/// (stderr a terminal only) and the summary line on stderr, writes --stats, and
/// returns the exit status: 0, or 2 when any record was rejected or the run
/// failed; a closed stdout (| head) is a quiet 0; Ctrl-C gives 130.
int run_command(std::string_view name, const common_options &options,
                const processor_factory &make_processor);

} // namespace wirespeed::cli
