#pragma once
// Which literals of a prefix the text can hold at one position: the 8 text
// bytes after the prefix against each literal's next 8 bytes, as one bit per
// literal. The literal index's third pass (literal_index.hpp), after a
// position's prefix is found; one compare per literal, several literals per
// vector compare. One xsimd kernel per ISA (isa/tail_match_<isa>.cpp) and
// the scalar reference below, the specification every kernel is tested
// against. No xsimd here.
#include <cstddef>
#include <cstdint>

#include "wirespeed/cpu.hpp"

namespace wirespeed::match::detail {

/// One text position against the literals [first, first + count) of its
/// prefix, count <= 64.
struct tail_probe {
  std::uint64_t next; ///< the text's 8 bytes after the prefix (zeros past its end)
  std::uint32_t first;
  std::uint32_t count;
};

/// Kernels read this many entries of `tails` and `masks` past a probe's
/// last literal (whole vectors); the arrays are padded so.
constexpr std::size_t tail_padding = 8;

/// For each of `n` probes, out[k] bit i = literal first + i may start there:
/// (next & masks[first + i]) == tails[first + i]. A mask keeps the literal's
/// bytes (without bit 5, the case bit, on a letter of a caseless one).
using tail_match_fn = void (*)(const tail_probe *probes, std::size_t n, const std::uint64_t *tails,
                               const std::uint64_t *masks, std::uint64_t *out) noexcept;

void tail_match_reference(const tail_probe *probes, std::size_t n, const std::uint64_t *tails,
                          const std::uint64_t *masks, std::uint64_t *out) noexcept;

/// The kernel for `level`, or null when it is not compiled in or this CPU
/// lacks it; scalar gives the reference.
[[nodiscard]] tail_match_fn tail_match_for(cpu::isa level) noexcept;

#if defined(WIRESPEED_HAVE_SSE4_2)
namespace isa_sse4_2 {
extern const tail_match_fn tail_match;
}
#endif
#if defined(WIRESPEED_HAVE_AVX2)
namespace isa_avx2 {
extern const tail_match_fn tail_match;
}
#endif
#if defined(WIRESPEED_HAVE_AVX512BW)
namespace isa_avx512bw {
extern const tail_match_fn tail_match;
}
#endif
#if defined(WIRESPEED_HAVE_NEON64)
namespace isa_neon64 {
extern const tail_match_fn tail_match;
}
#endif

} // namespace wirespeed::match::detail
