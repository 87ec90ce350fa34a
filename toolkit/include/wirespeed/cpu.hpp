#pragma once
/**
 * @file cpu.hpp
 * @brief Which SIMD instruction sets this machine offers and which one the
 *        toolkit's kernels run with.
 *
 * The level is chosen once, at first use, as the best one both compiled in and
 * supported by the CPU. `WIRESPEED_FORCE_ISA=scalar|sse4_2|avx2|avx512bw|neon64`
 * forces a level (for benchmarks and tests); a name that is unknown or not
 * supported here falls back to scalar, which active_isa() then reports.
 */
#include <span>
#include <string_view>

namespace wirespeed::cpu {

enum class isa { scalar, sse4_2, avx2, avx512bw, neon64 };

[[nodiscard]] std::string_view to_string(isa level) noexcept;
/// Parses a name as used by WIRESPEED_FORCE_ISA; false if unknown.
[[nodiscard]] bool parse_isa(std::string_view name, isa &level) noexcept;

/// Levels compiled into this build that this CPU can run, scalar first.
[[nodiscard]] std::span<const isa> available_isas() noexcept;
/// The level the kernels use in this process.
[[nodiscard]] isa active_isa() noexcept;
/// Overrides the level for the rest of the process (what --isa does). False,
/// and no change, when the level is not available on this machine.
bool force_isa(isa level) noexcept;

} // namespace wirespeed::cpu
