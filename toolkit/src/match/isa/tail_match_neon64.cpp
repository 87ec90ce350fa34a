// The matcher's tail-compare kernel for neon64: compiled with that level's flags
// (cmake/WirespeedIsa.cmake); nothing here but the instantiation.
#include "match/tail_match_kernel.hpp"

namespace wirespeed::match::detail::isa_neon64 {

extern const tail_match_fn tail_match = &tail_match_kernel<xsimd::neon64>;

} // namespace wirespeed::match::detail::isa_neon64
