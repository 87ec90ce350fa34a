// The matcher's tail-compare kernel for avx2: compiled with that level's flags
// (cmake/WirespeedIsa.cmake); nothing here but the instantiation.
#include "match/tail_match_kernel.hpp"

namespace wirespeed::match::detail::isa_avx2 {

extern const tail_match_fn tail_match = &tail_match_kernel<xsimd::avx2>;

} // namespace wirespeed::match::detail::isa_avx2
