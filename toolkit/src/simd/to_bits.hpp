#pragma once
// batch_bool<uint8_t> (and <uint64_t>) -> one bit per lane, for the xsimd
// kernels (tokenizer stage 1, the matcher's candidate bytes and tails). xsimd 8.1 has no such
// conversion, so each architecture family gets its own movemask; overload resolution on the arch
// tag picks the most derived one (sse4_2 -> sse2, avx512bw -> avx512bw). Include only from
// translation units built with an ISA's flags.
#include <cstdint>

#include <xsimd/xsimd.hpp>

namespace wirespeed::simd {

#if XSIMD_WITH_SSE2
template <class A>
std::uint64_t to_bits(const xsimd::batch_bool<std::uint8_t, A> &b, xsimd::sse2) noexcept {
  return static_cast<std::uint32_t>(_mm_movemask_epi8(b));
}
#endif
#if XSIMD_WITH_AVX2
template <class A>
std::uint64_t to_bits(const xsimd::batch_bool<std::uint8_t, A> &b, xsimd::avx2) noexcept {
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(b));
}
#endif
#if XSIMD_WITH_AVX512BW
template <class A>
std::uint64_t to_bits(const xsimd::batch_bool<std::uint8_t, A> &b, xsimd::avx512bw) noexcept {
  return static_cast<std::uint64_t>(static_cast<__mmask64>(b));
}
#endif
#if XSIMD_WITH_NEON64
template <class A>
std::uint64_t to_bits(const xsimd::batch_bool<std::uint8_t, A> &b, xsimd::neon64) noexcept {
  // Each lane keeps one distinct bit, then pairwise adds fold 16 lanes into
  // two bytes (the usual NEON movemask emulation).
  static constexpr std::uint8_t weights[16] = {1, 2, 4, 8, 16, 32, 64, 128,
                                               1, 2, 4, 8, 16, 32, 64, 128};
  const uint8x16_t lanes = b;
  const uint8x16_t masked = vandq_u8(lanes, vld1q_u8(weights));
  const std::uint64_t lo = vaddv_u8(vget_low_u8(masked));
  const std::uint64_t hi = vaddv_u8(vget_high_u8(masked));
  return lo | (hi << 8);
}
#endif

// 64-bit lanes (the matcher's tail compares).
#if XSIMD_WITH_SSE2
template <class A>
std::uint64_t to_bits(const xsimd::batch_bool<std::uint64_t, A> &b, xsimd::sse2) noexcept {
  return static_cast<std::uint32_t>(_mm_movemask_pd(_mm_castsi128_pd(b)));
}
#endif
#if XSIMD_WITH_AVX2
template <class A>
std::uint64_t to_bits(const xsimd::batch_bool<std::uint64_t, A> &b, xsimd::avx2) noexcept {
  return static_cast<std::uint32_t>(_mm256_movemask_pd(_mm256_castsi256_pd(b)));
}
#endif
#if XSIMD_WITH_AVX512BW
template <class A>
std::uint64_t to_bits(const xsimd::batch_bool<std::uint64_t, A> &b, xsimd::avx512bw) noexcept {
  return static_cast<std::uint64_t>(static_cast<__mmask8>(b));
}
#endif
#if XSIMD_WITH_NEON64
template <class A>
std::uint64_t to_bits(const xsimd::batch_bool<std::uint64_t, A> &b, xsimd::neon64) noexcept {
  const uint64x2_t lanes = b; // all ones or all zeros each
  return (vgetq_lane_u64(lanes, 0) & 1) | (vgetq_lane_u64(lanes, 1) & 2);
}
#endif

} // namespace wirespeed::simd
