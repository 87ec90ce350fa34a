// Status names, the per-thread last error, and memory handed to C callers.
#include "capi/status.hpp"

#include <cstdlib>
#include <cstring>

#include "wirespeed/version.hpp"

namespace wirespeed::capi {
namespace {
thread_local std::string last_error;
}

ws_status fail(ws_status status, std::string_view message) noexcept {
  try {
    last_error.assign(message);
  } catch (...) {
    last_error.clear(); // the status still says what kind of failure it was
  }
  return status;
}

ws_status copy_out(std::string_view bytes, char **out, size_t *length) noexcept {
  auto *memory = static_cast<char *>(std::malloc(bytes.size() + 1));
  if (memory == nullptr) {
    return fail(WS_OUT_OF_MEMORY, "out of memory copying the result");
  }
  std::memcpy(memory, bytes.data(), bytes.size());
  memory[bytes.size()] = '\0';
  *out = memory;
  if (length != nullptr) {
    *length = bytes.size();
  }
  return WS_OK;
}

} // namespace wirespeed::capi

extern "C" {

const char *ws_status_name(int status) {
  switch (status) {
  case WS_OK:
    return "WS_OK";
  case WS_INVALID_ARGUMENT:
    return "WS_INVALID_ARGUMENT";
  case WS_BAD_PATTERN:
    return "WS_BAD_PATTERN";
  case WS_IO_ERROR:
    return "WS_IO_ERROR";
  case WS_INVALID_UTF8:
    return "WS_INVALID_UTF8";
  case WS_BUFFER_TOO_SMALL:
    return "WS_BUFFER_TOO_SMALL";
  case WS_BAD_DATABASE:
    return "WS_BAD_DATABASE";
  case WS_STOPPED:
    return "WS_STOPPED";
  case WS_OUT_OF_MEMORY:
    return "WS_OUT_OF_MEMORY";
  case WS_ERROR:
    return "WS_ERROR";
  }
  return "WS_UNKNOWN_STATUS";
}

const char *ws_last_error(void) {
  return wirespeed::capi::last_error.c_str();
}

const char *ws_version(void) {
  return wirespeed::version().data(); // a string literal: NUL-terminated
}

void ws_free(void *memory) {
  std::free(memory);
}

} // extern "C"
