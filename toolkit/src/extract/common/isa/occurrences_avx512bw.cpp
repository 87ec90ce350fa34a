// find_occurrences for avx512bw: compiled with that level's flags
// (cmake/WirespeedIsa.cmake); nothing here but the instantiation.
#include "extract/common/occurrences_kernel.hpp"

namespace wirespeed::extract_detail::isa_avx512bw {

extern const occurrences_fn occurrences = &occurrences_kernel<xsimd::avx512bw>;

} // namespace wirespeed::extract_detail::isa_avx512bw
