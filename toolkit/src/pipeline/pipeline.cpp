#include "wirespeed/pipeline.hpp"

#include <chrono>
#include <optional>

#include <fmt/core.h>

#include "wirespeed/jsonl.hpp"

namespace wirespeed {
namespace {

/// The sequential driver: one worker, on the calling thread. The per-worker
/// processor objects of the API are kept so that a parallel driver can
/// replace this one without callers noticing.
class sequential_run {
public:
  sequential_run(const pipeline_options &options, const rejection_observer &on_rejection)
      : options_(options), on_rejection_(on_rejection), reader_(options.inputs, options.reader),
        output_(options.output) {
    if (!options.rejects_path.empty()) {
      rejects_.emplace(options.rejects_path);
    }
  }

  run_summary run(document_processor &processor) {
    const auto start = std::chrono::steady_clock::now();
    if (output_usable(output_) && (!rejects_ || output_usable(*rejects_))) {
      read_all(processor);
    }
    if (summary_.output_ok && !summary_.stopped_early) {
      std::string totals;
      summary_.bytes_read = reader_.bytes_read();
      processor.finish_run(summary_, totals);
      if (!output_.write(totals) || !output_.commit()) {
        output_failed(output_);
      }
    }
    if (rejects_ && !rejects_->commit()) {
      output_failed(*rejects_);
    }
    summary_.bytes_read = reader_.bytes_read();
    summary_.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary_;
  }

private:
  bool output_usable(output_file &file) {
    if (file.error().empty()) {
      return true;
    }
    output_failed(file);
    return false;
  }

  void output_failed(const output_file &file) {
    summary_.output_ok = false;
    summary_.broken_pipe = file.broken_pipe();
    if (summary_.error.empty()) {
      summary_.error = file.error();
    }
  }

  void read_all(document_processor &processor) {
    document doc;
    rejection bad;
    std::string out;
    std::string why;
    for (;;) {
      const read_status status = reader_.next(doc, bad);
      if (status == read_status::end) {
        return;
      }
      ++summary_.records_read;
      if (status == read_status::rejected) {
        if (!reject(bad)) {
          return;
        }
        continue;
      }
      out.clear();
      why.clear();
      if (!processor.process(doc, out, why)) {
        bad.file = doc.origin_file;
        bad.line = doc.origin_line;
        bad.reason = why.empty() ? "rejected by the processor" : why;
        if (!reject(bad)) {
          return;
        }
        continue;
      }
      ++summary_.records_written;
      if (!out.empty() && !output_.write(out)) {
        output_failed(output_);
        return;
      }
    }
  }

  /// Records one rejection; false when the run must stop.
  bool reject(const rejection &bad) {
    ++summary_.records_rejected;
    if (on_rejection_) {
      on_rejection_(bad);
    }
    if (rejects_) {
      line_.clear();
      append_rejection_json(line_, bad);
      line_.push_back('\n');
      if (!rejects_->write(line_)) {
        output_failed(*rejects_);
        return false;
      }
    }
    if (options_.on_error == error_policy::fail) {
      summary_.stopped_early = true;
      summary_.error = bad.line > 0 ? fmt::format("{}:{}: {}", bad.file, bad.line, bad.reason)
                                    : fmt::format("{}: {}", bad.file, bad.reason);
      return false;
    }
    return true;
  }

  const pipeline_options &options_;
  const rejection_observer &on_rejection_;
  document_reader reader_;
  output_file output_;
  std::optional<output_file> rejects_;
  run_summary summary_;
  std::string line_;
};

} // namespace

run_summary run_pipeline(const pipeline_options &options, const processor_factory &make_processor,
                         const rejection_observer &on_rejection) {
  sequential_run run(options, on_rejection);
  std::unique_ptr<document_processor> processor = make_processor();
  return run.run(*processor);
}

} // namespace wirespeed
