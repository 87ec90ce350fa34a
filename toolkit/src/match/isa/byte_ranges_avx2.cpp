// The matcher's byte-range kernel for avx2: compiled with that level's flags
// (cmake/WirespeedIsa.cmake); nothing here but the instantiation.
#include "match/byte_ranges_kernel.hpp"

namespace wirespeed::match::detail::isa_avx2 {

extern const range_mask_fn range_masks = &range_masks_kernel<xsimd::avx2>;

} // namespace wirespeed::match::detail::isa_avx2
