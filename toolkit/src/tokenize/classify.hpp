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

/// A set of ASCII characters with distinct low nibbles, as a table indexed
/// by the low nibble: entry n is the member whose low nibble is n, or a
/// byte whose low nibble is not n (so it equals no byte that picks it).
/// Repeated to 64 bytes, one copy per 128-bit lane of any level's shuffle.
struct nibble_set {
  alignas(64) std::uint8_t entries[64];
};
constexpr nibble_set make_nibble_set(const char *members) {
  nibble_set set{};
  for (unsigned n = 0; n < 64; ++n) {
    set.entries[n] = n % 16 == 0 ? 1 : 0;
  }
  for (const char *c = members; *c != 0; ++c) {
    for (unsigned lane = 0; lane < 64; lane += 16) {
      set.entries[lane + (static_cast<unsigned char>(*c) & 15)] = static_cast<std::uint8_t>(*c);
    }
  }
  return set;
}

/// Per byte of x, the entry of `table` (16 bytes per 128-bit lane) that the
/// byte's low nibble picks. x86 gives 0 for bytes >= 0x80, NEON their
/// nibble's entry: an ASCII member equals neither.
#if XSIMD_WITH_SSSE3
template <class A>
xsimd::batch<std::uint8_t, A> by_low_nibble(const xsimd::batch<std::uint8_t, A> &table,
                                            const xsimd::batch<std::uint8_t, A> &x,
                                            xsimd::ssse3) noexcept {
  return _mm_shuffle_epi8(table, x);
}
#endif
#if XSIMD_WITH_AVX2
template <class A>
xsimd::batch<std::uint8_t, A> by_low_nibble(const xsimd::batch<std::uint8_t, A> &table,
                                            const xsimd::batch<std::uint8_t, A> &x,
                                            xsimd::avx2) noexcept {
  return _mm256_shuffle_epi8(table, x);
}
#endif
#if XSIMD_WITH_AVX512BW
template <class A>
xsimd::batch<std::uint8_t, A> by_low_nibble(const xsimd::batch<std::uint8_t, A> &table,
                                            const xsimd::batch<std::uint8_t, A> &x,
                                            xsimd::avx512bw) noexcept {
  return _mm512_shuffle_epi8(table, x);
}
#endif
#if XSIMD_WITH_NEON64
template <class A>
xsimd::batch<std::uint8_t, A> by_low_nibble(const xsimd::batch<std::uint8_t, A> &table,
                                            const xsimd::batch<std::uint8_t, A> &x,
                                            xsimd::neon64) noexcept {
  return vqtbl1q_u8(table, vandq_u8(x, vdupq_n_u8(0x0F)));
}
#endif

/// Membership of every byte of x in a nibble_set: one shuffle and one
/// compare for the whole set, instead of a compare (and a constant
/// register) per member.
template <class A>
xsimd::batch_bool<std::uint8_t, A> in_set(const xsimd::batch<std::uint8_t, A> &x,
                                          const xsimd::batch<std::uint8_t, A> &table) noexcept {
  return by_low_nibble<A>(table, x, A{}) == x;
}

constexpr nibble_set digits = make_nibble_set("0123456789");
constexpr nibble_set sentence_ends = make_nibble_set(".!?");
constexpr nibble_set at_or_hash = make_nibble_set("@#");
/// The initials 'a', 'e', 'v' (letters) and the URL characters ':', '_',
/// '+' (not letters) in one set: the letter mask tells them apart.
constexpr nibble_set initials_and_links = make_nibble_set("aev:_+");

/// Two nibble tables whose entries, and-ed, give a byte's class bits (the
/// classes are rectangles: a set of high nibbles times a set of low ones).
struct nibble_classes {
  nibble_set by_low;
  nibble_set by_high;
};
/// Per nibble value n < 16, the class bits `of(n)` gives, in every lane.
template <class Of> constexpr nibble_set make_nibble_table(Of of) {
  nibble_set table{};
  for (unsigned n = 0; n < 64; ++n) {
    table.entries[n] = of(n % 16);
  }
  return table;
}
constexpr bool in_nibbles(unsigned n, unsigned lo, unsigned hi) {
  return lo <= n && n <= hi;
}

// Leads of two-byte characters (see two_byte_letter_leads): C4-CC, CF; D0-D4,
// DA, DC-DF; and the Arabic leads D8, D9, DB.
enum : std::uint8_t { row_c = 1, row_d = 2, lead_d8 = 4, lead_d9 = 8, lead_db = 16 };
constexpr nibble_classes two_byte_leads = {
    make_nibble_table([](unsigned n) {
      return static_cast<std::uint8_t>(
          (in_nibbles(n, 4, 0xC) || n == 0xF ? row_c : 0) |
          (in_nibbles(n, 0, 4) || n == 0xA || in_nibbles(n, 0xC, 0xF) ? row_d : 0) |
          (n == 8 ? lead_d8 : 0) | (n == 9 ? lead_d9 : 0) | (n == 0xB ? lead_db : 0));
    }),
    make_nibble_table([](unsigned n) {
      return static_cast<std::uint8_t>(n == 0xC   ? row_c
                                       : n == 0xD ? row_d | lead_d8 | lead_d9 | lead_db
                                                  : 0);
    })};
// Continuation bytes, and those that make an Arabic lead's character
// punctuation, a digit or a symbol: after D8, 86-8D, 9B and 9D-9F (U+0606-060D,
// U+061B, U+061D-061F); after D9, A0-AD (U+0660-066D); after DB, 94 and
// B0-B9 (U+06D4, U+06F0-06F9).
enum : std::uint8_t {
  not_after_d8_8x = 1,
  not_after_d8_9x = 2,
  not_after_d9 = 4,
  not_after_db_9x = 8,
  not_after_db_bx = 16,
  continuation = 32
};
constexpr nibble_classes two_byte_continuations = {
    make_nibble_table([](unsigned n) {
      return static_cast<std::uint8_t>((in_nibbles(n, 6, 0xD) ? not_after_d8_8x : 0) |
                                       (n == 0xB || in_nibbles(n, 0xD, 0xF) ? not_after_d8_9x : 0) |
                                       (in_nibbles(n, 0, 0xD) ? not_after_d9 : 0) |
                                       (n == 4 ? not_after_db_9x : 0) |
                                       (in_nibbles(n, 0, 9) ? not_after_db_bx : 0) | continuation);
    }),
    make_nibble_table([](unsigned n) {
      return static_cast<std::uint8_t>(n == 8     ? not_after_d8_8x | continuation
                                       : n == 9   ? not_after_d8_9x | not_after_db_9x | continuation
                                       : n == 0xA ? not_after_d9 | continuation
                                       : n == 0xB ? not_after_db_bx | continuation
                                                  : 0);
    })};

/// The class bits of every byte of x (split into its nibbles) in `classes`.
template <class A>
xsimd::batch<std::uint8_t, A> classes_of(const xsimd::batch<std::uint8_t, A> &low,
                                         const xsimd::batch<std::uint8_t, A> &high,
                                         const nibble_classes &classes) noexcept {
  using batch = xsimd::batch<std::uint8_t, A>;
  return by_low_nibble<A>(batch::load_aligned(classes.by_low.entries), low, A{}) &
         by_low_nibble<A>(batch::load_aligned(classes.by_high.entries), high, A{});
}

/// The leads of two-byte letters in one 64-byte block whose class shows
/// from the bytes without a table: bit i when byte i is a lead whose whole
/// row of 64 code points is letters (C4-CC, CF-D4, DA, DC-DF: Latin
/// Extended, IPA, Greek and Cyrillic, Arabic, Syriac...) or an Arabic lead
/// (D8, D9, DB) whose continuation byte i + 1 is outside that row's
/// punctuation, digits and symbols (chars.cpp's non_letters; a test checks
/// every two-byte code point against it). Never bit 63: its continuation is
/// in the next block. classify_multibyte() looks the other leads up. Each
/// byte's lead and continuation classes come from two nibble lookups each
/// (a dozen byte ranges compared one by one cost ~220 instructions a block).
template <class Arch> std::uint64_t two_byte_letter_leads(const std::uint8_t *in) noexcept {
  using batch = xsimd::batch<std::uint8_t, Arch>;
  using words = xsimd::batch<std::uint16_t, Arch>;
  constexpr std::size_t lanes = batch::size;
  const batch nibble(std::uint8_t{0x0F});
  std::uint64_t whole_rows = 0, d8 = 0, d9 = 0, db = 0, cont = 0, d8_not = 0, d9_not = 0,
                db_not = 0;
  for (std::size_t i = 0; i < 64; i += lanes) {
    const batch x = batch::load_unaligned(in + i);
    const batch low = x & nibble;
    const batch high = xsimd::bitwise_cast<batch>(xsimd::bitwise_cast<words>(x) >> 4) & nibble;
    const batch lead = classes_of<Arch>(low, high, two_byte_leads);
    const batch next = classes_of<Arch>(low, high, two_byte_continuations);
    const unsigned shift = static_cast<unsigned>(i);
    const auto bits = [shift](const batch &classes, std::uint8_t any_of) {
      return to_bits<Arch>((classes & batch(any_of)) != batch(std::uint8_t{0}), Arch{}) << shift;
    };
    whole_rows |= bits(lead, row_c | row_d);
    d8 |= bits(lead, lead_d8);
    d9 |= bits(lead, lead_d9);
    db |= bits(lead, lead_db);
    cont |= bits(next, continuation);
    d8_not |= bits(next, not_after_d8_8x | not_after_d8_9x);
    d9_not |= bits(next, not_after_d9);
    db_not |= bits(next, not_after_db_9x | not_after_db_bx);
  }
  const std::uint64_t letter_rows =
      whole_rows | (d8 & ~(d8_not >> 1)) | (d9 & ~(d9_not >> 1)) | (db & ~(db_not >> 1));
  return letter_rows & (cont >> 1);
}

/// Writes `bits`, the lanes of batch `i` of a block, into their place in
/// `mask`: one store of lanes / 8 bytes at byte i * lanes / 8. Cheaper than
/// shifting and or-ing the batches' bits together (two instructions a class
/// and batch), and each result leaves its register at once. The walker
/// reads the whole word a window of blocks later, long after the stores
/// have left the store buffer, so the narrow stores forward nothing.
/// (On the architecture, like everything here, for the ODR's sake.)
template <class Arch>
void put_lane_bits(std::uint64_t &mask, std::size_t i, std::uint64_t bits) noexcept {
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
  constexpr std::size_t bytes = xsimd::batch<std::uint8_t, Arch>::size / 8;
  std::memcpy(reinterpret_cast<unsigned char *>(&mask) + i * bytes, &bits, bytes);
}

/// Whether the 64 bytes at `in` are all ASCII: one OR of the batches and a
/// test of the sign bits.
template <class Arch> bool is_ascii_block(const std::uint8_t *in) noexcept {
  using batch = xsimd::batch<std::uint8_t, Arch>;
  batch any = batch::load_unaligned(in);
  for (std::size_t i = batch::size; i < 64; i += batch::size) {
    any |= batch::load_unaligned(in + i);
  }
  return !xsimd::any(xsimd::bitwise_cast<xsimd::batch<std::int8_t, Arch>>(any) <
                     xsimd::batch<std::int8_t, Arch>(std::int8_t{0}));
}

/// Stage 1's classes of one block, batch by batch. `Ascii`: the block has
/// no byte >= 0x80 (is_ascii_block), so the multi-byte classes are empty
/// and cost nothing; most blocks of news text are such. Inlined into the
/// kernel's loop over blocks, which then sets its constants up once (called
/// per block, it spent ~60 instructions a block broadcasting them).
template <class Arch, bool Ascii>
[[gnu::always_inline]] inline void classify_block(const std::uint8_t *in, block_masks &m) noexcept {
  using batch = xsimd::batch<std::uint8_t, Arch>;
  using bools = xsimd::batch_bool<std::uint8_t, Arch>;
  constexpr std::size_t lanes = batch::size;
  static_assert(64 % lanes == 0, "a block is a whole number of batches");
  const auto is = [](const batch &x, char c) { return x == batch(static_cast<std::uint8_t>(c)); };
  const auto table = [](const nibble_set &set) { return batch::load_aligned(set.entries); };
  const batch case_bit(std::uint8_t{0x20});
  for (std::size_t i = 0; i < 64 / lanes; ++i) {
    const batch x = batch::load_unaligned(in + i * lanes);
    const auto put = [i](std::uint64_t &mask, const bools &of) {
      put_lane_bits<Arch>(mask, i, to_bits<Arch>(of, Arch{}));
    };
    const bools period = is(x, '.');
    const bools alpha = in_range<Arch>(x | case_bit, 'a', 26);
    const bools upper = alpha & ((x & case_bit) == batch(std::uint8_t{0}));
    const bools initial_or_link = in_set<Arch>(x, table(initials_and_links));
    put(m.space, at_most<Arch>(x, 0x20, Arch{}) | is(x, 0x7F));
    put(m.newline, is(x, '\n'));
    put(m.alpha, alpha);
    put(m.digit, in_set<Arch>(x, table(digits)));
    put(m.hyphen, is(x, '-'));
    put(m.apos, is(x, '\''));
    put(m.period, period);
    put(m.sep, period | is(x, ','));
    put(m.ends, in_set<Arch>(x, table(sentence_ends)));
    put(m.initial, upper | (initial_or_link & alpha));
    put(m.link, initial_or_link & ~alpha);
    const bools at_hash = in_set<Arch>(x, table(at_or_hash));
    if constexpr (Ascii) {
      put(m.fallback, at_hash);
    } else {
      const batch high_bit(std::uint8_t{0x80});
      const batch lead_bits(std::uint8_t{0xC0});
      put(m.fallback, at_hash | ((x & high_bit) == high_bit));
      put(m.lead, (x & lead_bits) == lead_bits);
    }
  }
  m.lead = Ascii ? 0 : m.lead;
  // A second look, only at blocks with multi-byte characters.
  m.letter_leads = m.lead != 0 ? two_byte_letter_leads<Arch>(in) : 0;
  m.inner = 0; // classify_multibyte() adds these
  m.joiner = 0;
}

/// Stage 1: one block_masks per 64 input bytes. Only stage 1's classes are
/// written: the walker's fields are its own (copying a whole zeroed
/// block_masks cost ~30 instructions a block).
struct classify_kernel {
  template <class Arch>
  void operator()(Arch, const std::uint8_t *in, std::size_t blocks,
                  block_masks *out) const noexcept;
};

template <class Arch>
void classify_kernel::operator()(Arch, const std::uint8_t *in, std::size_t blocks,
                                 block_masks *out) const noexcept {
  for (std::size_t b = 0; b < blocks; ++b) {
    if (is_ascii_block<Arch>(in + b * 64)) {
      classify_block<Arch, true>(in + b * 64, out[b]);
    } else {
      classify_block<Arch, false>(in + b * 64, out[b]);
    }
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
