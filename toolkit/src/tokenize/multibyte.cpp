// Stage 1b of the SIMD lexer: the multi-byte characters news text is full of
// (letters of Latin, Greek, Cyrillic, Hebrew and Arabic script, NBSP, curly
// quotes, dashes, the ellipsis) get the byte classes the mask walker already
// knows, so their tokens stay on its fast path instead of going to the
// reference rules. Scalar, and visited only at bytes >= 0x80: the SIMD pass
// has flagged them in `fallback`, so ASCII text costs one test per block.
//
// Every class comes from the reference's own tables (chars.hpp), and a
// character is moved out of `fallback` only when the reference rules treat
// each of its bytes exactly as the mask walker treats that class:
//  - a two-byte letter is a letter of any run (joins work on classes);
//  - a Unicode space without a line break separates like ' ';
//  - punctuation is a token of its own, first byte to last (`inner`);
//  - U+2019 is a joiner between two letters and punctuation otherwise; when
//    a neighbour's class needs a full decode, it stays with the reference.
#include "tokenize/chars.hpp"
#include "tokenize/kernels.hpp"

namespace wirespeed::tokenize_detail {
namespace {

bool is_continuation(std::uint8_t c) noexcept {
  return (c & 0xC0) == 0x80;
}
bool is_two_byte_lead(std::uint8_t c) noexcept {
  return static_cast<std::uint8_t>(c - 0xC2) < 0x1E;
}

enum class letterness : std::uint8_t { letter, not_letter, unknown };

letterness letterness_of(char_class c) noexcept {
  return c == char_class::letter ? letterness::letter : letterness::not_letter;
}

/// Whether the character at s[p] is a letter, when one look tells.
letterness letter_at(const std::uint8_t *s, std::size_t n, std::size_t p) noexcept {
  if (p >= n) {
    return letterness::not_letter; // the region ends as after a separator
  }
  if (s[p] < 0x80) {
    return is_ascii_alpha(s[p]) ? letterness::letter : letterness::not_letter;
  }
  if (p + 1 < n && is_two_byte_lead(s[p]) && is_continuation(s[p + 1])) {
    return letterness_of(two_byte_classes[((s[p] & 0x1Fu) << 6) | (s[p + 1] & 0x3Fu)]);
  }
  return letterness::unknown;
}

/// Whether the character that ends just before s[p] is a letter, when one
/// look tells (a continuation byte after a two-byte lead ends that character).
letterness letter_before(const std::uint8_t *s, std::size_t p) noexcept {
  if (p == 0) {
    return letterness::not_letter; // nothing before: no run to join
  }
  if (s[p - 1] < 0x80) {
    return is_ascii_alpha(s[p - 1]) ? letterness::letter : letterness::not_letter;
  }
  if (p >= 2 && is_two_byte_lead(s[p - 2]) && is_continuation(s[p - 1])) {
    return letterness_of(two_byte_classes[((s[p - 2] & 0x1Fu) << 6) | (s[p - 1] & 0x3Fu)]);
  }
  return letterness::unknown;
}

// 128 bits: a character starting near a block's end spills into the next.
__extension__ typedef unsigned __int128 block_pair_bits;

/// The classes the characters settled in one block give its bytes. Bit i
/// is byte i of the block; bits 64 and up spill into the next block.
struct settled_bytes {
  block_pair_bits all = 0; ///< every byte settled: leaves `fallback`
  block_pair_bits alpha = 0;
  block_pair_bits space = 0;
  block_pair_bits inner = 0;
  block_pair_bits joiner = 0;

  void add(block_pair_bits settled_bytes::*field, unsigned bit, unsigned len) noexcept {
    const block_pair_bits bytes = static_cast<block_pair_bits>((1u << len) - 1) << bit;
    all |= bytes;
    // A punctuation token's first byte is just neither space nor run.
    this->*field |= field == &settled_bytes::inner ? bytes & (bytes - 1) : bytes;
  }

  void apply(block_masks &m, unsigned half) const noexcept {
    const auto part = [half](block_pair_bits x) {
      return static_cast<std::uint64_t>(x >> (64 * half));
    };
    m.fallback &= ~part(all);
    m.alpha |= part(alpha);
    m.space |= part(space);
    m.inner |= part(inner);
    m.joiner |= part(joiner);
  }
};

/// The class of the valid character of `len` bytes at s[p] whose code point
/// is `cp`, or symbol for one the mask walker must not take (line breaks).
char_class class_of(unsigned cp, std::size_t len) noexcept {
  if (len == 2) {
    return cp == 0x85 ? char_class::symbol : two_byte_classes[cp]; // NEL breaks a line
  }
  return cp == 0x2028 || cp == 0x2029 ? char_class::symbol // line breaks
                                      : general_punctuation_classes[cp - 0x2000];
}

/// Settles the character starting at bit `bit` of the block at s[origin]
/// (a lead byte; origin + bit < n) when it can.
void settle_one(const std::uint8_t *s, std::size_t n, std::size_t origin, unsigned bit,
                settled_bytes &out) noexcept {
  const std::size_t p = origin + bit;
  unsigned cp;
  unsigned len;
  if (is_two_byte_lead(s[p]) && p + 1 < n && is_continuation(s[p + 1])) {
    cp = ((s[p] & 0x1Fu) << 6) | (s[p + 1] & 0x3Fu);
    len = 2;
  } else if (s[p] == 0xE2 && p + 2 < n && s[p + 1] == 0x80 && is_continuation(s[p + 2])) {
    cp = 0x2000 | (s[p + 2] & 0x3Fu);
    len = 3;
    if (cp == 0x2019) { // a joiner between two letters, else punctuation
      const letterness before = letter_before(s, p);
      const letterness after = letter_at(s, n, p + 3);
      if (before == letterness::unknown || after == letterness::unknown) {
        return;
      }
      if (before == letterness::letter && after == letterness::letter) {
        out.add(&settled_bytes::joiner, bit, len);
        return;
      }
    }
  } else {
    return;
  }
  switch (class_of(cp, len)) {
  case char_class::letter:
    out.add(&settled_bytes::alpha, bit, len);
    break;
  case char_class::space:
    out.add(&settled_bytes::space, bit, len);
    break;
  case char_class::punct:
    out.add(&settled_bytes::inner, bit, len);
    break;
  default:
    break; // digits and symbols: the reference rules decide
  }
}

} // namespace

void classify_multibyte(const std::uint8_t *s, std::size_t n, std::size_t first_block,
                        std::size_t blocks, block_masks *masks) noexcept {
  for (std::size_t b = 0; b < blocks; ++b) {
    if (masks[b].lead == 0) {
      continue; // ASCII text: nothing to settle, nothing spills into the next block
    }
    const std::size_t origin = (first_block + b) * 64;
    settled_bytes found;
    // Two-byte letters, most of the characters of non-English news, take
    // the short way: stage 1 found most of them, the others are tested
    // inline (the bits of the pair, and whether it spills over).
    const std::uint64_t known = masks[b].letter_leads;
    std::uint64_t letters = known | (known << 1);
    bool letter_spills = false;
    for (std::uint64_t leads = masks[b].lead & ~known; leads != 0; leads &= leads - 1) {
      const auto bit = static_cast<unsigned>(__builtin_ctzll(leads));
      const std::size_t p = origin + bit;
      if (p + 1 < n && is_two_byte_lead(s[p]) && is_continuation(s[p + 1]) &&
          two_byte_classes[((s[p] & 0x1Fu) << 6) | (s[p + 1] & 0x3Fu)] == char_class::letter) {
        letters |= std::uint64_t{3} << bit;
        letter_spills |= bit == 63;
        continue;
      }
      settle_one(s, n, origin, bit, found);
    }
    found.alpha |= letters | (static_cast<block_pair_bits>(letter_spills) << 64);
    found.all |= found.alpha;
    found.apply(masks[b], 0);
    if (b + 1 < blocks) {
      found.apply(masks[b + 1], 1);
    }
  }
}

} // namespace wirespeed::tokenize_detail
