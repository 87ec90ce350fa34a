#pragma once
// tail_match over xsimd batches of 64-bit lanes, instantiated by each
// isa/tail_match_<isa>.cpp with that ISA's flags. A template on the
// architecture only, so no code compiled for one level can be linked into
// another (xsimd #1311).
#include <xsimd/xsimd.hpp>

#include "match/tail_match.hpp"
#include "simd/to_bits.hpp"

namespace wirespeed::match::detail {

template <class Arch>
void tail_match_kernel(const tail_probe *probes, std::size_t n, const std::uint64_t *tails,
                       const std::uint64_t *masks, std::uint64_t *out) noexcept {
  using batch = xsimd::batch<std::uint64_t, Arch>;
  constexpr std::size_t lanes = batch::size;
  // Eight literals a step whatever the width of a vector: nine prefixes in
  // ten that a text holds have at most eight, one step without a branch
  // per literal (the scalar loop mispredicted about once per position).
  constexpr std::size_t step = tail_padding;
  static_assert(64 % step == 0 && step % lanes == 0);
  for (std::size_t k = 0; k < n; ++k) {
    const tail_probe &p = probes[k];
    const batch next(p.next);
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < p.count; i += step) {
      for (std::size_t j = i; j < i + step; j += lanes) { // unrolled: a constant trip count
        const batch tail = batch::load_unaligned(tails + p.first + j);
        const batch mask = batch::load_unaligned(masks + p.first + j);
        bits |= simd::to_bits<Arch>((next & mask) == tail, Arch{}) << j;
      }
    }
    // Lanes past the prefix's literals compared padding or the next prefix's.
    out[k] = p.count < 64 ? bits & ((std::uint64_t{1} << p.count) - 1) : bits;
  }
}

} // namespace wirespeed::match::detail
