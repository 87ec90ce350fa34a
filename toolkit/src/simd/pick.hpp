#pragma once
// The kernel of a SIMD level from a table with one entry per level: every
// kernel family (tokenizer, byte ranges, tail compare) hands out its
// kernels the same way. A level not compiled in has a null entry, written
// with WIRESPEED_IF_<LEVEL>(kernel) so that the kernel's name is only
// spelt where it exists.
#include "simd/runs_here.hpp"

namespace wirespeed::simd {

template <class Kernel> struct per_isa {
  Kernel scalar;
  Kernel sse4_2;
  Kernel avx2;
  Kernel avx512bw;
  Kernel neon64;
};

/// `level`'s entry, or null when the level does not run here.
template <class Kernel>
[[nodiscard]] Kernel pick(cpu::isa level, const per_isa<Kernel> &kernels) noexcept {
  if (!runs_here(level)) {
    return nullptr;
  }
  switch (level) {
  case cpu::isa::scalar:
    return kernels.scalar;
  case cpu::isa::sse4_2:
    return kernels.sse4_2;
  case cpu::isa::avx2:
    return kernels.avx2;
  case cpu::isa::avx512bw:
    return kernels.avx512bw;
  case cpu::isa::neon64:
    return kernels.neon64;
  }
  return nullptr;
}

} // namespace wirespeed::simd

#if defined(WIRESPEED_HAVE_SSE4_2)
#define WIRESPEED_IF_SSE4_2(kernel) (kernel)
#else
#define WIRESPEED_IF_SSE4_2(kernel) nullptr
#endif
#if defined(WIRESPEED_HAVE_AVX2)
#define WIRESPEED_IF_AVX2(kernel) (kernel)
#else
#define WIRESPEED_IF_AVX2(kernel) nullptr
#endif
#if defined(WIRESPEED_HAVE_AVX512BW)
#define WIRESPEED_IF_AVX512BW(kernel) (kernel)
#else
#define WIRESPEED_IF_AVX512BW(kernel) nullptr
#endif
#if defined(WIRESPEED_HAVE_NEON64)
#define WIRESPEED_IF_NEON64(kernel) (kernel)
#else
#define WIRESPEED_IF_NEON64(kernel) nullptr
#endif
