#pragma once
// Short byte strings as one little-endian word, read without a loop: the
// strings hot paths ask about (a match's text, a literal's prefix) are short
// and of every length, and a byte loop both mispredicts its exit and makes
// the word's next load wait for its stores.
#include <cstdint>
#include <cstring>

namespace wirespeed::core {

/// The `n` (0 to 8) bytes at `from` as the low bytes of a word, zeros above:
/// two overlapping loads of 4, 2 or 1 bytes (byte i lands at position i
/// from both), never a read outside [from, from + n).
[[nodiscard]] inline std::uint64_t load_bytes(const void *from, std::size_t n) noexcept {
  const auto *bytes = static_cast<const unsigned char *>(from);
  const auto load = [bytes](std::size_t at, auto word) {
    std::memcpy(&word, bytes + at, sizeof word);
    return static_cast<std::uint64_t>(word);
  };
  if (n >= 8) {
    return load(0, std::uint64_t{});
  }
  if (n >= 4) {
    return load(0, std::uint32_t{}) | load(n - 4, std::uint32_t{}) << (8 * (n - 4));
  }
  if (n >= 2) {
    return load(0, std::uint16_t{}) | load(n - 2, std::uint16_t{}) << (8 * (n - 2));
  }
  return n == 1 ? bytes[0] : 0;
}

} // namespace wirespeed::core
