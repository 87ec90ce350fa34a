#pragma once
// Whether a SIMD level is both compiled in and supported by this CPU: the
// check every kernel table makes before handing out a level's kernels.
#include <algorithm>

#include "wirespeed/cpu.hpp"

namespace wirespeed::simd {

[[nodiscard]] inline bool runs_here(cpu::isa level) noexcept {
  const auto available = cpu::available_isas();
  return std::find(available.begin(), available.end(), level) != available.end();
}

} // namespace wirespeed::simd
