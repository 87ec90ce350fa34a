#pragma once
// Whole-word checks (the definition is in match.hpp). They look at most 4
// bytes before a match and 3 after it, so a stream needs only that much
// context around a match.
#include <cstddef>

namespace wirespeed::match::detail {

constexpr std::size_t word_bytes_before = 4;
constexpr std::size_t word_bytes_after = 3;

constexpr bool ascii_word(unsigned char b) noexcept {
  return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == '_';
}

// `c` starts a non-ASCII character of which `n` >= 1 bytes are known.
constexpr bool non_ascii_word(const unsigned char *c, std::size_t n) noexcept {
  if (n < 2) {
    return true;
  }
  const unsigned char second = c[1];
  switch (c[0]) {
  case 0xC2: // U+0080..U+00BF: C1 controls, NBSP, Latin-1 punctuation and symbols
    return false;
  case 0xE2: // U+2000..U+207F: spaces, dashes, quotes, bullets
    return second != 0x80 && second != 0x81;
  case 0xE3: // U+3000..U+303F: CJK punctuation
    return second != 0x80;
  default:
    return true;
  }
}

// Whether the character that ends at the end of [c, c + n) is a word one.
constexpr bool word_ending_at(const unsigned char *c, std::size_t n) noexcept {
  const unsigned char last = c[n - 1];
  if (last < 0x80) {
    return ascii_word(last);
  }
  std::size_t lead = n - 1;
  while (lead > 0 && n - lead < 4 && (c[lead] & 0xC0) == 0x80) {
    --lead;
  }
  return non_ascii_word(c + lead, n - lead);
}

// Whether the character starting at c[0] (n >= 1 bytes known) is a word one.
constexpr bool word_starting_at(const unsigned char *c, std::size_t n) noexcept {
  return c[0] < 0x80 ? ascii_word(c[0]) : non_ascii_word(c, n);
}

// `before` holds the (up to 4) bytes preceding the match, `after` the (up to
// 3) bytes following it; either may be empty at the ends of the text.
constexpr bool whole_word(const unsigned char *before, std::size_t n_before,
                          const unsigned char *after, std::size_t n_after) noexcept {
  return (n_before == 0 || !word_ending_at(before, n_before)) &&
         (n_after == 0 || !word_starting_at(after, n_after));
}

// Whether text[begin, end) of an n-byte text is a whole word there.
constexpr bool whole_word_in(const unsigned char *text, std::size_t n, std::size_t begin,
                             std::size_t end) noexcept {
  const std::size_t n_before = begin < word_bytes_before ? begin : word_bytes_before;
  const std::size_t n_after = n - end < word_bytes_after ? n - end : word_bytes_after;
  return whole_word(text + begin - n_before, n_before, text + end, n_after);
}

} // namespace wirespeed::match::detail
