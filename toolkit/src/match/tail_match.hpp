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

/// Kernels read this many entries of `tails` past a probe's last literal
/// (whole vectors); the array is padded so.
constexpr std::size_t tail_padding = 8;

/// 0x20 on each ASCII letter byte of the word: its case bit.
inline std::uint64_t ascii_case_bits(std::uint64_t word) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  const std::uint64_t lower = word | (0x20 * ones);
  const std::uint64_t low7 = lower & (0x7F * ones);
  const std::uint64_t from_a = low7 + (0x80 - 'a') * ones; // high bit: >= 'a'
  const std::uint64_t past_z = low7 + (0x7F - 'z') * ones; // high bit: > 'z'
  return ((from_a & ~past_z & ~lower) & (0x80 * ones)) >> 2;
}

/// The word with its ASCII letters upper-cased.
inline std::uint64_t ascii_upper(std::uint64_t word) noexcept {
  return word & ~ascii_case_bits(word);
}

/// For each of `n` probes, out[k] bit i = literal l = first + i may start
/// there: every nonzero byte of tails[l] is the byte of `next` there, or of
/// ascii_upper(next) when bit l of `caseless` is set. A tail holds the
/// literal's next bytes (none is zero: the index takes no literal with a
/// zero byte there), zeros past its end, and its letters upper-cased when
/// caseless: one word per literal, no mask to fetch beside it. `caseless`
/// has a word past the bit of the last literal, or is null when no literal
/// is caseless.
using tail_match_fn = void (*)(const tail_probe *probes, std::size_t n, const std::uint64_t *tails,
                               const std::uint64_t *caseless, std::uint64_t *out) noexcept;

/// Bits [first, first + 64) of the bit array `bits` (which has a word past
/// the last one read), bit first as bit 0.
inline std::uint64_t bits_from(const std::uint64_t *bits, std::uint32_t first) noexcept {
  const std::uint32_t word = first / 64, shift = first % 64;
  // Two shifts on the next word: shift 0 takes none of it, without a shift by 64.
  return (bits[word] >> shift) | ((bits[word + 1] << 1) << (63 - shift));
}

void tail_match_reference(const tail_probe *probes, std::size_t n, const std::uint64_t *tails,
                          const std::uint64_t *caseless, std::uint64_t *out) noexcept;

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
