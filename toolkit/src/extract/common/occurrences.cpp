// The scalar reference of find_occurrences and the choice among its kernels
// (occurrences_kernel.hpp, one per SIMD level).
#include "extract/common/occurrences.hpp"

#include <cstring>

#include "simd/pick.hpp"

namespace wirespeed::extract_detail {

#if defined(WIRESPEED_HAVE_SSE4_2)
namespace isa_sse4_2 {
extern const occurrences_fn occurrences;
}
#endif
#if defined(WIRESPEED_HAVE_AVX2)
namespace isa_avx2 {
extern const occurrences_fn occurrences;
}
#endif
#if defined(WIRESPEED_HAVE_AVX512BW)
namespace isa_avx512bw {
extern const occurrences_fn occurrences;
}
#endif
#if defined(WIRESPEED_HAVE_NEON64)
namespace isa_neon64 {
extern const occurrences_fn occurrences;
}
#endif

void occurrences_reference(std::string_view haystack, std::string_view needle, std::uint32_t base,
                           std::vector<std::uint32_t> &out) {
  out.clear();
  const std::size_t n = needle.size();
  if (n == 0 || haystack.size() < n) {
    return;
  }
  const char *const text = haystack.data();
  for (std::size_t at = 0; at + n <= haystack.size(); ++at) {
    // The first and last bytes turn most starts away before a call.
    if (text[at] == needle.front() && text[at + n - 1] == needle.back() &&
        std::memcmp(text + at, needle.data(), n) == 0) {
      out.push_back(base + static_cast<std::uint32_t>(at));
    }
  }
}

occurrences_fn occurrences_for(cpu::isa level) noexcept {
  return simd::pick<occurrences_fn>(level, {&occurrences_reference,
                                            WIRESPEED_IF_SSE4_2(isa_sse4_2::occurrences),
                                            WIRESPEED_IF_AVX2(isa_avx2::occurrences),
                                            WIRESPEED_IF_AVX512BW(isa_avx512bw::occurrences),
                                            WIRESPEED_IF_NEON64(isa_neon64::occurrences)});
}

void find_occurrences(std::string_view haystack, std::string_view needle, std::uint32_t base,
                      std::vector<std::uint32_t> &out) {
  static const occurrences_fn kernel = [] {
    const occurrences_fn active = occurrences_for(cpu::active_isa());
    return active != nullptr ? active : &occurrences_reference;
  }();
  kernel(haystack, needle, base, out);
}

} // namespace wirespeed::extract_detail
