#pragma once
// Stage 2 of the SIMD tokenizer: walks the byte-class masks of stage 1 with
// count-trailing-zeros. Plain ASCII words, numbers and single punctuation
// characters are decided here; anything the masks cannot settle (non-ASCII,
// '@', '#', and runs ending in a character that may extend them under the
// URL, e-mail or abbreviation rules) is handed to the reference rules at the
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
#include <cstring>

#include "tokenize/chars.hpp"
#include "tokenize/classify.hpp"
#include "tokenize/engine.hpp"

namespace wirespeed::tokenize_detail {
namespace {

unsigned trailing_zeros(std::uint64_t x) noexcept { // x != 0
  return static_cast<unsigned>(__builtin_ctzll(x));
}
/// 64 for 0, like std::countr_zero.
unsigned trailing_zeros_or_64(std::uint64_t x) noexcept {
  return x == 0 ? 64 : trailing_zeros(x);
}
unsigned bit_count(std::uint64_t x) noexcept {
  return static_cast<unsigned>(__builtin_popcountll(x));
}
std::size_t smaller(std::size_t a, std::size_t b) noexcept {
  return a < b ? a : b;
}

/// Per block: where tokens may start and how far a word or number runs.
struct derived {
  std::uint64_t space;
  std::uint64_t newline;
  std::uint64_t run; ///< letters, digits and the joiners that the rules keep inside a run
  std::uint64_t alnum;
  std::uint64_t alpha;
  std::uint64_t digit;
  std::uint64_t fallback;
};

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

/// Derived masks for a sliding window of blocks; moves forward only.
template <class Arch> class mask_window {
public:
  mask_window(const std::uint8_t *s, std::size_t n) noexcept
      : s_(s), n_(n), blocks_((n + 63) / 64) {}

  [[nodiscard]] std::size_t blocks() const noexcept { return blocks_; }

  const derived &at(std::size_t block) noexcept {
    if (block >= hi_) {
      refill(block);
    }
    return derived_[block - lo_];
  }

  /// The masks of `block` if already derived, else null (never refills).
  [[nodiscard]] const derived *peek(std::size_t block) const noexcept {
    return block >= lo_ && block < hi_ ? &derived_[block - lo_] : nullptr;
  }

private:
  void refill(std::size_t block) noexcept {
    lo_ = block;
    hi_ = smaller(block + window_blocks, blocks_);
    // Raw classes one block either side: joins look at both neighbours.
    const std::size_t raw_lo = block == 0 ? 0 : block - 1;
    const std::size_t raw_hi = smaller(hi_ + 1, blocks_);
    const std::size_t whole = smaller(raw_hi, n_ / 64);
    if (whole > raw_lo) {
      classify_kernel{}(Arch{}, s_ + raw_lo * 64, whole - raw_lo, raw_);
    }
    if (raw_hi > whole && whole >= raw_lo) {
      // The last, partial block: classify a copy padded with spaces rather
      // than read past the input.
      std::uint8_t tail[64];
      std::memset(tail, ' ', sizeof tail);
      std::memcpy(tail, s_ + whole * 64, n_ - whole * 64);
      classify_kernel{}(Arch{}, tail, 1, raw_ + (whole - raw_lo));
    }
    for (std::size_t b = lo_; b < hi_; ++b) {
      derive(b, raw_lo, raw_hi);
    }
  }

  void derive(std::size_t b, std::size_t raw_lo, std::size_t raw_hi) noexcept {
    const block_masks &cur = raw_[b - raw_lo];
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
    derived_[b - lo_] = {cur.space, cur.newline, alnum | joined, alnum,
                         cur.alpha, cur.digit,   cur.fallback};
  }

  const std::uint8_t *s_;
  std::size_t n_;
  std::size_t blocks_;
  std::size_t lo_ = 0;
  std::size_t hi_ = 0;
  block_masks raw_[window_blocks + 2];
  derived derived_[window_blocks];
};

/// Bits `bit`..63 (none for 64).
std::uint64_t bits_from(unsigned bit) noexcept {
  return bit < 64 ? ~std::uint64_t{0} << bit : 0;
}

// Appends tokens through local copies of the storage fields, which the
// compiler can keep in registers across the loop.
class token_writer {
public:
  token_writer(token_storage &out, std::uint32_t base, unsigned breaks) noexcept
      : out_(out), base_(base), breaks_(breaks), tokens_(out.tokens.get()), size_(out.size),
        capacity_(out.capacity), marks_(out.marks.get()), marked_(out.marked) {}

  /// Room for a whole block of one-byte tokens.
  void reserve() {
    if (capacity_ - size_ < 64) {
      out_.size = size_;
      out_.marked = marked_;
      out_.reserve_more(4096);
      tokens_ = out_.tokens.get();
      capacity_ = out_.capacity;
      marks_ = out_.marks.get();
    }
  }

  /// Marks every punctuation token for segment(): off the fast path, so
  /// a superset of the sentence ends is cheaper than looking at the bytes.
  void put(std::size_t begin, std::size_t end, token_kind kind, std::uint8_t flags = 0) {
    if (breaks_ != 0) {
      flags |= breaks_ >= 2 ? (line_break_before | paragraph_break_before) : line_break_before;
      breaks_ = 0;
    }
    if (kind == token_kind::punctuation || (flags & paragraph_break_before)) {
      marks_[marked_++] = static_cast<std::uint32_t>(size_);
    }
    tokens_[size_++] = token{base_ + static_cast<std::uint32_t>(begin),
                             base_ + static_cast<std::uint32_t>(end), kind, flags};
  }

  void put_invalid(std::size_t begin, std::size_t end) {
    put(begin, end, token_kind::symbol, invalid_utf8);
    out_.add_invalid(base_ + static_cast<std::uint32_t>(begin));
  }

  void add_breaks(std::uint64_t newlines) noexcept {
    if (newlines != 0) { // rare: one test instead of a popcount per token
      breaks_ += bit_count(newlines);
    }
  }

  unsigned &breaks() noexcept { return breaks_; }

  /// The writer's state as plain values, for a loop to keep in registers:
  /// stores through token::flags (an unsigned char) could otherwise alias
  /// every field read through `this` and force reloads after each token.
  struct cursor {
    token *next;
    std::uint32_t *mark;
    const token *first;
    std::uint32_t base;
    unsigned breaks;

    /// `candidate`: the token may end a sentence. The mark is written
    /// always and kept only for candidates (no branch per token).
    void put(std::size_t begin, std::size_t end, token_kind kind, bool candidate) noexcept {
      std::uint8_t flags = 0;
      if (breaks != 0) {
        flags = breaks >= 2 ? (line_break_before | paragraph_break_before) : line_break_before;
        candidate |= breaks >= 2;
        breaks = 0;
      }
      *mark = static_cast<std::uint32_t>(next - first);
      mark += candidate;
      *next++ = token{base + static_cast<std::uint32_t>(begin),
                      base + static_cast<std::uint32_t>(end), kind, flags};
    }
    void add_breaks(std::uint64_t newlines) noexcept {
      if (newlines != 0) {
        breaks += bit_count(newlines);
      }
    }
  };
  [[nodiscard]] cursor take() const noexcept {
    return {tokens_ + size_, marks_ + marked_, tokens_, base_, breaks_};
  }
  void give(const cursor &c) noexcept {
    size_ = static_cast<std::size_t>(c.next - tokens_);
    marked_ = static_cast<std::size_t>(c.mark - marks_);
    breaks_ = c.breaks;
  }

  void finish(lex_state &st) noexcept {
    out_.size = size_;
    out_.marked = marked_;
    st.pending_breaks = breaks_;
  }

private:
  token_storage &out_;
  std::uint32_t base_;
  unsigned breaks_;
  token *tokens_;
  std::size_t size_;
  std::size_t capacity_;
  std::uint32_t *marks_;
  std::size_t marked_;
};

bool is_separator(std::uint8_t c) noexcept {
  return c <= 0x20 || c == 0x7F;
}

// Kinds of one-byte ASCII tokens (as chars.cpp classes them).
constexpr std::array<token_kind, 256> make_single_kinds() {
  std::array<token_kind, 256> kinds{};
  kinds.fill(token_kind::symbol);
  for (char c : ascii_punctuation) {
    kinds[static_cast<unsigned char>(c)] = token_kind::punctuation;
  }
  return kinds;
}
constexpr std::array<token_kind, 256> single_kinds = make_single_kinds();

// One-byte tokens that may end a sentence (segment.cpp's ASCII terminals).
constexpr std::array<bool, 256> make_sentence_ends() {
  std::array<bool, 256> ends{};
  ends['.'] = ends['!'] = ends['?'] = true;
  return ends;
}
constexpr std::array<bool, 256> sentence_ends = make_sentence_ends();

/**
 * All the tokens of one block that start at or after bit `first`, lie wholly
 * before the first byte only the reference rules can settle, and end inside
 * the block, with one count-trailing-zeros per token and no per-byte work.
 * Returns the position where the token-at-a-time loop has to take over.
 */
std::size_t lex_block(const derived &m, const derived *next, std::size_t block, unsigned first,
                      const std::uint8_t *s, std::size_t n, token_writer &writer) {
  const std::size_t origin = block * 64;
  const std::uint64_t first_bit = std::uint64_t{1} << first;
  if (m.fallback & first_bit) {
    return origin + first; // non-ASCII text: straight to the reference rules
  }
  const std::uint64_t from = bits_from(first);
  // Stop at the first fallback byte and at the end of the input.
  unsigned limit = trailing_zeros_or_64(m.fallback & from);
  if (n - origin < limit) {
    limit = static_cast<unsigned>(n - origin);
  }
  const std::uint64_t below_limit = ~bits_from(limit);
  if (m.run & ~m.alnum & first_bit) {
    return origin + first; // a joiner right after a reference token: punctuation
  }
  const std::uint64_t run = m.run & from;
  // Token starts: run bytes whose predecessor is not a run byte (`first` always
  // starts a token), and every byte that is neither space nor run.
  const std::uint64_t run_starts = run & ~((run << 1) & ~first_bit);
  std::uint64_t starts = (run_starts | (~m.space & ~m.run & from)) & below_limit;
  // Runs without letters are numbers. Adding a run's start bit to its
  // non-letter bytes carries through the run when it has no letter, setting
  // the bit just after it (outside the run); a letter stops the carry inside.
  const std::uint64_t non_letters = run & ~m.alpha;
  const std::uint64_t number_ends = (non_letters + (run_starts & m.digit)) & ~m.run;
  // Local copies: nothing the loop stores can alias them.
  const std::uint64_t run_mask = m.run, space_mask = m.space, newline_mask = m.newline;
  unsigned last_end = first;
  token_writer::cursor w = writer.take();
  const bool newlines = (newline_mask & from & below_limit) != 0; // most blocks have none
  while (starts != 0) {
    const unsigned b = trailing_zeros(starts);
    const std::uint64_t here = std::uint64_t{1} << b;
    if (newlines) {
      w.add_breaks(newline_mask & ~bits_from(b) & bits_from(last_end));
    }
    // Runs and one-byte tokens share one path, without a branch on which
    // it is (that branch would mispredict at every punctuation mark): for a
    // one-byte token the first non-run byte from b is b itself.
    const bool is_run = (run_mask & here) != 0;
    const unsigned e = trailing_zeros_or_64(~run_mask & bits_from(b)); // 64: no end here
    const std::uint8_t stop = s[origin + (e < limit ? e : b)];
    // One rarely taken branch: bitwise, not short-circuit, operators.
    if (is_run & ((e >= limit) | !final_stops[stop])) {
      if (e == 64 && limit == 64 && next != nullptr) {
        // A run into the next block, settled when it ends there before a
        // byte that ends runs for good.
        const std::uint64_t rest = ~next->run;
        const unsigned e2 = trailing_zeros_or_64(rest);
        if (rest != 0 && origin + 64 + e2 < n && final_stops[s[origin + 64 + e2]]) {
          const bool letters = ((m.alpha & bits_from(b)) | (next->alpha & ~bits_from(e2))) != 0;
          w.put(origin + b, origin + 64 + e2, letters ? token_kind::word : token_kind::number,
                false);
          writer.give(w);
          return origin + 64 + e2;
        }
      }
      if (e >= limit || stop != '.' || e + 1 >= limit || !((space_mask >> (e + 1)) & 1)) {
        writer.give(w);
        return origin + b; // the reference rules decide this token
      }
      if (keeps_period(s, origin + b, origin + e)) { // "Mr." and the like
        w.put(origin + b, origin + e + 1, token_kind::word, false);
        starts &= ~(std::uint64_t{1} << e); // the period is taken
        starts &= starts - 1;
        last_end = e + 1;
        continue;
      }
    }
    const token_kind run_kind =
        (number_ends >> (e & 63)) & 1 ? token_kind::number : token_kind::word;
    const unsigned end = is_run ? e : b + 1;
    const std::uint8_t first_byte = s[origin + b];
    w.put(origin + b, origin + end, is_run ? run_kind : single_kinds[first_byte],
          !is_run & sentence_ends[first_byte]);
    last_end = end;
    starts &= starts - 1;
  }
  w.add_breaks(newline_mask & below_limit & bits_from(last_end));
  writer.give(w);
  return origin + limit;
}

/// lex_reference's output, computed from the masks of stage 1 for `Arch`.
template <class Arch>
void lex_masks(Arch, lex_state &st, const std::uint8_t *s, std::size_t n, std::uint32_t base,
               token_storage &out) {
  mask_window<Arch> window(s, n);
  token_writer w(out, base, st.pending_breaks);
  std::size_t pos = 0;
  while (pos < n) {
    w.reserve();
    // Skip separators, counting line breaks.
    std::size_t block = pos / 64;
    std::uint64_t from = bits_from(pos % 64);
    const derived *m = &window.at(block);
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
    if (const std::size_t next = lex_block(*m, window.peek(block + 1), block, bit, s, n, w);
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
        const derived &e = window.at(end_block);
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
    } else if (!(m->fallback & here)) {
      w.put(pos, pos + 1, single_kinds[s[pos]]);
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
