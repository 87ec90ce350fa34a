#pragma once
// What every C API entry point shares: the per-thread last error, and a guard
// that turns any C++ exception into a status so none crosses into C.
#include <new>
#include <string>
#include <string_view>

#include "wirespeed/wirespeed.h"

namespace wirespeed::capi {

/// Records `message` as this thread's ws_last_error() and returns `status`.
ws_status fail(ws_status status, std::string_view message) noexcept;

/// Runs `body` (returning ws_status); exceptions become WS_OUT_OF_MEMORY or WS_ERROR.
template <typename Body> ws_status guarded(const char *function, Body &&body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc &) {
    return fail(WS_OUT_OF_MEMORY, std::string(function) + ": out of memory");
  } catch (const std::exception &e) {
    return fail(WS_ERROR, std::string(function) + ": " + e.what());
  } catch (...) {
    return fail(WS_ERROR, std::string(function) + ": unknown error");
  }
}

/// Copies `bytes` into malloc'd memory with a terminating NUL (freed by ws_free).
ws_status copy_out(std::string_view bytes, char **out, size_t *length) noexcept;

} // namespace wirespeed::capi
