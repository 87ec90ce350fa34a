// The `wirespeed` Python module: the toolkit's matcher, tokenizer and
// extractors on str and bytes, with the GIL released while they run.
#include "bindings.hpp"
#include "wirespeed/version.hpp"

PYBIND11_MODULE(wirespeed, m) {
  m.doc() = "wirespeed: SIMD tokenizer, Hyperscan multi-pattern matching and news extractors";
  m.attr("__version__") = std::string(wirespeed::version());
  wirespeed::python::bind_match(m);
  wirespeed::python::bind_tokenize(m);
  wirespeed::python::bind_extract(m);
}
