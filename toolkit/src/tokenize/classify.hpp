#pragma once
// Stage 1 of the tokenizer, written once over xsimd batches and instantiated
// by each isa/classify_<isa>.cpp with that ISA's compiler flags. Only those
// translation units include this header: everything here is a template on the
// architecture, so no function compiled with AVX2 flags can be picked by the
// linker for another level (the ODR hazard of xsimd #1311).
#include <cstddef>
#include <cstdint>
#include <cstring>

#include <xsimd/xsimd.hpp>

#include "simd/to_bits.hpp"
#include "tokenize/kernels.hpp"

namespace wirespeed::tokenize_detail {

using simd::to_bits;

/// Unsigned x <= k per byte. xsimd 8.1 compares unsigned AVX2 bytes as two
/// SSE halves (extract, flip sign bits, compare, insert); min and equality
/// are native on every level, and AVX-512BW has the comparison itself.
template <class A>
xsimd::batch_bool<std::uint8_t, A> at_most(const xsimd::batch<std::uint8_t, A> &x, std::uint8_t k,
                                           xsimd::generic) noexcept {
  return xsimd::min(x, xsimd::batch<std::uint8_t, A>(k)) == x;
}
#if XSIMD_WITH_AVX512BW
template <class A>
xsimd::batch_bool<std::uint8_t, A> at_most(const xsimd::batch<std::uint8_t, A> &x, std::uint8_t k,
                                           xsimd::avx512bw) noexcept {
  return x <= xsimd::batch<std::uint8_t, A>(k);
}
#endif

/// lo <= x < lo + count per byte, as one subtract and one unsigned compare.
template <class A>
xsimd::batch_bool<std::uint8_t, A> in_range(const xsimd::batch<std::uint8_t, A> &x, std::uint8_t lo,
                                            std::uint8_t count) noexcept {
  return at_most<A>(x - xsimd::batch<std::uint8_t, A>(lo), static_cast<std::uint8_t>(count - 1),
                    A{});
}

/// The leads of two-byte letters in one 64-byte block whose class shows
/// from the bytes without a table: bit i when byte i is a lead whose whole
/// row of 64 code points is letters (C4-CC, CF-D4, DA, DC-DF: Latin
/// Extended, IPA, Greek and Cyrillic, Arabic, Syriac...) or an Arabic lead
/// (D8, D9, DB) whose continuation byte i + 1 is outside that row's
/// punctuation, digits and symbols (chars.cpp's non_letters; a test checks
/// every two-byte code point against it). Never bit 63: its continuation is
/// in the next block. classify_multibyte() looks the other leads up.
template <class Arch> std::uint64_t two_byte_letter_leads(const std::uint8_t *in) noexcept {
  using batch = xsimd::batch<std::uint8_t, Arch>;
  constexpr std::size_t lanes = batch::size;
  std::uint64_t whole_rows = 0, d8 = 0, d9 = 0, db = 0, cont = 0, d8_not = 0, d9_not = 0,
                db_not = 0;
  for (std::size_t i = 0; i < 64; i += lanes) {
    const batch x = batch::load_unaligned(in + i);
    const unsigned shift = static_cast<unsigned>(i);
    whole_rows |= to_bits<Arch>(in_range(x, 0xC4, 9) | in_range(x, 0xCF, 6) |
                                    (x == batch(std::uint8_t{0xDA})) | in_range(x, 0xDC, 4),
                                Arch{})
                  << shift;
    d8 |= to_bits<Arch>(x == batch(std::uint8_t{0xD8}), Arch{}) << shift;
    d9 |= to_bits<Arch>(x == batch(std::uint8_t{0xD9}), Arch{}) << shift;
    db |= to_bits<Arch>(x == batch(std::uint8_t{0xDB}), Arch{}) << shift;
    cont |= to_bits<Arch>(in_range(x, 0x80, 0x40), Arch{}) << shift;
    // U+0606-060D, U+061B, U+061D-061F; U+0660-066D; U+06D4, U+06F0-06F9.
    d8_not |=
        to_bits<Arch>(
            in_range(x, 0x86, 8) | (x == batch(std::uint8_t{0x9B})) | in_range(x, 0x9D, 3), Arch{})
        << shift;
    d9_not |= to_bits<Arch>(in_range(x, 0xA0, 14), Arch{}) << shift;
    db_not |= to_bits<Arch>((x == batch(std::uint8_t{0x94})) | in_range(x, 0xB0, 10), Arch{})
              << shift;
  }
  const std::uint64_t letter_rows =
      whole_rows | (d8 & ~(d8_not >> 1)) | (d9 & ~(d9_not >> 1)) | (db & ~(db_not >> 1));
  return letter_rows & (cont >> 1);
}

/// Stage 1: one block_masks per 64 input bytes.
struct classify_kernel {
  template <class Arch>
  void operator()(Arch, const std::uint8_t *in, std::size_t blocks,
                  block_masks *out) const noexcept;
};

template <class Arch>
void classify_kernel::operator()(Arch, const std::uint8_t *in, std::size_t blocks,
                                 block_masks *out) const noexcept {
  using batch = xsimd::batch<std::uint8_t, Arch>;
  constexpr std::size_t lanes = batch::size;
  static_assert(64 % lanes == 0, "a block is a whole number of batches");
  const batch case_bit(std::uint8_t{0x20});
  const batch high_bit(std::uint8_t{0x80});
  const batch lead_bits(std::uint8_t{0xC0});
  const auto is = [](const batch &x, char c) { return x == batch(static_cast<std::uint8_t>(c)); };
  for (std::size_t b = 0; b < blocks; ++b) {
    batch x[64 / lanes];
    for (std::size_t i = 0; i < 64 / lanes; ++i) {
      x[i] = batch::load_unaligned(in + b * 64 + i * lanes);
    }
    // One class at a time over the whole block: few vectors stay live. (Batch
    // by batch, AVX2 spilled a dozen half-block results to the stack.)
    const auto bits = [&x](auto &&of) {
      std::uint64_t mask = 0;
      for (std::size_t i = 0; i < 64 / lanes; ++i) {
        mask |= to_bits<Arch>(of(x[i]), Arch{}) << (i * lanes);
      }
      return mask;
    };
    // Stage 1's classes only, in place: the walker's fields are its own
    // (copying a whole zeroed block_masks cost ~30 instructions a block).
    block_masks &m = out[b];
    m.space = bits([&](const batch &v) { return at_most<Arch>(v, 0x20, Arch{}) | is(v, 0x7F); });
    m.newline = bits([&](const batch &v) { return is(v, '\n'); });
    m.alpha = bits([&](const batch &v) { return in_range<Arch>(v | case_bit, 'a', 26); });
    m.digit = bits([](const batch &v) { return in_range<Arch>(v, '0', 10); });
    m.hyphen = bits([&](const batch &v) { return is(v, '-'); });
    m.apos = bits([&](const batch &v) { return is(v, '\''); });
    m.period = bits([&](const batch &v) { return is(v, '.'); });
    m.sep = m.period | bits([&](const batch &v) { return is(v, ','); });
    m.ends = m.period | bits([&](const batch &v) { return is(v, '!') | is(v, '?'); });
    m.initial = bits([&](const batch &v) {
      return in_range<Arch>(v, 'A', 26) | is(v, 'a') | is(v, 'e') | is(v, 'v');
    });
    m.link = bits([&](const batch &v) { return is(v, ':') | is(v, '_') | is(v, '+'); });
    m.fallback = bits(
        [&](const batch &v) { return ((v & high_bit) == high_bit) | is(v, '@') | is(v, '#'); });
    m.lead = bits([&](const batch &v) { return (v & lead_bits) == lead_bits; });
    m.letter_leads = 0;
    if (m.lead != 0) { // a second look, only at blocks with multi-byte characters
      m.letter_leads = two_byte_letter_leads<Arch>(in + b * 64);
    }
    m.inner = 0; // classify_multibyte() adds these
    m.joiner = 0;
  }
}

/// Bandwidth reference: loads every byte once and adds the input up as
/// native 64-bit words (wrapping), then the last n % 8 bytes one by one.
struct sum_kernel {
  template <class Arch>
  std::uint64_t operator()(Arch, const std::uint8_t *in, std::size_t n) const noexcept;
};

template <class Arch>
std::uint64_t sum_kernel::operator()(Arch, const std::uint8_t *in, std::size_t n) const noexcept {
  using bytes = xsimd::batch<std::uint8_t, Arch>;
  using words = xsimd::batch<std::uint64_t, Arch>;
  constexpr std::size_t lanes = bytes::size;
  // Four independent accumulators keep the loads, not the adds, the limit.
  words acc0(std::uint64_t{0}), acc1(std::uint64_t{0}), acc2(std::uint64_t{0}),
      acc3(std::uint64_t{0});
  std::size_t i = 0;
  for (; i + 4 * lanes <= n; i += 4 * lanes) {
    acc0 += xsimd::bitwise_cast<words>(bytes::load_unaligned(in + i));
    acc1 += xsimd::bitwise_cast<words>(bytes::load_unaligned(in + i + lanes));
    acc2 += xsimd::bitwise_cast<words>(bytes::load_unaligned(in + i + 2 * lanes));
    acc3 += xsimd::bitwise_cast<words>(bytes::load_unaligned(in + i + 3 * lanes));
  }
  // Not xsimd::hadd: its AVX-512 version trips GCC 12's -Wuninitialized inside
  // the intrinsics headers.
  alignas(64) std::uint64_t lanes_out[words::size];
  ((acc0 + acc1) + (acc2 + acc3)).store_aligned(lanes_out);
  std::uint64_t total = 0;
  for (std::uint64_t lane : lanes_out) {
    total += lane;
  }
  for (; i + 8 <= n; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, in + i, 8);
    total += word;
  }
  for (; i < n; ++i) {
    total += in[i];
  }
  return total;
}

} // namespace wirespeed::tokenize_detail
