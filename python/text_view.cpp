#include "text_view.hpp"

namespace wirespeed::python {

text_view::text_view(const pybind11::handle &object) {
  if (PyUnicode_Check(object.ptr())) {
    Py_ssize_t size = 0;
    const char *data = PyUnicode_AsUTF8AndSize(object.ptr(), &size);
    if (data == nullptr) { // lone surrogates cannot be UTF-8
      throw pybind11::error_already_set();
    }
    bytes_ = std::string_view(data, static_cast<std::size_t>(size));
    return;
  }
  if (PyObject_GetBuffer(object.ptr(), &buffer_, PyBUF_SIMPLE) != 0) {
    PyErr_Clear();
    throw pybind11::type_error("expected str or a bytes-like object, got " +
                               std::string(pybind11::str(pybind11::type::of(object))));
  }
  has_buffer_ = true;
  bytes_ = std::string_view(static_cast<const char *>(buffer_.buf),
                            static_cast<std::size_t>(buffer_.len));
}

text_view::~text_view() {
  if (has_buffer_) {
    PyBuffer_Release(&buffer_);
  }
}

} // namespace wirespeed::python
