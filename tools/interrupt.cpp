#include "interrupt.hpp"

#include <csignal>

namespace wirespeed::cli {
namespace {

std::atomic<bool> interrupted{false};
volatile std::sig_atomic_t received = 0;

static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void on_signal(int number) {
  received = number;
  interrupted.store(true);
}

void install() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  // SA_RESETHAND: the second Ctrl-C gets the default action, for a user who
  // does not want to wait for the batches in flight.
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

} // namespace

const std::atomic<bool> &interrupt_flag() {
  static const bool installed = (install(), true);
  static_cast<void>(installed);
  return interrupted;
}

int interrupted_exit_status() {
  return 128 + (received != 0 ? static_cast<int>(received) : SIGINT);
}

} // namespace wirespeed::cli
