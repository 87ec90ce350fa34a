#pragma once
/**
 * @file pipeline.hpp
 * @brief The one driver every subcommand runs: reader -> processors -> writer.
 *
 * The caller supplies what to do with one document (a `document_processor`);
 * the pipeline owns everything around it: reading, rejecting bad records with
 * their reasons, writing JSON Lines atomically, and the accounting that lets a
 * run say records read = written + rejected.
 */
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "wirespeed/document.hpp"
#include "wirespeed/reader.hpp"

namespace wirespeed {

enum class error_policy {
  skip, ///< reject the record, say why, go on (the default for bulk runs)
  fail, ///< stop at the first bad record
};

struct pipeline_options {
  std::vector<std::string> inputs{"-"}; ///< files, directories, or "-" for stdin
  reader_options reader;
  std::string output = "-"; ///< "-" for stdout; a file is replaced atomically
  std::string rejects_path; ///< when set, rejected records are written there as JSONL
  error_policy on_error = error_policy::skip;
  /// Worker threads; 0 means one per core. The present driver runs one
  /// worker on the calling thread whatever this says; the API is the
  /// parallel one so that callers do not change when the driver does.
  unsigned threads = 0;
};

struct run_summary {
  std::uint64_t records_read = 0;     ///< documents plus rejected records
  std::uint64_t records_written = 0;  ///< documents processed successfully
  std::uint64_t records_rejected = 0; ///< read errors plus processor rejections
  std::uint64_t bytes_read = 0;       ///< uncompressed input bytes
  double wall_seconds = 0;
  bool output_ok = true;      ///< false: the output could not be written
  bool broken_pipe = false;   ///< the reader of stdout went away (| head)
  bool stopped_early = false; ///< on_error=fail hit a bad record
  std::string error;          ///< what stopped the run, when something did
};

/**
 * Per-worker document processing. One instance per worker thread, reused
 * across documents, so it may keep scratch buffers. `process` appends zero or
 * more complete JSON Lines (each ending in '\n') to `out`; returning false
 * rejects the document with `why` as the reason.
 */
class document_processor {
public:
  virtual ~document_processor() = default;
  virtual bool process(const document &doc, std::string &out, std::string &why) = 0;
  /// Folds another worker's running totals into this one before finish().
  virtual void merge(document_processor &other) { static_cast<void>(other); }
  /// Appends whatever is written once after the last document (totals).
  virtual void finish(std::string &out) { static_cast<void>(out); }
  /// What the pipeline calls after the last document, with the run's own
  /// counts so far (records rejected by the reader, bytes read); for
  /// processors whose totals mention them. By default, finish(out).
  virtual void finish_run(const run_summary &run, std::string &out) {
    static_cast<void>(run);
    finish(out);
  }
};

using processor_factory = std::function<std::unique_ptr<document_processor>()>;

/// Called once per rejected record, on the calling thread, in input order.
using rejection_observer = std::function<void(const rejection &)>;

/**
 * @brief Runs `make_processor`'s processors over every document of
 *        `options.inputs`, writing what they append to `options.output`.
 *
 * The output file is committed (renamed into place) unless the run stopped
 * early (on_error=fail) or the output failed; rejected records then do not
 * leave a half-written file behind. The rejects file is committed in any case.
 * Never throws for bad input; the summary says what happened.
 */
run_summary run_pipeline(const pipeline_options &options, const processor_factory &make_processor,
                         const rejection_observer &on_rejection = {});

} // namespace wirespeed
