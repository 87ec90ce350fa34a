#pragma once
// Stage 2 of the SIMD tokenizer: walks the byte-class masks of stage 1 with
// count-trailing-zeros. Words and numbers (with two-byte letters and U+2019
// joins too) and single punctuation characters (ASCII, two-byte and E2 80 xx)
// are decided here; anything the masks cannot settle (other non-ASCII, '@',
// '#', and runs ending in a character that may extend them under the URL,
// e-mail or abbreviation rules) is handed to the reference rules at the
// token's start, so the output equals the reference by construction.
//
// Included only by the isa/tokenize_<isa>.cpp translation units, so that the
// walker's bit operations (tzcnt, blsr, popcnt) are native to each level.
// Everything here has internal linkage (an unnamed namespace): no function
// compiled with one level's flags can be picked by the linker for another
// (the ODR hazard of xsimd #1311). For the same reason it uses compiler
// builtins rather than <bit>, and reaches std containers only through
// functions compiled at baseline (token_storage, lex_one, keeps_period).
#include <array>
#include <cstddef>
#include <cstring>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

#include "tokenize/chars.hpp"
#include "tokenize/classify.hpp"
#include "tokenize/engine.hpp"

namespace wirespeed::tokenize_detail {
namespace {

unsigned trailing_zeros(std::uint64_t x) noexcept { // x != 0
  return static_cast<unsigned>(__builtin_ctzll(x));
}
/// 64 for 0, like std::countr_zero: one tzcnt where the level has BMI
/// (GCC 12 branches on zero otherwise, which put_next must not).
unsigned trailing_zeros_or_64(std::uint64_t x) noexcept {
#if defined(__BMI__)
  return static_cast<unsigned>(__builtin_ia32_tzcnt_u64(x));
#else
  return x == 0 ? 64 : trailing_zeros(x);
#endif
}
/// The same as a 64-bit value, which indexes and shifts without the
/// zero-extending move that a 32-bit result costs per use.
std::uint64_t trailing_zeros_or_64_wide(std::uint64_t x) noexcept {
#if defined(__BMI__)
  return __builtin_ia32_tzcnt_u64(x);
#else
  return trailing_zeros_or_64(x);
#endif
}
unsigned bit_count(std::uint64_t x) noexcept {
  return static_cast<unsigned>(__builtin_popcountll(x));
}
std::size_t smaller(std::size_t a, std::size_t b) noexcept {
  return a < b ? a : b;
}

// A run ends for good at these bytes: no rule lets a token continue through
// them. '.', ':', '@', '_', '+', '-' and '\'' may continue one (URLs,
// addresses, abbreviations, joins next to non-ASCII letters), so they go to
// the reference rules, as does any byte >= 0x80.
constexpr std::array<bool, 256> make_final_stops() {
  std::array<bool, 256> table{};
  for (unsigned c = 0; c < 0x80; ++c) {
    table[c] = true;
  }
  for (char c : std::string_view(".:@_+-'")) {
    table[static_cast<unsigned char>(c)] = false;
  }
  return table;
}
constexpr std::array<bool, 256> final_stops = make_final_stops();

constexpr std::size_t window_blocks = 64;

/// The masks of a sliding window of blocks, with the walker's own
/// (block_masks::run and after) derived; moves forward only.
template <class Arch> class mask_window {
public:
  mask_window(const std::uint8_t *s, std::size_t n) noexcept
      : s_(s), n_(n), blocks_((n + 63) / 64) {
    // The last, partial block as a copy padded with spaces, for the kernels
    // that read whole blocks: none reads past the input.
    std::memset(tail_, ' ', sizeof tail_);
    std::memcpy(tail_, s + n / 64 * 64, n % 64);
  }

  [[nodiscard]] std::size_t blocks() const noexcept { return blocks_; }

  /// The masks of `block`, sliding the window so that the next block's are
  /// there too (peek): a block without them leaves a run into the next one
  /// and a period in its last byte to the reference rules.
  const block_masks &at(std::size_t block) noexcept {
    if (block >= hi_ || (block + 1 == hi_ && hi_ < blocks_)) {
      refill(block);
    }
    return raw_[block - raw_lo_];
  }

  /// The input's last, partial block padded with spaces to 64 bytes.
  [[nodiscard]] const std::uint8_t *tail() const noexcept { return tail_; }

  /// The masks of `block` if already derived, else null (never refills).
  [[nodiscard]] const block_masks *peek(std::size_t block) const noexcept {
    return block >= lo_ && block < hi_ ? &raw_[block - raw_lo_] : nullptr;
  }

private:
  void refill(std::size_t block) noexcept {
    lo_ = block;
    hi_ = smaller(block + window_blocks, blocks_);
    // Classes one block either side: joins look at both neighbours.
    const std::size_t raw_lo = block == 0 ? 0 : block - 1;
    raw_lo_ = raw_lo;
    const std::size_t raw_hi = smaller(hi_ + 1, blocks_);
    const std::size_t whole = smaller(raw_hi, n_ / 64);
    if (whole > raw_lo) {
      classify_kernel{}(Arch{}, s_ + raw_lo * 64, whole - raw_lo, raw_);
    }
    if (raw_hi > whole && whole >= raw_lo) {
      classify_kernel{}(Arch{}, tail_, 1, raw_ + (whole - raw_lo)); // the last, partial block
    }
    classify_multibyte(s_, n_, raw_lo, raw_hi - raw_lo, raw_);
    for (std::size_t b = lo_; b < hi_; ++b) {
      derive(b, raw_lo, raw_hi);
    }
  }

  void derive(std::size_t b, std::size_t raw_lo, std::size_t raw_hi) noexcept {
    block_masks &cur = raw_[b - raw_lo];
    const block_masks none{};
    const block_masks &prev = b > raw_lo ? raw_[b - 1 - raw_lo] : none;
    const block_masks &next = b + 1 < raw_hi ? raw_[b + 1 - raw_lo] : none;
    const std::uint64_t alnum = cur.alpha | cur.digit;
    // Bit i of prev_x is class x at byte i-1, of next_x at byte i+1.
    const std::uint64_t prev_alpha = (cur.alpha << 1) | (prev.alpha >> 63);
    const std::uint64_t next_alpha = (cur.alpha >> 1) | (next.alpha << 63);
    const std::uint64_t prev_digit = (cur.digit << 1) | (prev.digit >> 63);
    const std::uint64_t next_digit = (cur.digit >> 1) | (next.digit << 63);
    const std::uint64_t prev_alnum = prev_alpha | prev_digit;
    const std::uint64_t next_alnum = next_alpha | next_digit;
    const std::uint64_t joined =
        (cur.hyphen & prev_alnum & next_alnum & (prev_alpha | next_alpha)) |
        (cur.apos & prev_alpha & next_alpha) | (cur.sep & prev_digit & next_digit);
    cur.run = alnum | joined | cur.joiner;
    cur.alnum = alnum;
    cur.extends = cur.period | cur.link | cur.hyphen | cur.apos;
    cur.not_last = (cur.inner >> 1) | (next.inner << 63);
  }

  const std::uint8_t *s_;
  std::size_t n_;
  std::size_t blocks_;
  std::size_t lo_ = 0;
  std::size_t hi_ = 0;
  std::size_t raw_lo_ = 0; ///< the block at raw_[0]
  std::uint8_t tail_[64];
  block_masks raw_[window_blocks + 2];
};

/// Bits `bit`..63 (none for 64).
std::uint64_t bits_from(unsigned bit) noexcept {
  return bit < 64 ? ~std::uint64_t{0} << bit : 0;
}

// Appends tokens through a copy of the storage fields (the cursor), which
// put_block() hands on by reference rather than copying out and back.
class token_writer {
public:
  /// The writer's state as plain values, for a loop to keep in registers:
  /// stores through token::flags (an unsigned char) could otherwise alias
  /// every field read through a pointer and force reloads after each token.
  struct cursor {
    token *tokens;
    std::size_t size;
    std::uint32_t *mark; ///< where the next mark goes
    std::uint32_t base;
    unsigned breaks;
  };

  token_writer(token_storage &out, std::uint32_t base, unsigned breaks) noexcept
      : out_(out), capacity_(out.capacity),
        marks_(out.marks.get()), at_{out.tokens.get(), out.size, out.marks.get() + out.marked, base,
                                     breaks} {}

  /// Room for a whole block of one-byte tokens and one scratch slot (see
  /// put_block).
  void reserve() {
    if (capacity_ - at_.size <= 64) {
      const std::size_t marked = marked_count();
      out_.size = at_.size;
      out_.marked = marked;
      out_.reserve_more(4096);
      at_.tokens = out_.tokens.get();
      capacity_ = out_.capacity;
      marks_ = out_.marks.get();
      at_.mark = marks_ + marked;
    }
  }

  /// Marks every punctuation token for segment(): off the fast path, so
  /// a superset of the sentence ends is cheaper than looking at the bytes.
  void put(std::size_t begin, std::size_t end, token_kind kind, std::uint8_t flags = 0) {
    if (at_.breaks != 0) {
      flags |= at_.breaks >= 2 ? (line_break_before | paragraph_break_before) : line_break_before;
      at_.breaks = 0;
    }
    if (kind == token_kind::punctuation || (flags & paragraph_break_before)) {
      *at_.mark++ = static_cast<std::uint32_t>(at_.size);
    }
    at_.tokens[at_.size++] = token{at_.base + static_cast<std::uint32_t>(begin),
                                   at_.base + static_cast<std::uint32_t>(end), kind, flags};
  }

  void put_invalid(std::size_t begin, std::size_t end) {
    put(begin, end, token_kind::symbol, invalid_utf8);
    out_.add_invalid(at_.base + static_cast<std::uint32_t>(begin));
  }

  void add_breaks(std::uint64_t newlines) noexcept {
    if (newlines != 0) { // rare: one test instead of a popcount per token
      at_.breaks += bit_count(newlines);
    }
  }

  unsigned &breaks() noexcept { return at_.breaks; }

  /// The state itself, for put_block() to copy into registers and back.
  cursor &position() noexcept { return at_; }

  void finish(lex_state &st) noexcept {
    out_.size = at_.size;
    out_.marked = marked_count();
    st.pending_breaks = at_.breaks;
  }

private:
  [[nodiscard]] std::size_t marked_count() const noexcept {
    return static_cast<std::size_t>(at_.mark - marks_);
  }

  token_storage &out_;
  std::size_t capacity_;
  std::uint32_t *marks_;
  cursor at_;
};

bool is_separator(std::uint8_t c) noexcept {
  return c <= 0x20 || c == 0x7F;
}

// Per first byte of a token: its kind (one-byte tokens as chars.cpp classes
// them; a run starting with a letter is a word, one starting with a digit a
// number unless a letter follows, which the walker checks; the tokens the
// walker emits from a lead byte are the multi-byte punctuation that
// classify_multibyte() settles, or words).
constexpr std::array<token_kind, 256> make_first_kinds() {
  std::array<token_kind, 256> kinds{};
  kinds.fill(token_kind::symbol);
  for (char c : ascii_punctuation) {
    kinds[static_cast<unsigned char>(c)] = token_kind::punctuation;
  }
  for (unsigned c = 0; c < 26; ++c) {
    kinds['a' + c] = kinds['A' + c] = token_kind::word;
  }
  for (unsigned c = 0; c < 10; ++c) {
    kinds['0' + c] = token_kind::number;
  }
  for (unsigned c = 0xC2; c <= 0xF4; ++c) {
    kinds[c] = token_kind::punctuation;
  }
  return kinds;
}
constexpr std::array<token_kind, 256> first_kinds = make_first_kinds();

#if !defined(__AVX2__) // else kinds_by_last() below
/// Bit `bit` of x; bit 0 for 64 (the position of an empty mask).
unsigned bit_at(std::uint64_t x, unsigned bit) noexcept {
  return static_cast<unsigned>(x >> (bit & 63)) & 1;
}

/// The kind of a token whose first byte has kind `first` and whose last byte
/// is bit `last`: a word when word_lasts has that bit. Without a branch,
/// which would mispredict at every word after a number or a punctuation mark.
token_kind kind_of(std::uint64_t word_lasts, unsigned last, token_kind first) noexcept {
  static_assert(static_cast<unsigned>(token_kind::word) == 0);
  const auto not_word = static_cast<std::uint8_t>(bit_at(word_lasts, last) - 1);
  return static_cast<token_kind>(static_cast<std::uint8_t>(first) & not_word);
}
#endif

/// Bits 0..bit-1 (all for 64): one bzhi where the level has BMI2 (GCC 12
/// tests for 64 otherwise, a branch that put_block's marks mispredicted).
std::uint64_t bits_below(unsigned bit) noexcept {
#if defined(__BMI2__)
  return __builtin_ia32_bzhi_di(~std::uint64_t{0}, bit);
#else
  return ~bits_from(bit);
#endif
}

unsigned highest_bit(std::uint64_t x) noexcept { // x != 0
  return 63 - static_cast<unsigned>(__builtin_clzll(x));
}

/// Writes a token without flags as two stores (`span`: begin in the low half,
/// end in the high half; then kind and flags with the padding) instead of one
/// per field.
void store_token(token *out, std::uint64_t span, token_kind kind) noexcept {
  static_assert(sizeof(token) == 12 && offsetof(token, end) == 4 && offsetof(token, kind) == 8 &&
                offsetof(token, flags) == 9);
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
  const std::uint32_t kind_and_flags = static_cast<std::uint8_t>(kind);
  std::memcpy(reinterpret_cast<unsigned char *>(out), &span, sizeof span);
  std::memcpy(reinterpret_cast<unsigned char *>(out) + 8, &kind_and_flags, sizeof kind_and_flags);
}

/// The tokens of one block as masks: the i-th start pairs with the i-th last.
struct block_tokens {
  std::uint64_t starts;
  std::uint64_t lasts;
  std::uint64_t word_lasts; ///< last bytes of runs that are words
  std::uint64_t run_lasts;  ///< last bytes of runs (words or numbers)
  std::uint64_t terminals;  ///< starts of the tokens that may end a sentence
  std::uint64_t newlines;   ///< line breaks from bit `first` on
  /// Where the run whose last byte in this block is bit 63 ends in the next
  /// block (region offset), or 0 when it ends at the block's end or there is
  /// no such run.
  std::size_t crossing_end;
};

/// Writes the token of the lowest start and last in `t` and drops both bits;
/// `kind_at(b, l)` gives the kind of the token from bit b to bit l.
/// `origin` is the span of an empty token at the block's first byte (see
/// store_token): adding b and l << 32 gives begin and end without a carry
/// between the halves, as offsets stay below 4 GiB. With no start left it
/// writes a token from position 64, harmlessly (kind_at takes 64 too).
template <class KindAt>
void put_next(token *out, std::uint64_t origin, const KindAt &kind_at, block_tokens &t) noexcept {
  const std::uint64_t b = trailing_zeros_or_64_wide(t.starts);
  const std::uint64_t l = trailing_zeros_or_64_wide(t.lasts);
  t.starts &= t.starts - 1;
  t.lasts &= t.lasts - 1;
  store_token(out, origin + b + (l << 32), kind_at(b, l));
}

#if defined(__AVX2__)
/// ASCII punctuation (chars.hpp) and bytes >= 0x80 by nibbles: a byte is one
/// of them when the group bits of its low and its high nibble meet. Bit 1:
/// 0x2_ punctuation, bit 2: 0x3_, bit 3: 0x5_ and 0x7_, bit 4: 0x80 and up.
/// Each table twice, once per 128-bit lane of vpshufb.
struct alignas(32) lane_table {
  std::array<std::uint8_t, 32> bytes;
  [[nodiscard]] constexpr std::uint8_t at(unsigned i) const { return bytes[i]; }
};
constexpr lane_table twice(std::array<std::uint8_t, 16> table) {
  lane_table out{};
  for (unsigned i = 0; i < 32; ++i) {
    out.bytes[i] = table[i % 16];
  }
  return out;
}
constexpr lane_table punctuation_low = twice({0x10, 0x12, 0x12, 0x10, 0x10, 0x10, 0x10, 0x12, 0x12,
                                              0x12, 0x14, 0x1C, 0x12, 0x1A, 0x12, 0x16});
constexpr lane_table punctuation_high =
    twice({0, 0, 0x02, 0x04, 0, 0x08, 0, 0x08, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10});

constexpr bool nibbles_match_first_kinds() {
  for (unsigned c = 0; c < 256; ++c) {
    const bool single =
        first_kinds[c] == token_kind::punctuation || first_kinds[c] == token_kind::symbol;
    const bool groups = (punctuation_low.at(c & 15) & punctuation_high.at(c >> 4)) != 0;
    if (single && groups != (c >= 0x80 || first_kinds[c] == token_kind::punctuation)) {
      return false;
    }
  }
  return true;
}
static_assert(nibbles_match_first_kinds());

/// For bytes_of(): byte i of the vector for half h of a mask picks byte
/// 4h + i / 8 of the mask (a shuffle stays in its 128-bit lane, so each
/// lane names its own), and `spread_select` keeps bit i % 8 of it.
constexpr lane_table make_spread_pick(unsigned half) {
  lane_table out{};
  for (unsigned i = 0; i < 32; ++i) {
    out.bytes[i] = static_cast<std::uint8_t>(4 * half + i / 8);
  }
  return out;
}
constexpr lane_table spread_picks[2] = {make_spread_pick(0), make_spread_pick(1)};
constexpr lane_table spread_select =
    twice({1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128});

__m256i load(const lane_table &table) noexcept {
  return _mm256_load_si256(reinterpret_cast<const __m256i *>(table.bytes.data()));
}

/// Bytes 0xFF where bit 32 * half + i of `bits` (broadcast to every 64-bit
/// word) is set, 0 elsewhere, for i < 32.
__m256i bytes_of(__m256i bits, unsigned half) noexcept {
  const __m256i select = load(spread_select);
  return _mm256_cmpeq_epi8(
      _mm256_and_si256(_mm256_shuffle_epi8(bits, load(spread_picks[half])), select), select);
}

/// The kind of the token whose last byte is byte i of the block, for every i
/// that is one: a word where word_lasts has the bit, else a number at the
/// last byte of a run, else one character: punctuation for ASCII
/// punctuation and for the last byte of a multi-byte character (the
/// emitted ones are punctuation), a symbol otherwise. A vector pass per
/// block instead of a byte load and a bit test per token.
void kinds_by_last(const std::uint8_t *bytes, const block_tokens &t, std::uint8_t *kinds) noexcept {
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i words = _mm256_set1_epi64x(static_cast<long long>(t.word_lasts));
  const __m256i runs = _mm256_set1_epi64x(static_cast<long long>(t.run_lasts));
  for (unsigned half = 0; half < 2; ++half) {
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(bytes + 32 * half));
    const __m256i groups =
        _mm256_and_si256(_mm256_shuffle_epi8(load(punctuation_low), _mm256_and_si256(x, nibble)),
                         _mm256_shuffle_epi8(load(punctuation_high),
                                             _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble)));
    // punctuation (2), or symbol (3) where no group matched (compare gives -1)
    __m256i kind = _mm256_sub_epi8(_mm256_set1_epi8(static_cast<char>(token_kind::punctuation)),
                                   _mm256_cmpeq_epi8(groups, _mm256_setzero_si256()));
    kind = _mm256_blendv_epi8(kind, _mm256_set1_epi8(static_cast<char>(token_kind::number)),
                              bytes_of(runs, half));
    static_assert(static_cast<unsigned>(token_kind::word) == 0);
    kind = _mm256_andnot_si256(bytes_of(words, half), kind);
    _mm256_store_si256(reinterpret_cast<__m256i *>(kinds + 32 * half), kind);
  }
}
#endif

/// Gives the tokens of a block, just written from `t` at `tokens`, their
/// line and paragraph break flags: the first takes the breaks pending before
/// the block and the newlines before it, any other the newlines between it
/// and the previous token. Returns the starts of the tokens after a
/// paragraph break; the newlines after the last token stay pending.
std::uint64_t flag_breaks(token *tokens, const block_tokens &t, unsigned &breaks) noexcept {
  std::uint64_t paragraphs = 0;
  std::uint64_t newlines = t.newlines;
  std::uint64_t ahead = t.starts; // the tokens that may still take breaks
  while (ahead != 0) {
    const unsigned b = trailing_zeros(ahead);
    breaks += bit_count(newlines & bits_below(b));
    newlines &= bits_from(b);
    if (breaks != 0) {
      const bool paragraph = breaks >= 2;
      tokens[bit_count(t.starts & bits_below(b))].flags =
          paragraph ? (line_break_before | paragraph_break_before) : line_break_before;
      paragraphs |= std::uint64_t{paragraph} << b;
      breaks = 0;
    }
    // Newlines only separate tokens: the next to take breaks follows one.
    ahead = newlines != 0 ? ahead & bits_from(trailing_zeros(newlines)) : 0;
  }
  breaks += bit_count(newlines);
  return paragraphs;
}

/// Writes the tokens of one block from its masks, count-trailing-zeros on
/// each: the emitter of every level (see emit_vbmi2.hpp for another).
struct tzcnt_emitter {
  /// Twelve tokens without a test, then four a round: a block of news text
  /// has about twelve, and a loop's exit from the first token on
  /// mispredicted in every other block (callgrind: 10% of all mispredicts
  /// fewer with the twelve). Writes up to eleven tokens past the last:
  /// scratch slots, as reserve() leaves room for 64, and neither twelve nor
  /// the count rounded up to four is more. `at` is the stream offset of
  /// bytes[0], the block's first byte; all 64 bytes are readable.
  static void put(token *out, std::uint32_t at, const std::uint8_t *bytes,
                  block_tokens t) noexcept {
#if defined(__AVX2__)
    alignas(32) std::uint8_t kinds[65]; // [64]: the empty token's
    kinds_by_last(bytes, t, kinds);
    kinds[64] = 0;
    const auto kind_at = [&kinds](std::uint64_t, std::uint64_t l) {
      return static_cast<token_kind>(kinds[l]);
    };
#else
    // The first byte tells, unless the token is a run with a letter.
    const std::uint64_t word_lasts = t.word_lasts;
    const auto kind_at = [bytes, word_lasts](std::uint64_t b, std::uint64_t l) {
      return kind_of(word_lasts, static_cast<unsigned>(l), first_kinds[bytes[b & 63]]);
    };
#endif
    const std::uint64_t span = at | (std::uint64_t{at + 1} << 32);
    const unsigned count = bit_count(t.starts);
    for (unsigned i = 0; i < 12; ++i) {
      put_next(out + i, span, kind_at, t);
    }
    for (unsigned i = 12; i < count; i += 4) {
      put_next(out + i, span, kind_at, t);
      put_next(out + i + 1, span, kind_at, t);
      put_next(out + i + 2, span, kind_at, t);
      put_next(out + i + 3, span, kind_at, t);
    }
  }
};

/// Appends the tokens of the block at s[origin] (`bytes`: its 64 bytes, or a
/// padded copy of the input's last ones). Not inlined: on its own the
/// loop keeps every value in a register (inside lex_block it spilled).
/// The masks come by reference: built field by field and passed by value,
/// they were copied with 16-byte loads that missed store forwarding.
template <class Emitter>
[[gnu::noinline]] void put_block(token_writer::cursor &cursor, const std::uint8_t *bytes,
                                 std::size_t origin, const block_tokens &masks) noexcept {
  token_writer::cursor w = cursor;
  token *out = w.tokens + w.size;
  Emitter::put(out, w.base + static_cast<std::uint32_t>(origin), bytes, masks);
  // A run going on into the next block has its last byte here at bit 63:
  // its token takes the end found there. Without one, the store goes to the
  // scratch slot after the last token (reserve() leaves room for it), so no
  // branch mispredicts on the three blocks in four that end inside a word.
  const unsigned count = bit_count(masks.starts);
  out[count - (masks.crossing_end != 0)].end =
      w.base + static_cast<std::uint32_t>(masks.crossing_end);
  // segment() looks at the marked tokens only: sentence candidates and
  // paragraph starts, each marked with its index (the tokens before it).
  std::uint64_t marked = masks.terminals;
  if ((masks.newlines | w.breaks) != 0) { // the blocks with line breaks
    marked |= flag_breaks(out, masks, w.breaks);
  }
  // The first mark is written always and kept when there is one: most
  // blocks have none or one, which a loop's first test would mispredict.
  *w.mark = static_cast<std::uint32_t>(
      w.size + bit_count(masks.starts & bits_below(trailing_zeros_or_64(marked))));
  w.mark += marked != 0;
  for (marked &= marked - 1; marked != 0; marked &= marked - 1) {
    const std::uint64_t before = masks.starts & bits_below(trailing_zeros(marked));
    *w.mark++ = static_cast<std::uint32_t>(w.size + bit_count(before));
  }
  w.size += count;
  cursor = w;
}

/**
 * All the tokens of one block that start at or after bit `first`, lie wholly
 * before the first byte only the reference rules can settle, and end inside
 * the block. Token starts and last bytes are computed as two masks for the
 * whole block, so the loop pairs the i-th start with the i-th last byte: two
 * count-trailing-zeros per token and no branch on what the token is.
 * `tail` is mask_window::tail(). Returns the position where the
 * token-at-a-time loop has to take over.
 */
template <class Emitter>
std::size_t lex_block(const block_masks &m, const block_masks *next, std::size_t block,
                      unsigned first, const std::uint8_t *s, std::size_t n,
                      const std::uint8_t *tail, token_writer &writer) {
  const std::size_t origin = block * 64;
  const std::uint64_t first_bit = std::uint64_t{1} << first;
  if (m.fallback & first_bit) {
    return origin + first; // non-ASCII text: straight to the reference rules
  }
  if (m.run & ~m.alnum & first_bit) {
    return origin + first; // a joiner right after a reference token: punctuation
  }
  const std::uint64_t from = bits_from(first);
  // Stop at the first fallback byte and at the end of the input.
  unsigned limit = trailing_zeros_or_64(m.fallback & from);
  if (n - origin < limit) {
    limit = static_cast<unsigned>(n - origin);
  }
  const std::uint64_t below_limit = bits_below(limit);
  const std::uint64_t run = m.run & from & below_limit;
  // Runs start where the previous byte is no run byte (`first` always starts
  // a token) and end where the next one is none; every other byte that is
  // not space is a one-byte token.
  const std::uint64_t run_starts = run & ~((run << 1) & ~first_bit);
  const std::uint64_t run_lasts = run & ~(run >> 1);
  // Multi-byte punctuation is a single too: it starts at its first byte and
  // ends at its last.
  const std::uint64_t singles = ~m.space & ~m.run & from & below_limit;

  // A run is settled by the byte after it unless that byte may extend it
  // (a fallback byte, or one of . : _ + - '). Those extend nothing when
  // followed by an ASCII separator: no e-mail address, URL or join goes on
  // (a region's end reads as a separator: stage 1 pads with spaces). A period
  // followed by a byte that continues no address, URL, initialism or number
  // (not a letter, digit, fallback byte or one of . : _ + - ') can only make
  // an abbreviation, decided below. For the block's last byte the next
  // block's first tells (the end of the input reads as a separator); without
  // its masks the byte stays open.
  const std::size_t after = origin + 64;
  const std::uint64_t last_bit = std::uint64_t{1} << 63;
  std::uint64_t continues_after_last = after < n ? last_bit : 0;
  std::uint64_t space_after_last = after < n ? 0 : last_bit;
  if (next != nullptr) {
    continues_after_last = (next->alnum | next->extends | next->fallback) << 63;
    space_after_last = next->space << 63;
  }
  const std::uint64_t lone_periods =
      m.period & ~(((m.alnum | m.extends | m.fallback) >> 1) | continues_after_last);
  const std::uint64_t inert =
      (m.extends & ~m.period & ((m.space >> 1) | space_after_last)) | lone_periods;
  std::uint64_t unsettled = ((run_lasts << 1) & (m.fallback | (m.extends & ~inert))) >> 1;
  // A run reaching the block's end is settled by the next block's masks:
  // it ends there (before a byte that ends runs for good) or goes on. One
  // that ends in the next block is emitted with this block's tokens, then
  // given its end (put_block); a letter there makes it a word.
  std::size_t crossing_end = 0; // where a run into the next block ends, when settled
  std::uint64_t crossing_letters = 0;
  const std::uint64_t crossing = run_lasts & last_bit;
  if (after < n) { // else the run ends with the input
    if (next == nullptr) {
      unsettled |= crossing; // no masks for the next block: the reference rules decide
    } else {
      // Worked out for every block, in arithmetic rather than branches:
      // whether a word runs into the next block is anyone's guess, and a
      // test on it mispredicted in one block in four. The run ends at
      // `end` when that byte is inside the input and ends runs for good.
      const unsigned e = trailing_zeros_or_64(~next->run);
      const std::size_t end = after + e;
      const std::uint64_t inside = std::uint64_t{end < n} & std::uint64_t{e < 64};
      const std::uint8_t stop = s[end < n ? end : after];
      std::uint64_t ends = inside & final_stops[stop];
      // A period before a separator (or the input's end) ends the run too,
      // unless the abbreviation rule keeps it, as in the token loop. Rare
      // enough (one block in twenty) for a branch, but only on one value:
      // a test of `crossing` on its own mispredicted in one block in four.
      const std::uint64_t crossing_period = (crossing >> 63) & inside & std::uint64_t{stop == '.'};
      if (crossing_period != 0 && (end + 1 == n || is_separator(s[end + 1]))) {
        ends = !keeps_period(s, origin + highest_bit(run_starts), end);
      }
      unsettled |= crossing & (ends - 1);
      const std::uint64_t taken = (crossing >> 63) & ends & std::uint64_t{e != 0};
      crossing_end = end & (0 - taken);
      crossing_letters = crossing & (0 - std::uint64_t{(next->alpha & bits_below(e)) != 0});
    }
  }
  unsigned stop_at = limit;
  if (unsettled != 0) { // the reference rules take over at the start of that run
    stop_at = highest_bit(run_starts & bits_below(trailing_zeros(unsettled) + 1));
    crossing_end = 0; // the crossing run, after it, is the reference rules' too
  }
  const std::uint64_t single_starts = singles & ~m.inner;
  if ((singles & m.not_last) >> 63) {
    // Punctuation that ends in the next block: the token loop emits it.
    const unsigned open = highest_bit(single_starts);
    stop_at = open < stop_at ? open : stop_at;
  }
  const std::uint64_t before_stop = bits_below(stop_at);
  std::uint64_t starts = (run_starts | single_starts) & before_stop;
  std::uint64_t lasts = (run_lasts | (singles & ~m.not_last)) & before_stop;

  // Runs without letters are numbers. Adding a run's start bit to its
  // non-letter bytes carries through the run when it has no letter, setting
  // the bit just after it (outside the run, or the carry out of bit 63); a
  // letter stops the carry inside.
  std::uint64_t carried;
  const bool carry_out = __builtin_add_overflow(run & ~m.alpha, run_starts & m.digit, &carried);
  const std::uint64_t number_lasts = ((carried & ~run) >> 1) | (std::uint64_t{carry_out} << 63);
  std::uint64_t word_lasts = (run_lasts & ~number_lasts) | crossing_letters;

  // "Mr." and the like keep their period: the run's last byte moves onto it.
  // Only a run of one to six bytes whose first is an initial can (see
  // keeps_period), which rules out most words before a full stop with masks
  // instead of a call: then the loop is mostly not entered, a branch that
  // mispredicted in one block in two. Adding the starts of the other runs
  // carries through each of them to the byte after it; seven run bytes in
  // a row end at bit i of `seven`.
  const std::uint64_t after_other_starts = (run + (run_starts & ~m.initial)) & ~run;
  const std::uint64_t two = run & (run << 1);
  const std::uint64_t four = two & (two << 2);
  const std::uint64_t seven = four & (four << 3);
  const std::uint64_t candidates =
      (run_lasts << 1) & lone_periods & before_stop & ~after_other_starts & ~(seven << 1);
  for (std::uint64_t periods = candidates; periods != 0; periods &= periods - 1) {
    const unsigned dot = trailing_zeros(periods);
    if (keeps_period(s, origin + highest_bit(run_starts & bits_below(dot)), origin + dot)) {
      const std::uint64_t dot_bit = std::uint64_t{1} << dot;
      starts &= ~dot_bit;
      lasts &= ~(dot_bit >> 1);
      word_lasts |= dot_bit;
    }
  }

  // Terminals: . ! ? and multi-byte punctuation (segment() tells which ends).
  put_block<Emitter>(writer.position(), n - origin >= 64 ? s + origin : tail, origin,
                     {starts, lasts, word_lasts, run_lasts,
                      starts & single_starts & (m.ends | m.lead), m.newline & from & before_stop,
                      crossing_end});
  return crossing_end != 0 ? crossing_end : origin + stop_at;
}

/// lex_reference's output, computed from the masks of stage 1 for `Arch`.
template <class Arch, class Emitter = tzcnt_emitter>
void lex_masks(Arch, lex_state &st, const std::uint8_t *s, std::size_t n, std::uint32_t base,
               token_storage &out, Emitter = {}) {
  mask_window<Arch> window(s, n);
  token_writer w(out, base, st.pending_breaks);
  std::size_t pos = 0;
  while (pos < n) {
    w.reserve();
    // Skip separators, counting line breaks.
    std::size_t block = pos / 64;
    std::uint64_t from = bits_from(pos % 64);
    const block_masks *m = &window.at(block);
    std::uint64_t start = ~m->space & from;
    while (start == 0) {
      w.add_breaks(m->newline & from);
      if (++block == window.blocks()) {
        pos = n;
        break;
      }
      m = &window.at(block);
      from = ~std::uint64_t{0};
      start = ~m->space;
    }
    if (start == 0) {
      break;
    }
    const unsigned bit = trailing_zeros(start);
    const std::uint64_t here = std::uint64_t{1} << bit;
    w.add_breaks(m->newline & from & (here - 1));
    pos = block * 64 + bit;
    if (pos >= n) {
      break;
    }
    if (const std::size_t next =
            lex_block<Emitter>(*m, window.peek(block + 1), block, bit, s, n, window.tail(), w);
        next != pos) {
      pos = next;
      continue;
    }

    if (m->alnum & here) {
      // A word or number: the first byte outside the run ends it. (A joiner
      // can only continue a run: after a token the reference rules ended, it
      // is punctuation of its own.) (x & -x) - 1 keeps the bits below the
      // lowest set bit: all of them when x is 0.
      std::uint64_t stop = ~m->run & bits_from(bit);
      std::uint64_t letters = m->alpha & bits_from(bit) & ((stop & (0 - stop)) - 1);
      std::size_t end_block = block;
      while (stop == 0 && ++end_block < window.blocks()) {
        const block_masks &e = window.at(end_block);
        stop = ~e.run;
        letters |= e.alpha & ((stop & (0 - stop)) - 1);
      }
      const std::size_t end =
          stop == 0 ? n : smaller(n, end_block * 64 + std::size_t{trailing_zeros(stop)});
      const token_kind kind = letters != 0 ? token_kind::word : token_kind::number;
      if (end == n || final_stops[s[end]]) {
        w.put(pos, end, kind);
        pos = end;
        continue;
      }
      if (s[end] == '.' && (end + 1 == n || is_separator(s[end + 1]))) {
        // A period before a separator: no URL, address or initialism can
        // follow, so only the abbreviation rule decides.
        if (keeps_period(s, pos, end)) {
          w.put(pos, end + 1, token_kind::word);
        } else {
          w.put(pos, end, kind);
          w.put(end, end + 1, token_kind::punctuation);
        }
        pos = end + 1;
        continue;
      }
    } else if (!(m->fallback & here) && s[pos] < 0x80) {
      w.put(pos, pos + 1, first_kinds[s[pos]]);
      ++pos;
      continue;
    } else if (const std::size_t after = skip_space(s, n, pos, w.breaks()); after != pos) {
      pos = after; // Unicode spaces
      continue;
    }
    const lexed t = lex_one(s, n, pos);
    if (t.invalid) {
      w.put_invalid(pos, t.end);
    } else {
      w.put(pos, t.end, t.kind);
    }
    pos = t.end;
  }
  w.finish(st);
}

} // namespace
} // namespace wirespeed::tokenize_detail
