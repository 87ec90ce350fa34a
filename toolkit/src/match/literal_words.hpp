#pragma once
// What the literal index's build and scan share: how literals are keyed by
// their first bytes, and the word loads both compare.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>

#include "core/load_bytes.hpp"

namespace wirespeed::match::detail::literal_words {

// A literal is looked up by its first `width` bytes: all of them up to 3
// bytes, 4 for 4 to 7 bytes, 8 from 8 bytes on (names sharing their first
// four letters are common; sharing eight, rare).
inline constexpr std::size_t widths[] = {1, 2, 3, 4, 8};
constexpr std::size_t widest = widths[std::size(widths) - 1];
constexpr unsigned one_byte_class = 0b00001;
constexpr unsigned pair_classes = 0b00110; // 2 and 3 bytes
constexpr unsigned four_class = 0b01000;   // 4 to 7 bytes
constexpr unsigned eight_class = 0b10000;  // 8 bytes and more

inline unsigned width_class(std::size_t length) noexcept {
  return length >= 8 ? 4 : length >= 4 ? 3 : static_cast<unsigned>(length - 1);
}

inline bool ascii_letter(std::uint8_t b) noexcept {
  return static_cast<std::uint8_t>((b | 0x20) - 'a') < 26;
}

/// A mask of the low n <= 8 bytes of a word (two shifts: n == 8 keeps every
/// byte without a shift by 64).
inline std::uint64_t low_bytes(std::size_t n) noexcept {
  return ((std::uint64_t{1} << (4 * n)) << (4 * n)) - 1;
}

/// The first n <= 8 of the `available` bytes at `bytes`, as a little-endian
/// word: one 8-byte load and a mask when 8 bytes are there.
inline std::uint64_t load(const std::uint8_t *bytes, std::size_t n,
                          std::size_t available) noexcept {
  if (available >= 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes, 8);
    return word & low_bytes(n);
  }
  return core::load_bytes(bytes, n);
}

inline std::uint64_t hash(std::uint64_t prefix, unsigned width_class) noexcept {
  return (prefix + width_class) * 0x9E3779B97F4A7C15ull;
}

} // namespace wirespeed::match::detail::literal_words
