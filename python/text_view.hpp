#pragma once
// The bytes behind a Python str or bytes-like object, without copying: a
// bytes/bytearray/memoryview is viewed through the buffer protocol, a str
// through its cached UTF-8 form (for ASCII text, the string's own storage).
#include <pybind11/pybind11.h>

#include <string_view>

namespace wirespeed::python {

/// Holds what keeps the bytes alive (a buffer view) while `bytes` is used.
class text_view {
public:
  explicit text_view(const pybind11::handle &object);
  text_view(const text_view &) = delete;
  text_view &operator=(const text_view &) = delete;
  ~text_view();

  [[nodiscard]] std::string_view bytes() const noexcept { return bytes_; }

private:
  Py_buffer buffer_{};
  bool has_buffer_ = false;
  std::string_view bytes_;
};

} // namespace wirespeed::python
