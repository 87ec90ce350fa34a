#pragma once
// Spelling distance between two names, for merging variants ("Al-Kahera"
// and "Al-Qahera", "Rafa" and "Rafah") onto one canonical name.
#include <cstddef>
#include <string_view>

namespace wirespeed::extract_detail {

/// Damerau-Levenshtein distance (optimal string alignment: insertions,
/// deletions, substitutions and transpositions of adjacent bytes) between `a`
/// and `b`, or `limit + 1` as soon as it is known to exceed `limit`.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b,
                                        std::size_t limit) noexcept;

/// How many edits a name of `length` bytes may differ by and still be the
/// same name: none under 4 bytes (too many short names are one edit apart),
/// 1 up to 9 bytes, 2 beyond.
[[nodiscard]] constexpr std::size_t edit_bound(std::size_t length) noexcept {
  return length < 4 ? 0 : length < 10 ? 1 : 2;
}

} // namespace wirespeed::extract_detail
