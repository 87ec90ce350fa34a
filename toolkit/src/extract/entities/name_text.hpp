#pragma once
// The spelling of one name or word, as the name tagger reads it: where a
// possessive or case ending starts, whether a word is camel case, and title
// case for datelines written in capitals.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/load_bytes.hpp"

namespace wirespeed::extract_detail {

/// The last min(8, size) bytes of `word` in one little-endian word: from 4
/// bytes on, two 4-byte loads inside the word (a word of 4 to 7 bytes gives
/// some twice), below that the bytes and zeros above them. One branch on
/// the length, inline: it runs on every capitalised token.
[[nodiscard]] inline std::uint64_t last_bytes(std::string_view word) noexcept {
  const char *p = word.data();
  const std::size_t n = word.size();
  if (n < 4) {
    return core::load_bytes(p, n);
  }
  // the 4 bytes before the last 4 (from 8 bytes on), or the first 4
  std::uint32_t low, high;
  std::memcpy(&low, p + (n >= 8 ? n - 8 : 0), 4);
  std::memcpy(&high, p + n - 4, 4);
  return low | std::uint64_t{high} << 32;
}

/// Whether any byte of `w` is `b`.
[[nodiscard]] constexpr bool has_byte(std::uint64_t w, char b) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  const std::uint64_t x = w ^ (ones * static_cast<unsigned char>(b));
  return ((x - ones) & ~x & (ones << 7)) != 0;
}

/// possessive_at() of a word with "'" or U+2019's first byte in its last 8 bytes.
[[nodiscard]] std::size_t possessive_after_mark(std::string_view word) noexcept;

/// The byte offset in `word` of the apostrophe ("'" or U+2019) that starts a
/// possessive or case ending of at most five bytes not starting with a
/// capital ("Rafa's", "NDM’s", Turkish "Malatya'nın"), or npos ("O'Brien",
/// "'90s", "rock'n'roll's" past the ending's length). Only the last apostrophe
/// of each kind counts, "'" before U+2019.
[[nodiscard]] inline std::size_t possessive_at(std::string_view word) noexcept {
  // Most words hold no mark in their tail (where an ending's mark can be:
  // the ending and U+2019's three bytes, 8 in all): one word-wide test says
  // so, inline, without a loop whose exit mispredicts on every other word.
  const std::uint64_t tail = last_bytes(word);
  if (!has_byte(tail, '\'') && !has_byte(tail, '\xE2')) {
    return std::string_view::npos;
  }
  return possessive_after_mark(word);
}

/// A word with an ASCII capital after an ASCII small letter ("NightKraken",
/// "LinkedIn").
[[nodiscard]] bool is_camel_case(std::string_view word) noexcept;

/// "PORT ALDER" -> "Port Alder" (Latin, Latin-1 and Cyrillic capitals).
[[nodiscard]] std::string title_case(std::string_view upper);

} // namespace wirespeed::extract_detail
