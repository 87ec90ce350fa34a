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
                       const std::uint64_t *caseless, std::uint64_t *out) noexcept {
  using words = xsimd::batch<std::uint64_t, Arch>;
  using bytes = xsimd::batch<std::uint8_t, Arch>;
  constexpr std::size_t lanes = words::size;
  // Eight literals a step whatever the width of a vector: nine prefixes in
  // ten that a text holds have at most eight, one step without a branch
  // per literal (the scalar loop mispredicted about once per position).
  constexpr std::size_t step = tail_padding;
  static_assert(64 % step == 0 && step % lanes == 0);
  const bytes zero(std::uint8_t{0});
  // Bit i: literal first + i's nonzero tail bytes are those of `text` (its
  // bytes where the tail's are zero, past the literal's end, are zeroed).
  const auto same_bytes = [&](const tail_probe &p, std::uint64_t text) {
    const auto text_bytes = xsimd::bitwise_cast<bytes>(words(text));
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < p.count; i += step) {
      for (std::size_t j = i; j < i + step; j += lanes) { // unrolled: a constant trip count
        const words tail = words::load_unaligned(tails + p.first + j);
        const bytes kept =
            xsimd::select(xsimd::bitwise_cast<bytes>(tail) == zero, zero, text_bytes);
        bits |= simd::to_bits<Arch>(xsimd::bitwise_cast<words>(kept) == tail, Arch{}) << j;
      }
    }
    return bits;
  };
  for (std::size_t k = 0; k < n; ++k) {
    const tail_probe &p = probes[k];
    const std::uint64_t fold = caseless != nullptr ? bits_from(caseless, p.first) : 0;
    std::uint64_t bits = same_bytes(p, p.next);
    if (fold != 0) [[unlikely]] { // caseless literals are rare among names
      bits = (bits & ~fold) | (same_bytes(p, ascii_upper(p.next)) & fold);
    }
    // Lanes past the prefix's literals compared padding or the next prefix's.
    out[k] = p.count < 64 ? bits & ((std::uint64_t{1} << p.count) - 1) : bits;
  }
}

} // namespace wirespeed::match::detail
