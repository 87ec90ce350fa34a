// The matcher's byte-range kernel for avx512bw: compiled with that level's flags
// (cmake/WirespeedIsa.cmake); nothing here but the instantiation.
#include "match/byte_ranges_kernel.hpp"

namespace wirespeed::match::detail::isa_avx512bw {

extern const range_mask_fn range_masks = &range_masks_kernel<xsimd::avx512bw>;

} // namespace wirespeed::match::detail::isa_avx512bw
