// The scalar reference of the byte-range kernel and the choice among kernels.
#include "match/byte_ranges.hpp"
#include "simd/pick.hpp"

namespace wirespeed::match::detail {

void range_masks_reference(const std::uint8_t *in, std::size_t blocks, const byte_ranges &r,
                           std::uint64_t *out) noexcept {
  for (std::size_t k = 0; k < blocks; ++k) {
    std::uint64_t bits = 0;
    for (unsigned i = 0; i < 64; ++i) {
      const std::uint8_t b = in[64 * k + i];
      const bool inside = static_cast<std::uint8_t>(b - r.lo[0]) < r.count[0] ||
                          static_cast<std::uint8_t>(b - r.lo[1]) < r.count[1];
      bits |= std::uint64_t{inside} << i;
    }
    out[k] = bits;
  }
}

range_mask_fn range_masks_for(cpu::isa level) noexcept {
  return simd::pick<range_mask_fn>(level, {&range_masks_reference,
                                           WIRESPEED_IF_SSE4_2(isa_sse4_2::range_masks),
                                           WIRESPEED_IF_AVX2(isa_avx2::range_masks),
                                           WIRESPEED_IF_AVX512BW(isa_avx512bw::range_masks),
                                           WIRESPEED_IF_NEON64(isa_neon64::range_masks)});
}

} // namespace wirespeed::match::detail
