// The matcher's tail-compare kernel for avx512bw: compiled with that level's flags
// (cmake/WirespeedIsa.cmake); nothing here but the instantiation.
#include "match/tail_match_kernel.hpp"

namespace wirespeed::match::detail::isa_avx512bw {

extern const tail_match_fn tail_match = &tail_match_kernel<xsimd::avx512bw>;

} // namespace wirespeed::match::detail::isa_avx512bw
