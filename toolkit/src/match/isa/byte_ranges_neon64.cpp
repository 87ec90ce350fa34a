// The matcher's byte-range kernel for neon64: compiled with that level's flags
// (cmake/WirespeedIsa.cmake); nothing here but the instantiation.
#include "match/byte_ranges_kernel.hpp"

namespace wirespeed::match::detail::isa_neon64 {

extern const range_mask_fn range_masks = &range_masks_kernel<xsimd::neon64>;

} // namespace wirespeed::match::detail::isa_neon64
