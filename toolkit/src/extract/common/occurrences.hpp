#pragma once
// Every place a short string occurs in a stretch of text. The speaker rules
// look back through an article for the earlier, longer form of a name
// ("Lew" -> "Jack Lew"): a byte-at-a-time search (memchr on the first byte,
// then a compare) stops at every capital of the same letter and guesses
// wrong at most of those stops.
#include <cstdint>
#include <string_view>
#include <vector>

#include "wirespeed/cpu.hpp"

namespace wirespeed::extract_detail {

/// The offsets at which `needle` occurs in `haystack`, plus `base`, in
/// ascending order, into `out` (cleared first). Occurrences may overlap.
/// An empty needle occurs nowhere.
void find_occurrences(std::string_view haystack, std::string_view needle, std::uint32_t base,
                      std::vector<std::uint32_t> &out);

/// find_occurrences at one SIMD level (the kernels are tested against the
/// reference at every level this machine runs).
using occurrences_fn = void (*)(std::string_view haystack, std::string_view needle,
                                std::uint32_t base, std::vector<std::uint32_t> &out);
/// A compare at every start: the specification of the kernels.
void occurrences_reference(std::string_view haystack, std::string_view needle, std::uint32_t base,
                           std::vector<std::uint32_t> &out);
/// The kernel for `level`, or null when it is not compiled in or this CPU
/// lacks it; scalar gives the reference.
[[nodiscard]] occurrences_fn occurrences_for(cpu::isa level) noexcept;

} // namespace wirespeed::extract_detail
