#pragma once
// Ctrl-C (SIGINT) and SIGTERM as a flag the pipeline watches
// (pipeline_options::cancel): the run stops reading, finishes the batches in
// flight and leaves no partial output file. A second signal kills at once.
#include <atomic>

namespace wirespeed::cli {

/// Installs the handlers (once) and returns the flag they set.
const std::atomic<bool> &interrupt_flag();

/// The exit status for a run the flag stopped: 128 + the signal's number.
int interrupted_exit_status();

} // namespace wirespeed::cli
