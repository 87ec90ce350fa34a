#include "cli_options.hpp"

#include <unistd.h>

#include <fmt/core.h>

#include <cstdio>

#include "interrupt.hpp"
#include "progress.hpp"
#include "wirespeed/jsonl.hpp"

namespace wirespeed::cli {
namespace {

/// How many rejections are printed before the rest are only counted.
constexpr std::uint64_t rejections_shown = 20;

input_format to_format(const std::string &name) {
  if (name == "jsonl") {
    return input_format::jsonl;
  }
  if (name == "txt") {
    return input_format::text;
  }
  return input_format::automatic;
}

void print_rejection(const rejection &bad) {
  if (bad.line > 0) {
    fmt::print(stderr, "wirespeed: {}:{}: {}\n", bad.file, bad.line, bad.reason);
  } else {
    fmt::print(stderr, "wirespeed: {}: {}\n", bad.file, bad.reason);
  }
}

/// Writes `--stats FILE` (atomically); false, with a message, when it cannot.
bool write_stats(std::string_view name, const std::string &path, const run_summary &summary) {
  std::string json;
  append_run_stats_json(json, summary);
  json.push_back('\n');
  output_file file(path);
  if (file.write(json) && file.commit()) {
    return true;
  }
  fmt::print(stderr, "wirespeed {}: --stats: {}\n", name, file.error());
  return false;
}

} // namespace

void add_cache_options(CLI::App &command, cache_flags &flags) {
  command.add_flag("--no-cache", flags.no_cache, "Always compile; do not read or write the cache");
  command.add_option("--cache-dir", flags.cache_dir,
                     "Compiled-database cache (default $XDG_CACHE_HOME/wirespeed or "
                     "~/.cache/wirespeed)");
}

void add_common_options(CLI::App &command, common_options &options) {
  command
      .add_option("inputs", options.inputs,
                  "Files, directories (searched recursively for .txt/.jsonl and their "
                  ".gz/.zst) or - for stdin")
      ->type_name("PATH")
      ->capture_default_str();
  command.add_option("-o,--output", options.output, "Write here instead of stdout (atomically)")
      ->type_name("FILE")
      ->capture_default_str();
  command
      .add_option("--rejects", options.rejects,
                  "Write rejected records here as JSON Lines {file, line, reason}")
      ->type_name("FILE");
  command
      .add_option("--on-error", options.on_error,
                  "skip: reject a bad record and go on; fail: stop at the first one")
      ->type_name("POLICY")
      ->check(CLI::IsMember({"skip", "fail"}))
      ->capture_default_str();
  command
      .add_option("--format", options.format,
                  "Input format: auto (by extension; stdin is JSON Lines), jsonl, txt")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"auto", "jsonl", "txt"}))
      ->capture_default_str();
  command
      .add_option("--fields", options.fields,
                  "JSON keys of document fields, e.g. text=content,published=date "
                  "(fields: id url source published title text)")
      ->type_name("FIELD=KEY,...")
      ->check([](const std::string &spec) {
        jsonl_field_names names;
        std::string error;
        return parse_field_names(spec, names, error) ? std::string() : error;
      });
  command
      .add_option("--glob", options.globs,
                  "Read only the files of a directory input whose path relative to it matches "
                  "this fnmatch pattern ('*' crosses '/'), e.g. '*.jsonl.zst'; repeatable")
      ->type_name("PATTERN")
      ->allow_extra_args(false);
  command
      .add_option("--max-record-bytes", options.max_record_bytes,
                  "Reject records (lines, .txt files) longer than this")
      ->type_name("BYTES")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command.add_option("--threads", options.threads, "Worker threads (0: one per core)")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command.add_flag("--unordered", options.unordered,
                   "Write results as they are ready, not in input order");
  command
      .add_option("--stats", options.stats,
                  "Write the run's figures here as JSON: documents, bytes, rejects, wall and CPU "
                  "seconds, MB/s, seconds per stage")
      ->type_name("FILE");
  command.add_flag("-q,--quiet", options.quiet,
                   "No progress, summary or rejection messages on stderr");
}

int run_command(std::string_view name, const common_options &options,
                const processor_factory &make_processor) {
  pipeline_options pipeline;
  pipeline.inputs = options.inputs;
  pipeline.output = options.output;
  pipeline.rejects_path = options.rejects;
  pipeline.on_error = options.on_error == "fail" ? error_policy::fail : error_policy::skip;
  pipeline.threads = options.threads;
  pipeline.ordered = !options.unordered;
  pipeline.cancel = &interrupt_flag();
  pipeline.reader.format = to_format(options.format);
  pipeline.reader.max_record_bytes = options.max_record_bytes;
  pipeline.reader.globs = options.globs;
  std::string field_error;
  if (!parse_field_names(options.fields, pipeline.reader.fields, field_error)) {
    fmt::print(stderr, "wirespeed {}: --fields: {}\n", name, field_error);
    return exit_error;
  }

  progress_line progress(name, !options.quiet && ::isatty(STDERR_FILENO) != 0);
  pipeline.on_progress = [&progress](const pipeline_progress &now) { progress.show(now); };
  std::uint64_t seen = 0;
  auto on_rejection = [&](const rejection &bad) {
    ++seen;
    if (options.quiet || seen > rejections_shown) {
      return;
    }
    progress.clear();
    print_rejection(bad);
    if (seen == rejections_shown) {
      fmt::print(stderr, "wirespeed: further rejections are counted, not shown{}\n",
                 options.rejects.empty() ? " (--rejects FILE keeps them all)" : "");
    }
  };
  const run_summary summary = run_pipeline(pipeline, make_processor, on_rejection);
  progress.clear();
  const bool stats_written = options.stats.empty() || write_stats(name, options.stats, summary);

  if (summary.broken_pipe) {
    return stats_written ? exit_ok : exit_error;
  }
  if (summary.cancelled) {
    fmt::print(stderr, "wirespeed {}: interrupted; {} records were complete{}\n", name,
               summary.records_read, options.output == "-" ? "" : ", no output file written");
  } else if (!summary.output_ok) {
    fmt::print(stderr, "wirespeed {}: {}\n", name, summary.error);
  } else if (summary.stopped_early) {
    fmt::print(stderr, "wirespeed {}: stopped at the first bad record (--on-error=fail)\n", name);
  }
  if (!options.quiet) {
    fmt::print(stderr, "wirespeed {}: {} records read = {} written + {} rejected; {} in {:.2f} s\n",
               name, summary.records_read, summary.records_written, summary.records_rejected,
               human_bytes(summary.bytes_read), summary.wall_seconds);
  }
  if (summary.cancelled) {
    return interrupted_exit_status();
  }
  const bool clean =
      summary.output_ok && !summary.stopped_early && summary.records_rejected == 0 && stats_written;
  return clean ? exit_ok : exit_error;
}

} // namespace wirespeed::cli
