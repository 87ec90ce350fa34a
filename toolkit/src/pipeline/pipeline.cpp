#include "wirespeed/pipeline.hpp"

#include <time.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <system_error>
#include <thread>

#include <fmt/core.h>

#include "core/thread_name.hpp"
#include "pipeline/batch_flow.hpp"
#include "wirespeed/jsonl.hpp"

namespace wirespeed {
namespace {

using pipeline_internal::batch;
using pipeline_internal::batch_flow;
using pipeline_internal::done_status;
using pipeline_internal::record;
using steady = std::chrono::steady_clock;

std::uint64_t nanoseconds_since(steady::time_point start) {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(steady::now() - start).count());
}

double seconds(std::uint64_t nanoseconds) {
  return static_cast<double>(nanoseconds) / 1e9;
}

double process_cpu_seconds() {
  timespec now{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

/// The input size when it is known before reading: every input a plain,
/// uncompressed-looking file. Directories and stdin make it unknown (0).
std::uint64_t known_input_bytes(const std::vector<std::string> &inputs) {
  std::uint64_t total = 0;
  for (const std::string &input : inputs) {
    std::error_code error;
    const std::filesystem::path path(input);
    const std::string ext = path.extension().string();
    if (input == "-" || ext == ".gz" || ext == ".zst" ||
        !std::filesystem::is_regular_file(path, error)) {
      return 0;
    }
    total += std::filesystem::file_size(path, error);
  }
  return total;
}

/// The input files in reading order, cut into groups of whole files.
struct input_groups {
  std::vector<input_file> files;
  std::vector<std::size_t> starts; ///< index of each group's first file

  /// Consecutive files are grouped until they hold `group_bytes`: a tree of
  /// small .txt files still makes full batches, a directory of large shards
  /// gives one group per shard.
  input_groups(const std::vector<std::string> &inputs, const reader_options &options,
               std::uint64_t group_bytes)
      : files(list_input_files(inputs, options)) {
    std::uint64_t held = group_bytes;
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (held >= group_bytes) {
        starts.push_back(i);
        held = 0;
      }
      held += files[i].size;
    }
  }
  [[nodiscard]] std::size_t count() const noexcept { return starts.size(); }
  [[nodiscard]] std::vector<input_file> group(std::size_t g) const {
    const std::size_t end = g + 1 < starts.size() ? starts[g + 1] : files.size();
    return {files.begin() + static_cast<std::ptrdiff_t>(starts[g]),
            files.begin() + static_cast<std::ptrdiff_t>(end)};
  }
};

/// The reader options of a run: a read blocked on a pipe gives up once the
/// run stops, so that every reader thread can be joined.
reader_options stoppable(reader_options options, const batch_flow &flow) {
  options.stop = &flow.stop_flag();
  return options;
}

/// What the reader threads share with the run.
struct reader_shared {
  reader_shared(std::size_t batches, std::size_t readers, input_groups groups,
                const pipeline_options &run)
      : flow(batches, readers), inputs(std::move(groups)), options(stoppable(run.reader, flow)),
        batch_records(std::max<std::size_t>(run.batch_records, 1)),
        batch_bytes(std::max<std::size_t>(run.batch_bytes, 1)) {}
  batch_flow flow;
  const input_groups inputs;
  const reader_options options;
  const std::size_t batch_records;
  const std::size_t batch_bytes;
  std::atomic<std::size_t> next_group{0};
  std::atomic<std::uint64_t> bytes_read{0};
  std::atomic<std::uint64_t> read_nanoseconds{0};
  std::atomic<double> decompress_seconds{0};
};

/// Reads one group into batches numbered 0, 1, ... for the writer; false
/// when the run is stopping.
bool read_group(reader_shared &shared, std::size_t reader_index, std::size_t group) {
  batch_flow &flow = shared.flow;
  document_reader reader = document_reader::over_files(shared.inputs.group(group), shared.options);
  std::uint64_t batches = 0;
  std::uint64_t bytes_counted = 0;
  bool more = true;
  while (more && !flow.stopping()) {
    batch *filling = flow.take_free(reader_index);
    if (filling == nullptr) {
      break;
    }
    const auto start = steady::now();
    while (filling->size < shared.batch_records && filling->text_bytes < shared.batch_bytes &&
           !flow.stopping()) {
      record &slot = filling->next_slot();
      // JSON is parsed by the workers: the one reader per input only splits
      // lines, so it stays far ahead of any number of workers.
      const read_status status = reader.next_unparsed(slot.doc, slot.bad, slot.line);
      if (status == read_status::end) {
        more = false;
        break;
      }
      slot.unparsed = status == read_status::unparsed;
      slot.is_document = slot.unparsed || status == read_status::document;
      filling->text_bytes += slot.unparsed      ? slot.line.size()
                             : slot.is_document ? slot.doc.text.size()
                                                : 0;
      filling->keep();
    }
    shared.read_nanoseconds += nanoseconds_since(start);
    shared.bytes_read += reader.bytes_read() - bytes_counted;
    bytes_counted = reader.bytes_read();
    if (filling->size > 0) {
      filling->group = group;
      filling->sequence = batches++;
      flow.submit(filling);
    } else {
      flow.release(filling);
    }
  }
  shared.decompress_seconds += reader.decompress_seconds();
  if (more) {
    return false;
  }
  flow.end_group(group, batches);
  return true;
}

/// One reader thread: takes the next unread group until none is left.
void read_groups(reader_shared &shared, std::size_t reader_index) {
  detail::name_this_thread("ws-read-" + std::to_string(reader_index));
  for (std::size_t group = shared.next_group++; group < shared.inputs.count();
       group = shared.next_group++) {
    if (!read_group(shared, reader_index, group)) {
      break;
    }
  }
  shared.flow.reader_ended();
}

/// Runs one document; a rejection by the processor (or an exception from
/// it) turns the record into a rejection and drops what it appended.
void process_record(document_processor &processor, record &r, std::string &out, std::string &why) {
  const std::size_t begin = out.size();
  why.clear();
  bool ok = false;
  try {
    ok = processor.process(r.doc, out, why);
  } catch (const std::exception &error) {
    why = fmt::format("processor failed: {}", error.what());
  }
  if (!ok) {
    out.resize(begin);
    r.is_document = false;
    r.bad.file = r.doc.origin_file;
    r.bad.line = r.doc.origin_line;
    r.bad.reason = why.empty() ? "rejected by the processor" : why;
  }
}

/// What the workers add up while they run.
struct worker_times {
  std::atomic<std::uint64_t> process_nanoseconds{0}; ///< parsing included
  std::atomic<std::uint64_t> parse_nanoseconds{0};
};

/// Parses an unparsed record in place; one that is not a usable document
/// becomes the rejection the reader would have made of it.
void parse_record(record_parser &parser, record &r) {
  r.unparsed = false;
  r.is_document = parser.parse(r.line, r.doc, r.bad) == read_status::document;
}

void process_batches(batch_flow &flow, document_processor &processor, std::size_t worker_index,
                     const jsonl_field_names &fields, worker_times &times) {
  detail::name_this_thread("ws-work-" + std::to_string(worker_index));
  record_parser parser(fields);
  std::string why;
  while (batch *work = flow.take_work()) {
    const auto start = steady::now();
    std::uint64_t parsing = 0;
    for (std::size_t i = 0; i < work->size; ++i) {
      record &r = work->records[i];
      if (r.unparsed) {
        const auto parse_start = steady::now();
        parse_record(parser, r);
        parsing += nanoseconds_since(parse_start);
      }
      if (r.is_document) {
        process_record(processor, r, work->output, why);
      }
      r.output_end = work->output.size();
    }
    times.process_nanoseconds += nanoseconds_since(start);
    times.parse_nanoseconds += parsing;
    flow.complete(work);
  }
}

/// The workers' parsing, then their processors' own stage times added up by
/// name, in the first one's order.
std::vector<named_seconds>
summed_stage_times(double parse_seconds,
                   const std::vector<std::unique_ptr<document_processor>> &processors) {
  std::vector<named_seconds> total{{"parse", parse_seconds}};
  for (const auto &processor : processors) {
    for (const named_seconds &stage : processor->stage_times()) {
      auto same = std::find_if(total.begin(), total.end(),
                               [&](const named_seconds &t) { return t.name == stage.name; });
      if (same == total.end()) {
        total.push_back(stage);
      } else {
        same->seconds += stage.seconds;
      }
    }
  }
  return total;
}

/// One run: starts the reader and the workers, writes on the calling thread.
class parallel_run {
public:
  parallel_run(const pipeline_options &options, const rejection_observer &on_rejection)
      : options_(options), on_rejection_(on_rejection), output_(options.output) {
    if (!options.rejects_path.empty()) {
      rejects_.emplace(options.rejects_path);
    }
  }

  run_summary run(std::vector<std::unique_ptr<document_processor>> &processors) {
    const auto start = steady::now();
    const double cpu_start = process_cpu_seconds();
    summary_.threads = static_cast<unsigned>(processors.size());
    if (output_usable(output_) && (!rejects_ || output_usable(*rejects_))) {
      run_threads(processors, start);
    }
    if (summary_.output_ok && !halted_ && !summary_.cancelled) {
      document_processor &first = *processors.front();
      for (std::size_t i = 1; i < processors.size(); ++i) {
        first.merge(*processors[i]);
      }
      std::string totals;
      first.finish_run(summary_, totals);
      if (!output_.write(totals) || !output_.commit()) {
        output_failed(output_);
      }
    }
    if (rejects_ && !rejects_->commit()) {
      output_failed(*rejects_);
    }
    summary_.wall_seconds = std::chrono::duration<double>(steady::now() - start).count();
    summary_.cpu_seconds = process_cpu_seconds() - cpu_start;
    return summary_;
  }

private:
  void run_threads(std::vector<std::unique_ptr<document_processor>> &processors,
                   steady::time_point start) {
    const std::size_t batches = 2 * processors.size() + 4;
    // Groups of files are read in parallel: one reader per group at most, and
    // no more readers than workers (one input: one reader, as before).
    input_groups inputs(options_.inputs, options_.reader, options_.reader_group_bytes);
    const std::size_t reader_count = std::clamp<std::size_t>(inputs.count(), 1, processors.size());
    reader_shared shared(batches, reader_count, std::move(inputs), options_);
    worker_times times;
    std::vector<std::thread> workers;
    std::vector<std::thread> readers;
    try {
      for (std::size_t i = 0; i < reader_count; ++i) {
        readers.emplace_back(read_groups, std::ref(shared), i);
      }
      for (std::size_t i = 0; i < processors.size(); ++i) {
        workers.emplace_back(process_batches, std::ref(shared.flow), std::ref(*processors[i]), i,
                             std::cref(shared.options.fields), std::ref(times));
      }
      write_batches(shared, start);
    } catch (const std::system_error &error) {
      shared.flow.stop();
      summary_.output_ok = false;
      summary_.error = fmt::format("cannot start the pipeline's threads: {}", error.what());
    }
    for (std::thread &worker : workers) {
      worker.join();
    }
    // Stopped early, a reader ends at its next record or, blocked on a pipe,
    // within reader_options::stop's poll interval.
    for (std::thread &reader : readers) {
      reader.join();
    }
    summary_.bytes_read = shared.bytes_read.load();
    summary_.stages.read = seconds(shared.read_nanoseconds.load());
    summary_.stages.decompress = shared.decompress_seconds.load();
    summary_.stages.process = seconds(times.process_nanoseconds.load());
    summary_.stages.write = seconds(write_nanoseconds_);
    summary_.stages.process_stages =
        summed_stage_times(seconds(times.parse_nanoseconds.load()), processors);
  }

  void write_batches(reader_shared &shared, steady::time_point start) {
    batch_flow &flow = shared.flow;
    // The writer wakes at least this often to look at the cancel flag.
    const auto tick = std::clamp(options_.progress_interval, std::chrono::milliseconds(1),
                                 std::chrono::milliseconds(100));
    const std::uint64_t total_bytes = options_.on_progress ? known_input_bytes(options_.inputs) : 0;
    auto next_progress = start + options_.progress_interval;
    for (;;) {
      if (!summary_.cancelled && options_.cancel != nullptr && options_.cancel->load()) {
        summary_.cancelled = true;
        summary_.error = "interrupted";
        flow.stop();
      }
      batch *done = nullptr;
      const done_status status = flow.take_done(options_.ordered, tick, done);
      if (status == done_status::finished) {
        return;
      }
      if (status == done_status::batch) {
        if (!halted_) {
          write_batch(*done);
        }
        flow.release(done);
        if (halted_ && !flow.stopping()) {
          flow.stop();
        }
      }
      if (options_.on_progress && steady::now() >= next_progress) {
        next_progress = steady::now() + options_.progress_interval;
        pipeline_progress progress;
        progress.bytes_read = shared.bytes_read.load();
        progress.total_bytes = total_bytes;
        progress.records_done = summary_.records_read;
        progress.records_rejected = summary_.records_rejected;
        progress.elapsed_seconds = std::chrono::duration<double>(steady::now() - start).count();
        options_.on_progress(progress);
      }
    }
  }

  /// Counts and writes one batch in record order, rejections included.
  void write_batch(const batch &done) {
    std::size_t from = 0;
    for (std::size_t i = 0; i < done.size; ++i) {
      const record &r = done.records[i];
      ++summary_.records_read;
      if (r.is_document) {
        ++summary_.records_written;
        continue;
      }
      if (!write_output(done.output, from, r.output_end) || !reject(r.bad)) {
        return;
      }
      from = r.output_end;
    }
    write_output(done.output, from, done.output.size());
  }

  bool write_output(const std::string &bytes, std::size_t from, std::size_t to) {
    if (from == to) {
      return true;
    }
    const auto start = steady::now();
    const bool ok = output_.write(std::string_view(bytes).substr(from, to - from));
    write_nanoseconds_ += nanoseconds_since(start);
    if (!ok) {
      output_failed(output_);
    }
    return ok;
  }

  bool output_usable(output_file &file) {
    if (file.error().empty()) {
      return true;
    }
    output_failed(file);
    return false;
  }

  void output_failed(const output_file &file) {
    halted_ = true;
    summary_.output_ok = false;
    summary_.broken_pipe = file.broken_pipe();
    if (summary_.error.empty() || summary_.cancelled) {
      summary_.error = file.error();
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
      halted_ = true;
      summary_.stopped_early = true;
      summary_.error = bad.line > 0 ? fmt::format("{}:{}: {}", bad.file, bad.line, bad.reason)
                                    : fmt::format("{}: {}", bad.file, bad.reason);
      return false;
    }
    return true;
  }

  const pipeline_options &options_;
  const rejection_observer &on_rejection_;
  output_file output_;
  std::optional<output_file> rejects_;
  run_summary summary_;
  std::string line_;
  std::uint64_t write_nanoseconds_ = 0;
  bool halted_ = false; ///< nothing more is written: the output failed or on_error=fail
};

} // namespace

run_summary run_pipeline(const pipeline_options &options, const processor_factory &make_processor,
                         const rejection_observer &on_rejection) {
  const unsigned threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<document_processor>> processors;
  for (unsigned i = 0; i < threads && make_processor; ++i) {
    processors.push_back(make_processor());
    if (!processors.back()) {
      break;
    }
  }
  if (processors.empty() || !processors.back()) {
    run_summary failed;
    failed.output_ok = false;
    failed.error = "no document processor to run";
    return failed;
  }
  parallel_run run(options, on_rejection);
  return run.run(processors);
}

} // namespace wirespeed
