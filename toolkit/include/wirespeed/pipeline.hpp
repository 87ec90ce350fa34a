#pragma once
/**
 * @file pipeline.hpp
 * @brief The one driver every subcommand runs: reader -> processors -> writer.
 *
 * The caller supplies what to do with one document (a `document_processor`);
 * the pipeline owns everything around it: reading, rejecting bad records with
 * their reasons, writing JSON Lines atomically, and the accounting that lets a
 * run say records read = written + rejected.
 *
 * Threads: readers (reading and parsing, in batches of documents, with a
 * decompressor thread per compressed input a few MiB ahead of each; one
 * reader per group of input files, at most one per worker), `threads` workers each with its own
 * processor, and the writer on the calling thread, which emits the batches in input order. A fixed
 * number of batches circulates between them, so memory stays bounded whatever the input size: a
 * reader ahead of the workers waits for a free batch.
 */
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "wirespeed/document.hpp"
#include "wirespeed/reader.hpp"

namespace wirespeed {

enum class error_policy {
  skip, ///< reject the record, say why, go on (the default for bulk runs)
  fail, ///< stop at the first bad record
};

/// How far a run has got, for progress displays.
struct pipeline_progress {
  std::uint64_t bytes_read = 0;   ///< uncompressed input bytes read so far
  std::uint64_t total_bytes = 0;  ///< input size when known in advance (plain files), else 0
  std::uint64_t records_done = 0; ///< records written or rejected so far
  std::uint64_t records_rejected = 0;
  double elapsed_seconds = 0;
};

struct pipeline_options {
  std::vector<std::string> inputs{"-"}; ///< files, directories, or "-" for stdin
  reader_options reader;
  std::string output = "-"; ///< "-" for stdout; a file is replaced atomically
  std::string rejects_path; ///< when set, rejected records are written there as JSONL
  error_policy on_error = error_policy::skip;
  /// Worker threads, each with its own processor; 0 means one per core.
  unsigned threads = 0;
  /// false: write each batch as soon as it is processed, not in input order
  /// (rejections are then reported out of order too).
  bool ordered = true;
  /// A batch closes at this many records or this much document text, whichever
  /// comes first; with `threads` they bound memory ((2 * threads + 4) batches).
  std::size_t batch_records = 256;
  std::size_t batch_bytes = std::size_t{512} << 10;
  /// Several input files are read in parallel, by up to `threads` reader
  /// threads, each taking whole groups of consecutive files: a group closes
  /// once its files hold this many bytes on disk (so a tree of small .txt
  /// files still fills batches). Output order is the same as with one reader.
  std::uint64_t reader_group_bytes = std::uint64_t{8} << 20;
  /// When set and it becomes true (a signal handler, another thread), the run
  /// stops reading, lets the workers finish the batches they hold, writes
  /// those in order and ends with `cancelled`; a file output is not committed.
  const std::atomic<bool> *cancel = nullptr;
  /// Called on the calling thread about every `progress_interval` while the
  /// run goes on; the library never writes to the terminal itself.
  std::function<void(const pipeline_progress &)> on_progress;
  std::chrono::milliseconds progress_interval{250};
};

/// Seconds spent in one named stage of a document processor ("tokenise").
struct named_seconds {
  std::string name;
  double seconds = 0;
};

/// Seconds spent in each stage of a run. read is the reader threads' sum
/// (splitting lines, reading text files, and waiting for decompressed bytes);
/// decompress is the decompressor threads' (reading .gz/.zst files and
/// inflating them, see document_reader::decompress_seconds); process is the
/// sum over the workers of their time, JSON parsing included; write is the writer's
/// time in write calls. Stages overlap, so they may add up to more than the
/// wall time.
struct stage_seconds {
  double read = 0;
  double decompress = 0;
  double process = 0;
  double write = 0;
  /// `process` split: first "parse" (the workers turning JSON Lines records
  /// into documents; the reader only splits lines), then the processors' own
  /// stages (document_processor::stage_times), summed over the workers: for
  /// extract "tokenise", "scan", "extract" and "format", for grep "scan" and
  /// "format". Their sum is a little under `process` (the per-document
  /// bookkeeping around them).
  std::vector<named_seconds> process_stages = {};
};

struct run_summary {
  std::uint64_t records_read = 0;     ///< documents plus rejected records
  std::uint64_t records_written = 0;  ///< documents processed successfully
  std::uint64_t records_rejected = 0; ///< read errors plus processor rejections
  std::uint64_t bytes_read = 0;       ///< uncompressed input bytes
  double wall_seconds = 0;
  double cpu_seconds = 0; ///< the process's CPU time (user + system) during the run
  stage_seconds stages;
  unsigned threads = 0;       ///< workers the run used
  bool output_ok = true;      ///< false: the output could not be written
  bool broken_pipe = false;   ///< the reader of stdout went away (| head)
  bool stopped_early = false; ///< on_error=fail hit a bad record
  bool cancelled = false;     ///< pipeline_options::cancel stopped the run
  std::string error;          ///< what stopped the run, when something did
};

/**
 * Per-worker document processing. One instance per worker thread, reused
 * across documents, so it may keep scratch buffers; instances run on
 * different threads at once, so state they share must be thread-safe.
 * `process` appends zero or more complete JSON Lines (each ending in '\n') to
 * `out`, which may already hold earlier documents' lines; returning false
 * rejects the document with `why` as the reason (what it appended is dropped).
 */
class document_processor {
public:
  virtual ~document_processor() = default;
  virtual bool process(const document &doc, std::string &out, std::string &why) = 0;
  /// Folds another worker's running totals into this one before finish().
  virtual void merge(document_processor &other) { static_cast<void>(other); }
  /// Appends whatever is written once after the last document (totals).
  virtual void finish(std::string &out) { static_cast<void>(out); }
  /// Seconds this processor has spent so far in each of its own stages, in
  /// processing order (e.g. tokenise, scan, extract, format); the pipeline
  /// adds them up over the workers into run_summary::stages.process_stages.
  /// Every worker names the same stages. Empty by default: not split.
  [[nodiscard]] virtual std::vector<named_seconds> stage_times() const { return {}; }
  /// What the pipeline calls after the last document, with the run's own
  /// counts so far (records rejected by the reader, bytes read); for
  /// processors whose totals mention them. By default, finish(out).
  virtual void finish_run(const run_summary &run, std::string &out) {
    static_cast<void>(run);
    finish(out);
  }
};

/// Adds up the time of consecutive stages, document after document, for
/// document_processor::stage_times: start() before the first stage, lap(i)
/// as stage i ends. A clock read costs some 20 ns, a document tens of us.
class stage_timer {
public:
  explicit stage_timer(std::vector<std::string> names)
      : names_(std::move(names)), nanoseconds_(names_.size(), 0) {}
  void start() noexcept { mark_ = clock::now(); }
  /// Adds the time since start() or the previous lap to stage `stage`.
  void lap(std::size_t stage) noexcept {
    const clock::time_point now = clock::now();
    nanoseconds_[stage] += static_cast<std::uint64_t>((now - mark_).count());
    mark_ = now;
  }
  [[nodiscard]] std::vector<named_seconds> seconds() const {
    std::vector<named_seconds> out;
    for (std::size_t i = 0; i < names_.size(); ++i) {
      out.push_back({names_[i], static_cast<double>(nanoseconds_[i]) / 1e9});
    }
    return out;
  }

private:
  using clock = std::chrono::steady_clock;
  static_assert(std::is_same_v<clock::duration, std::chrono::nanoseconds>);
  std::vector<std::string> names_;
  std::vector<std::uint64_t> nanoseconds_;
  clock::time_point mark_ = clock::now();
};

using processor_factory = std::function<std::unique_ptr<document_processor>()>;

/// Called once per rejected record, on the calling thread, in input order
/// (in completion order when options.ordered is false).
using rejection_observer = std::function<void(const rejection &)>;

/**
 * @brief Runs `make_processor`'s processors over every document of
 *        `options.inputs`, writing what they append to `options.output`.
 *
 * The factory is called once per worker, on the calling thread, before any
 * reading. After the last document the workers' processors are merged into
 * the first, whose finish_run() output comes last. The output file is
 * committed (renamed into place) unless the run stopped early (on_error=fail),
 * was cancelled or the output failed; such runs leave no half-written file
 * behind and write no finish_run() totals. The rejects file is committed in
 * any case. Every thread is joined before it returns: a reader blocked on an
 * input that is still open (stdin, a pipe) when the run stops gives up within
 * reader_options::stop's poll interval. Never throws for bad input; the
 * summary says what happened.
 */
run_summary run_pipeline(const pipeline_options &options, const processor_factory &make_processor,
                         const rejection_observer &on_rejection = {});

/**
 * @brief Appends the run's figures as one JSON object (what `--stats FILE`
 *        writes): {"documents","records_read","rejects","bytes","threads",
 *        "wall_seconds","cpu_seconds","mb_per_second","stages":{"read",
 *        "decompress","process","write", then each of stages.process_stages by
 *        name},"outcome"}, outcome one of "ok", "cancelled",
 *        "stopped" (on_error=fail) or "output_error"; no newline.
 */
void append_run_stats_json(std::string &out, const run_summary &run);

} // namespace wirespeed
