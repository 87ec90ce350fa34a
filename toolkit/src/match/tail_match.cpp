// The scalar reference of the tail-compare kernel and the choice among kernels.
#include "match/tail_match.hpp"

#include "simd/runs_here.hpp"

namespace wirespeed::match::detail {

void tail_match_reference(const tail_probe *probes, std::size_t n, const std::uint64_t *tails,
                          const std::uint64_t *masks, std::uint64_t *out) noexcept {
  for (std::size_t k = 0; k < n; ++k) {
    const tail_probe &p = probes[k];
    std::uint64_t bits = 0;
    for (std::uint32_t i = 0; i < p.count; ++i) {
      const std::size_t at = p.first + i;
      bits |= std::uint64_t{(p.next & masks[at]) == tails[at]} << i;
    }
    out[k] = bits;
  }
}

tail_match_fn tail_match_for(cpu::isa level) noexcept {
  if (!simd::runs_here(level)) {
    return nullptr;
  }
  switch (level) {
#if defined(WIRESPEED_HAVE_SSE4_2)
  case cpu::isa::sse4_2:
    return isa_sse4_2::tail_match;
#endif
#if defined(WIRESPEED_HAVE_AVX2)
  case cpu::isa::avx2:
    return isa_avx2::tail_match;
#endif
#if defined(WIRESPEED_HAVE_AVX512BW)
  case cpu::isa::avx512bw:
    return isa_avx512bw::tail_match;
#endif
#if defined(WIRESPEED_HAVE_NEON64)
  case cpu::isa::neon64:
    return isa_neon64::tail_match;
#endif
  case cpu::isa::scalar:
    return &tail_match_reference;
  default:
    return nullptr;
  }
}

} // namespace wirespeed::match::detail
