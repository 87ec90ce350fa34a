#pragma once
// Per-ISA kernel table of the tokenizer (internal; tests and benchmarks use
// kernels_for() to run every level the machine offers). No xsimd here: this
// header is included by baseline-compiled code.
#include <cstddef>
#include <cstdint>

#include <string_view>

#include "wirespeed/cpu.hpp"
#include "wirespeed/tokenize.hpp"

namespace wirespeed::tokenize_detail {

/// Byte classes of one 64-byte block, bit i = byte i. Stage 1 (SIMD) fills
/// these, classify_multibyte() settles the common multi-byte characters, and
/// stage 2 (lex_masks.hpp) walks them with count-trailing-zeros.
struct block_masks {
  std::uint64_t space;        ///< 0x00..0x20 and 0x7F: separators (ASCII spaces and controls)
  std::uint64_t newline;      ///< '\n'
  std::uint64_t alpha;        ///< A-Z a-z
  std::uint64_t digit;        ///< 0-9
  std::uint64_t hyphen;       ///< '-'
  std::uint64_t apos;         ///< '\''
  std::uint64_t sep;          ///< ',' or '.'
  std::uint64_t fallback;     ///< >= 0x80, '@', '#': the reference lexer decides
  std::uint64_t period;       ///< '.'
  std::uint64_t link;         ///< ':', '_', '+': may continue a URL or an e-mail address
  std::uint64_t lead;         ///< >= 0xC0: a byte that may start a multi-byte character
  std::uint64_t letter_leads; ///< some leads of two-byte letters (two_byte_letter_leads())
  std::uint64_t ends;         ///< '.', '!' or '?': punctuation that may end a sentence
  std::uint64_t initial; ///< A-Z, 'a', 'e', 'v': first letters of the words keeps_period() keeps
  // Set by classify_multibyte() only: the multi-byte characters it settles
  // leave `fallback`; two-byte letters join `alpha`, Unicode spaces `space`.
  std::uint64_t inner;  ///< bytes after the first of a multi-byte punctuation character
  std::uint64_t joiner; ///< U+2019 between two letters: inside the word, like '\''
  // Set by the mask walker (lex_masks.hpp) from the classes above, its
  // neighbours' included, before it walks the block.
  std::uint64_t run;      ///< letters, digits and the joiners that the rules keep inside a run
  std::uint64_t alnum;    ///< alpha | digit
  std::uint64_t extends;  ///< . : _ + - ' (bytes that may extend a token past a run)
  std::uint64_t not_last; ///< bytes before the last of a multi-byte punctuation token
};

/// Stage 1b (scalar, baseline): moves the bytes of two-byte letters, spaces
/// and punctuation, and of E2 80 xx spaces and punctuation (curly quotes,
/// dashes, ellipsis), out of `fallback` in the masks of `blocks` blocks
/// starting at block `first_block` of s[0, n). U+0085, U+2028 and U+2029
/// (line breaks), digits, symbols and U+2019 next to a character whose class
/// needs a full decode stay in `fallback` for the reference rules. Bytes of a
/// character that starts before the first block are left as they are.
void classify_multibyte(const std::uint8_t *s, std::size_t n, std::size_t first_block,
                        std::size_t blocks, block_masks *masks) noexcept;

/// Classifies `blocks` whole 64-byte blocks of `in` (no padding read).
using classify_fn = void (*)(const std::uint8_t *in, std::size_t blocks, block_masks *out) noexcept;
/// The bandwidth reference for benchmarks (load + add only): the input as
/// native 64-bit words added up (wrapping), plus the last n % 8 bytes.
using sum_bytes_fn = std::uint64_t (*)(const std::uint8_t *in, std::size_t n) noexcept;

struct lex_state;
struct token_storage;
/// Both stages over one region (see lex_reference in engine.hpp for the
/// contract): compiled per ISA, so stage 2's bit operations are native too.
using lex_fn = void (*)(lex_state &st, const std::uint8_t *s, std::size_t n, std::uint32_t base,
                        token_storage &out);

struct kernels {
  cpu::isa level;
  classify_fn classify;   ///< null for scalar: the reference lexer runs instead
  lex_fn lex;             ///< null for scalar, like classify
  sum_bytes_fn sum_bytes; ///< always set
};

/// The table for `level`, or null when it is not compiled in or this CPU
/// lacks it. kernels_for(cpu::isa::scalar) is never null.
[[nodiscard]] const kernels *kernels_for(cpu::isa level) noexcept;

/// tokenize() with the given level's kernels instead of the active level's.
[[nodiscard]] tokenize_status tokenize_with(const kernels &k, std::string_view text,
                                            token_buffer &out) noexcept;

#if defined(WIRESPEED_HAVE_SSE4_2)
namespace isa_sse4_2 {
extern const kernels table;
}
#endif
#if defined(WIRESPEED_HAVE_AVX2)
namespace isa_avx2 {
extern const kernels table;
}
#endif
#if defined(WIRESPEED_HAVE_AVX512BW)
namespace isa_avx512bw {
extern const kernels table;
}
#endif
#if defined(WIRESPEED_HAVE_NEON64)
namespace isa_neon64 {
extern const kernels table;
}
#endif

} // namespace wirespeed::tokenize_detail
