// find_occurrences for neon64: compiled with that level's flags
// (cmake/WirespeedIsa.cmake); nothing here but the instantiation.
#include "extract/common/occurrences_kernel.hpp"

namespace wirespeed::extract_detail::isa_neon64 {

extern const occurrences_fn occurrences = &occurrences_kernel<xsimd::neon64>;

} // namespace wirespeed::extract_detail::isa_neon64
