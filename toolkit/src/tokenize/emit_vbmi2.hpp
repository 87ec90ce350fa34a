#pragma once
// A token emitter for the AVX-512BW kernel on CPUs with AVX-512 VBMI and
// VBMI2 (Ice Lake, Zen 4 and later): a block's tokens from its masks without
// a count-trailing-zeros per token. vpcompressb packs the positions of the
// set bits of the start and last-byte masks into consecutive bytes, vpermb
// fetches each token's first byte, a 128-entry vpermi2b table gives the kinds;
// then, sixteen tokens at a time, three permutes interleave begins, ends and
// kinds into the 12-byte tokens.
//
// VBMI and VBMI2 are not part of the avx512bw level (Skylake-X lacks them):
// only this function is compiled for them, and the avx512bw kernel calls it
// only where the CPU has them (isa/tokenize_avx512bw.cpp). Included by that
// translation unit alone, after lex_masks.hpp; internal linkage, as there.
#include "tokenize/lex_masks.hpp"

#if XSIMD_WITH_AVX512BW
namespace wirespeed::tokenize_detail {
namespace {

// GCC 12 reports the _mm512_undefined_epi32() inside its own intrinsics as
// uninitialised (as for xsimd's hadd, see sum_kernel in classify.hpp).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

struct byte_table {
  alignas(64) std::uint8_t bytes[128];
};

constexpr byte_table make_ascii_kinds() {
  byte_table table{};
  for (unsigned c = 0; c < 128; ++c) {
    table.bytes[c] = static_cast<std::uint8_t>(first_kinds[c]);
  }
  return table;
}
constexpr byte_table ascii_kinds = make_ascii_kinds();

constexpr byte_table make_positions() {
  byte_table table{};
  for (unsigned i = 0; i < 64; ++i) {
    table.bytes[i] = static_cast<std::uint8_t>(i);
  }
  return table;
}
constexpr byte_table positions = make_positions();

// Token t of a group of 16 fills dwords 3t (begin), 3t + 1 (end) and 3t + 2
// (kind, with zero flags and padding) of the group's three vectors.
// from_pair picks begin t as index t and end t as 16 + t; the kind slots
// (kind_slots) take kind t in a second, masked permute (from_kinds).
struct group_layout {
  alignas(64) std::int32_t from_pair[3][16];
  alignas(64) std::int32_t from_kinds[3][16];
  std::uint16_t kind_slots[3];
};

constexpr group_layout make_group_layout() {
  group_layout layout{};
  for (unsigned v = 0; v < 3; ++v) {
    for (unsigned d = 0; d < 16; ++d) {
      const unsigned dword = 16 * v + d;
      const auto token = static_cast<std::int32_t>(dword / 3);
      switch (dword % 3) {
      case 0:
        layout.from_pair[v][d] = token;
        break;
      case 1:
        layout.from_pair[v][d] = 16 + token;
        break;
      default:
        layout.from_kinds[v][d] = token;
        layout.kind_slots[v] = static_cast<std::uint16_t>(layout.kind_slots[v] | (1u << d));
      }
    }
  }
  return layout;
}
constexpr group_layout layout = make_group_layout();

/// Writes tokens 16 * G .. 16 * G + 15 from the byte vectors of positions
/// (first and last bytes) and kinds.
template <int G>
[[gnu::target("avx512vbmi,avx512vbmi2"), gnu::always_inline]] inline void
put_group(token *out, std::uint32_t at, __m512i firsts, __m512i lasts, __m512i kinds) noexcept {
  const __m512i begin = _mm512_add_epi32(_mm512_cvtepu8_epi32(_mm512_extracti32x4_epi32(firsts, G)),
                                         _mm512_set1_epi32(static_cast<int>(at)));
  const __m512i end = _mm512_add_epi32(_mm512_cvtepu8_epi32(_mm512_extracti32x4_epi32(lasts, G)),
                                       _mm512_set1_epi32(static_cast<int>(at + 1)));
  const __m512i kind = _mm512_cvtepu8_epi32(_mm512_extracti32x4_epi32(kinds, G));
  auto *dst = reinterpret_cast<unsigned char *>(out + 16 * G);
  for (unsigned v = 0; v < 3; ++v) {
    const __m512i pair =
        _mm512_permutex2var_epi32(begin, _mm512_load_si512(layout.from_pair[v]), end);
    const __m512i whole = _mm512_mask_permutexvar_epi32(
        pair, layout.kind_slots[v], _mm512_load_si512(layout.from_kinds[v]), kind);
    _mm512_storeu_si512(dst + 64 * v, whole);
  }
}

struct compress_emitter {
  /// tzcnt_emitter::put's contract, writing whole groups of 16 tokens: up to
  /// 15 scratch slots past the last, within the 64 that reserve() leaves.
  [[gnu::target("avx512vbmi,avx512vbmi2"), gnu::noinline]] static void
  put(token *out, std::uint32_t at, const std::uint8_t *bytes, block_tokens t) noexcept {
    const __m512i lane = _mm512_load_si512(positions.bytes);
    const __m512i firsts = _mm512_maskz_compress_epi8(t.starts, lane);
    const __m512i lasts = _mm512_maskz_compress_epi8(t.lasts, lane);
    // A masked load reads only the start bytes: none past the input's end.
    const __m512i first_bytes =
        _mm512_permutexvar_epi8(firsts, _mm512_maskz_loadu_epi8(t.starts, bytes));
    // ASCII through the table (its index is the low seven bits); a lead
    // byte starts multi-byte punctuation; a run is a word by its last byte.
    __m512i kinds = _mm512_permutex2var_epi8(_mm512_load_si512(ascii_kinds.bytes), first_bytes,
                                             _mm512_load_si512(ascii_kinds.bytes + 64));
    kinds = _mm512_mask_mov_epi8(kinds, _mm512_movepi8_mask(first_bytes),
                                 _mm512_set1_epi8(static_cast<char>(token_kind::punctuation)));
    kinds = _mm512_maskz_mov_epi8(~_pext_u64(t.word_lasts, t.lasts), kinds);
    const unsigned count = bit_count(t.starts);
    put_group<0>(out, at, firsts, lasts, kinds);
    if (count > 16) {
      put_group<1>(out, at, firsts, lasts, kinds);
    }
    if (count > 32) {
      put_group<2>(out, at, firsts, lasts, kinds);
    }
    if (count > 48) {
      put_group<3>(out, at, firsts, lasts, kinds);
    }
  }
};

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

} // namespace
} // namespace wirespeed::tokenize_detail
#endif
