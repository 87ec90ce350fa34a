// The scalar reference of the tail-compare kernel and the choice among kernels.
#include "match/tail_match.hpp"

#include "simd/pick.hpp"

namespace wirespeed::match::detail {

void tail_match_reference(const tail_probe *probes, std::size_t n, const std::uint64_t *tails,
                          const std::uint64_t *caseless, std::uint64_t *out) noexcept {
  for (std::size_t k = 0; k < n; ++k) {
    const tail_probe &p = probes[k];
    std::uint64_t bits = 0;
    for (std::uint32_t i = 0; i < p.count; ++i) {
      const std::size_t at = p.first + i;
      const bool folded = caseless != nullptr && ((caseless[at / 64] >> (at % 64)) & 1);
      const std::uint64_t text = folded ? ascii_upper(p.next) : p.next;
      bool same = true;
      for (unsigned byte = 0; byte < 8; ++byte) {
        const auto want = static_cast<std::uint8_t>(tails[at] >> (8 * byte));
        same = same && (want == 0 || want == static_cast<std::uint8_t>(text >> (8 * byte)));
      }
      bits |= std::uint64_t{same} << i;
    }
    out[k] = bits;
  }
}

tail_match_fn tail_match_for(cpu::isa level) noexcept {
  return simd::pick<tail_match_fn>(level, {&tail_match_reference,
                                           WIRESPEED_IF_SSE4_2(isa_sse4_2::tail_match),
                                           WIRESPEED_IF_AVX2(isa_avx2::tail_match),
                                           WIRESPEED_IF_AVX512BW(isa_avx512bw::tail_match),
                                           WIRESPEED_IF_NEON64(isa_neon64::tail_match)});
}

} // namespace wirespeed::match::detail
