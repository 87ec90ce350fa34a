// find_occurrences for sse4_2: compiled with that level's flags
// (cmake/WirespeedIsa.cmake); nothing here but the instantiation.
#include "extract/common/occurrences_kernel.hpp"

namespace wirespeed::extract_detail::isa_sse4_2 {

extern const occurrences_fn occurrences = &occurrences_kernel<xsimd::sse4_2>;

} // namespace wirespeed::extract_detail::isa_sse4_2
