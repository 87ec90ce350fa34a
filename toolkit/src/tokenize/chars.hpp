#pragma once
// Character classes and UTF-8 decoding shared by the reference lexer and the
// fallback of the mask-walking lexer (baseline code only).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wirespeed::tokenize_detail {

enum class char_class : std::uint8_t { space, letter, digit, punct, symbol };

/// The ASCII punctuation characters; the other printable non-alphanumerics
/// are symbols (`85%` is a number and a symbol).
inline constexpr std::string_view ascii_punctuation = "!\"'(),-./:;?[]{}";

/// One decoded character. An invalid sequence has valid == false and len = the
/// length of its maximal subpart (1..3): the bytes a valid code point would
/// have used up to the first one that cannot continue it.
struct decoded {
  char32_t cp;
  std::uint8_t len;
  bool valid;
};

/// Classes of U+0000..U+07FF (the two-byte code points and ASCII), and of
/// U+2000..U+203F (E2 80 xx: Unicode spaces, dashes, curly quotes, ellipsis).
/// Data, not functions, so per-ISA code may read them too.
extern const std::array<char_class, 0x800> two_byte_classes;
extern const std::array<char_class, 0x40> general_punctuation_classes;

/// Decodes the character at s[pos] (pos < n); never reads s[n] or beyond.
[[nodiscard]] decoded decode_utf8(const std::uint8_t *s, std::size_t n, std::size_t pos) noexcept;

/// Class of an ASCII byte: 0x00..0x20 and 0x7F are space.
[[nodiscard]] char_class ascii_class(std::uint8_t c) noexcept;

/// Class of a code point >= 0x80 (letters of every script, marks and
/// unassigned code points are letters).
[[nodiscard]] char_class unicode_class(char32_t cp) noexcept;

/// Line breaks a space code point stands for: 1 for '\n', U+0085, U+2028;
/// 2 for U+2029 (paragraph separator); 0 otherwise.
[[nodiscard]] unsigned line_breaks(char32_t cp) noexcept;

/// True when the word s[begin, end) keeps a following period: a single
/// capital initial (`J.`) or a listed abbreviation (`Mr.`, `Feb.`, `etc.`).
[[nodiscard]] bool keeps_period(const std::uint8_t *s, std::size_t begin, std::size_t end) noexcept;
/// True when a word starting with byte c may keep a following period: a
/// capital or the first letter of a listed abbreviation. Stage 1 marks these
/// bytes (block_masks::initial) so that stage 2 can rule out most words.
[[nodiscard]] bool may_keep_period(std::uint8_t c) noexcept;

inline bool is_ascii_alpha(std::uint8_t c) noexcept {
  return static_cast<std::uint8_t>((c | 0x20) - 'a') < 26;
}
inline bool is_ascii_digit(std::uint8_t c) noexcept {
  return static_cast<std::uint8_t>(c - '0') < 10;
}

} // namespace wirespeed::tokenize_detail
