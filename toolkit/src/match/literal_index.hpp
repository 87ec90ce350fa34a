#pragma once
// Literals whose first byte is rare in text (capitalised names, digits, quote
// marks...) matched without the engine: a SIMD pass marks the bytes where an
// indexed literal could start, and each marked position looks its first
// bytes (up to eight) up in a hash table of the literals' prefixes, then
// compares the rest.
// On news text with 1,000 names this is a few times faster than Hyperscan,
// whose literal matcher pays for short patterns at every byte. Matches are
// the engine's: every occurrence, overlapping ones included, whole-word and
// caseless rules as in match.hpp; the tests compare the two on random input.
#include <array>
#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "match/byte_ranges.hpp"
#include "wirespeed/match.hpp"

namespace wirespeed::match::detail {

class literal_index {
public:
  /// Whether the index takes `p`: a literal (not one needing Unicode case
  /// folding) whose first byte is neither a space nor a lower-case ASCII
  /// letter, the common bytes of text, where a lookup per occurrence would
  /// cost more than the engine. A caseless one needs no ASCII letter in its
  /// first eight bytes, which are looked up as they are.
  [[nodiscard]] static bool accepts(const pattern &p) noexcept;

  /// Indexes every pattern accepts() takes; kernels for `level` (the active
  /// one in the library).
  void build(std::span<const pattern> patterns, cpu::isa level);

  [[nodiscard]] bool empty() const noexcept { return refs_.empty(); }
  /// Heap bytes of the tables (for compile_stats).
  [[nodiscard]] std::size_t bytes() const noexcept;

  /// Appends the matches in `text` of the indexed literals to `out`, in order
  /// of end offset (ties: by begin, then id).
  void scan(std::string_view text, std::vector<match> &out) const;

private:
  /// What verify() compares of one indexed literal, for every literal of a
  /// prefix the text begins: 16 bytes, so that the literals of the prefixes
  /// news text hits stay in cache; the rest is in literal_info.
  struct ref {
    /// Its 8 bytes after the looked-up prefix (zeros past its end, ASCII
    /// letters folded when caseless): most literals sharing a prefix part
    /// on this word, without reading their text.
    std::uint64_t tail;
    std::uint64_t tail_mask; ///< ones on the bytes of `tail` within the literal
  };
  struct literal_info { ///< the rest of refs_[i], read when its tail matches
    std::uint32_t id;
    std::uint32_t tag;
    std::uint32_t length;
    std::uint32_t offset; ///< of its bytes in text_
    bool caseless;
    bool whole_word;
  };
  /// The case rules of a prefix's literals: one for all of them (the tail
  /// words are compared with the text's, folded or not, once) or a mix.
  enum class case_rule : std::uint8_t { sensitive, caseless, mixed };
  struct key { ///< what a lookup compares: a literal's first bytes
    std::uint64_t prefix = 0;
    unsigned width_class = 0; ///< index into widths (literal_index.cpp)
    friend auto operator<=>(const key &, const key &) = default;
  };
  struct slot { ///< a prefix and its literals refs_[first, first + count)
    key k;
    std::uint32_t first = 0;
    std::uint32_t count = 0;       ///< 0: empty slot
    std::uint32_t text_offset = 0; ///< refs_[first].offset, to prefetch its bytes
    case_rule rule = case_rule::sensitive;
    /// Many literals of one case rule ("Minister ..." among 100,000
    /// names): verify() searches for those whose next byte is the text's.
    bool grouped = false;
  };

  struct cursor { ///< one scan
    const std::uint8_t *s;
    std::size_t n;
    std::vector<match> &out;
    std::size_t first; ///< out[first, ...) are this scan's matches
  };
  /// `roomy`: every position has 8 bytes of text from it.
  template <bool roomy>
  void probe_promising(const cursor &c, std::uint32_t *positions, std::size_t count) const;
  static constexpr std::size_t max_positions = 4096; ///< 4 KiB of text per window
  // Asked of every candidate position: defined here to be inlined.
  [[nodiscard]] std::uint64_t first4_entry(std::uint32_t first4) const noexcept {
    return (first4 * 0xD6E8FEB86659FD93ull) >> first4_shift_;
  }
  [[nodiscard]] std::uint64_t first8_entry(std::uint64_t first8) const noexcept {
    return ((first8 ^ (first8 >> 29)) * 0xD6E8FEB86659FD93ull) >> first8_shift_;
  }
  void verify(const cursor &c, std::size_t at, const slot &found) const;
  /// Reports refs_[from, to) whose tail is `next` (the 8 text bytes after
  /// the prefix, folded when their rule is caseless) and whose text follows.
  /// `mixed`: each literal's case rule picks `next` or `next_folded`.
  template <bool mixed>
  void verify_refs(const cursor &c, std::size_t at, std::size_t width, std::uint64_t next,
                   std::uint64_t next_folded, std::uint32_t from, std::uint32_t to) const;

  std::array<std::uint8_t, 256> first_bytes_{}; ///< bit k: a literal of width class k starts so
  byte_ranges ranges_;
  range_mask_fn masks_ = nullptr;
  std::vector<ref> refs_;
  std::vector<literal_info> infos_; ///< of refs_[i]
  std::string text_;
  std::vector<slot> table_;
  unsigned table_shift_ = 64;
  /// Two bits per pair of first bytes, exact: bit k - 1 when a literal of
  /// width class k (1 or 2: two or three bytes) starts so.
  std::vector<std::uint64_t> first2_;
  /// Two bits per hash of the first 4 bytes of a literal: bit k - 3 when a
  /// literal of width class k (3 or 4) starts so.
  std::vector<std::uint64_t> first4_;
  unsigned first4_shift_ = 64;
  /// One bit per hash of the first 8 bytes of a literal of width class 4:
  /// names that share their first four letters with common words
  /// ("Mini" of "Ministry") mostly part here, before a table lookup.
  std::vector<std::uint64_t> first8_;
  unsigned first8_shift_ = 64;
};

} // namespace wirespeed::match::detail
