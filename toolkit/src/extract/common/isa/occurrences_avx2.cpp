// find_occurrences for avx2: compiled with that level's flags
// (cmake/WirespeedIsa.cmake); nothing here but the instantiation.
#include "extract/common/occurrences_kernel.hpp"

namespace wirespeed::extract_detail::isa_avx2 {

extern const occurrences_fn occurrences = &occurrences_kernel<xsimd::avx2>;

} // namespace wirespeed::extract_detail::isa_avx2
