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
  struct ref { ///< one indexed literal
    std::uint32_t id;
    std::uint32_t tag;
    std::uint32_t length;
    std::uint32_t offset; ///< of its bytes in text_
    bool caseless;
    bool whole_word;
  };
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
  };

  struct cursor { ///< one scan
    const std::uint8_t *s;
    std::size_t n;
    std::vector<match> &out;
    std::size_t first; ///< out[first, ...) are this scan's matches
  };
  void probe_promising(const cursor &c, std::uint32_t *positions, std::size_t count) const;
  static constexpr std::size_t max_positions = 4096; ///< 4 KiB of text per window
  [[nodiscard]] std::uint64_t first4_entry(std::uint32_t first4) const noexcept;
  void verify(const cursor &c, std::size_t at, const slot &found) const;

  std::array<std::uint8_t, 256> first_bytes_{}; ///< bit k: a literal of width class k starts so
  byte_ranges ranges_;
  range_mask_fn masks_ = nullptr;
  std::vector<ref> refs_;
  std::string text_;
  std::vector<slot> table_;
  unsigned table_shift_ = 64;
  /// Two bits per hash of the first 4 bytes of a literal: bit k - 3 when a
  /// literal of width class k (3 or 4) starts so.
  std::vector<std::uint64_t> first4_;
  unsigned first4_shift_ = 64;
  /// Two bits per value of a literal's first 2 bytes: bit k - 1 when a
  /// literal of width class k (1 or 2: 2 or 3 bytes long) starts so. Short
  /// names (UN, IMF, WHO) start with capitals that begin most words.
  std::vector<std::uint64_t> first2_;
};

} // namespace wirespeed::match::detail
