#pragma once
// Which bytes of a text fall in one of two byte ranges, as one bit per byte:
// the first pass of the literal index (literal_index.hpp), which starts a
// lookup only where some indexed literal could start. One xsimd kernel per
// ISA (isa/byte_ranges_<isa>.cpp) and the scalar reference below, which is
// the specification every kernel is tested against. No xsimd here.
#include <cstddef>
#include <cstdint>

#include "wirespeed/cpu.hpp"

namespace wirespeed::match::detail {

/// Byte b is in range r when (b - lo[r]) mod 256 < count[r]; count 0 is an
/// empty range.
struct byte_ranges {
  std::uint8_t lo[2] = {0, 0};
  std::uint8_t count[2] = {0, 0};
};

/// For each of `blocks` 64-byte blocks of `in` (no byte past them is read),
/// out[k] bit i = byte 64k + i lies in one of the ranges.
using range_mask_fn = void (*)(const std::uint8_t *in, std::size_t blocks, const byte_ranges &r,
                               std::uint64_t *out) noexcept;

void range_masks_reference(const std::uint8_t *in, std::size_t blocks, const byte_ranges &r,
                           std::uint64_t *out) noexcept;

/// The kernel for `level`, or null when it is not compiled in or this CPU
/// lacks it; scalar gives the reference.
[[nodiscard]] range_mask_fn range_masks_for(cpu::isa level) noexcept;

#if defined(WIRESPEED_HAVE_SSE4_2)
namespace isa_sse4_2 {
extern const range_mask_fn range_masks;
}
#endif
#if defined(WIRESPEED_HAVE_AVX2)
namespace isa_avx2 {
extern const range_mask_fn range_masks;
}
#endif
#if defined(WIRESPEED_HAVE_AVX512BW)
namespace isa_avx512bw {
extern const range_mask_fn range_masks;
}
#endif
#if defined(WIRESPEED_HAVE_NEON64)
namespace isa_neon64 {
extern const range_mask_fn range_masks;
}
#endif

} // namespace wirespeed::match::detail
