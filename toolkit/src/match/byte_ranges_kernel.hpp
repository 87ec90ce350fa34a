#pragma once
// range_masks over xsimd batches, instantiated by each isa/byte_ranges_<isa>.cpp
// with that ISA's flags. A template on the architecture only, so no code
// compiled for one level can be linked into another (xsimd #1311).
#include <xsimd/xsimd.hpp>

#include "match/byte_ranges.hpp"
#include "simd/to_bits.hpp"

namespace wirespeed::match::detail {

template <class Arch>
void range_masks_kernel(const std::uint8_t *in, std::size_t blocks, const byte_ranges &r,
                        std::uint64_t *out) noexcept {
  using batch = xsimd::batch<std::uint8_t, Arch>;
  constexpr std::size_t lanes = batch::size;
  static_assert(64 % lanes == 0);
  const batch lo0(r.lo[0]), count0(r.count[0]), lo1(r.lo[1]), count1(r.count[1]);
  for (std::size_t k = 0; k < blocks; ++k) {
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < 64; i += lanes) {
      const batch x = batch::load_unaligned(in + 64 * k + i);
      // Unsigned wrap-around turns each range test into one compare.
      bits |= simd::to_bits<Arch>(((x - lo0) < count0) | ((x - lo1) < count1), Arch{}) << i;
    }
    out[k] = bits;
  }
}

} // namespace wirespeed::match::detail
