// The figures of a run as JSON: what `--stats FILE` writes.
#include <iterator>

#include <fmt/format.h>

#include "wirespeed/jsonl.hpp"
#include "wirespeed/pipeline.hpp"

namespace wirespeed {
namespace {

std::string_view outcome(const run_summary &run) {
  if (run.cancelled) {
    return "cancelled";
  }
  if (!run.output_ok) {
    return "output_error";
  }
  return run.stopped_early ? "stopped" : "ok";
}

} // namespace

void append_run_stats_json(std::string &out, const run_summary &run) {
  const double megabytes_per_second =
      run.wall_seconds > 0 ? static_cast<double>(run.bytes_read) / run.wall_seconds / 1e6 : 0.0;
  fmt::format_to(std::back_inserter(out),
                 "{{\"documents\":{},\"records_read\":{},\"rejects\":{},\"bytes\":{},"
                 "\"threads\":{},\"wall_seconds\":{:.6f},\"cpu_seconds\":{:.6f},"
                 "\"mb_per_second\":{:.3f},\"stages\":{{\"read\":{:.6f},\"decompress\":{:.6f},"
                 "\"process\":{:.6f},\"write\":{:.6f}",
                 run.records_written, run.records_read, run.records_rejected, run.bytes_read,
                 run.threads, run.wall_seconds, run.cpu_seconds, megabytes_per_second,
                 run.stages.read, run.stages.decompress, run.stages.process, run.stages.write);
  for (const named_seconds &stage : run.stages.process_stages) {
    out.push_back(',');
    append_json_string(out, stage.name);
    fmt::format_to(std::back_inserter(out), ":{:.6f}", stage.seconds);
  }
  fmt::format_to(std::back_inserter(out), "}},\"outcome\":\"{}\"}}", outcome(run));
}

} // namespace wirespeed
