#pragma once
// One function per area adds its classes and functions to the module.
#include <pybind11/pybind11.h>

namespace wirespeed::python {

void bind_match(pybind11::module_ &m);
void bind_tokenize(pybind11::module_ &m);
void bind_extract(pybind11::module_ &m);

} // namespace wirespeed::python
