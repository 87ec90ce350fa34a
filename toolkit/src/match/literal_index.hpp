#pragma once
// Literals whose first byte is rare in text (capitalised names, digits, quote
// marks...) matched without the engine: a SIMD pass marks the bytes where an
// indexed literal could start, and each marked position looks its first
// bytes (up to eight) up in a hash table of the literals' prefixes, then
// compares the next eight with all the literals of the prefix at once
// (tail_match.hpp) and the rest of those that pass byte by byte.
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
#include "match/tail_match.hpp"
#include "wirespeed/match.hpp"

namespace wirespeed::match::detail {

class literal_index {
public:
  /// Whether the index takes `p`: a literal (not one needing Unicode case
  /// folding) whose first byte is neither a space nor a lower-case ASCII
  /// letter, the common bytes of text, where a lookup per occurrence would
  /// cost more than the engine, and with no zero byte in its first sixteen
  /// (tail words). A caseless one needs no ASCII letter in its first eight
  /// bytes, which are looked up as they are.
  [[nodiscard]] static bool accepts(const pattern &p) noexcept;

  /// Indexes every pattern accepts() takes; kernels for `level` (the active
  /// one in the library).
  void build(std::span<const pattern> patterns, cpu::isa level);

  [[nodiscard]] bool empty() const noexcept { return infos_.empty(); }
  /// Heap bytes of the tables (for compile_stats).
  [[nodiscard]] std::size_t bytes() const noexcept;

  /// Appends the matches in `text` of the indexed literals to `out`, in order
  /// of end offset (ties: by begin, then id).
  void scan(std::string_view text, std::vector<match> &out) const;

private:
  struct literal_info { ///< what confirm() reads of a literal whose tail word matched
    std::uint32_t id;
    std::uint32_t tag;
    std::uint32_t length;
    std::uint32_t offset; ///< of its bytes in text_
    bool caseless;
    bool whole_word;
  };
  struct key { ///< what a lookup compares: a literal's first bytes
    std::uint64_t prefix = 0;
    unsigned width_class = 0; ///< index into widths (literal_words.hpp)
    friend auto operator<=>(const key &, const key &) = default;
  };
  struct slot { ///< a prefix and its literals [first, first + count)
    key k;
    std::uint32_t first = 0;
    std::uint32_t count = 0; ///< 0: empty slot
    /// Where the bytes of its first literal longer than the prefix and a
    /// tail word are, to prefetch them; 0 (bytes already in cache) when none
    /// is, as for most names: confirm() reads no literal bytes then.
    std::uint32_t text_offset = 0;
    /// Many literals of one case rule ("Minister ..." among 100,000
    /// names): add_probes() searches for those whose next byte is the text's.
    bool grouped = false;
    bool caseless = false; ///< of a grouped slot's literals: their next byte is folded
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
  /// A key to find in table_, from table_[slot] on (no member initialisers:
  /// arrays of them are not zeroed per call).
  struct lookup {
    std::uint64_t prefix;
    std::uint32_t at;
    std::uint32_t slot;
    unsigned width_class;
  };
  static constexpr std::size_t lookup_batch = 256; ///< positions looked up together
  /// Queues in `lookups` the keys of `positions` (count <= lookup_batch)
  /// that the filters let through, and returns how many; `positions` is
  /// overwritten.
  template <bool roomy>
  std::size_t queue_lookups(const cursor &c, std::uint32_t *positions, std::size_t count,
                            lookup *lookups) const;
  // Asked of every candidate position: defined here to be inlined.
  [[nodiscard]] std::uint64_t first4_entry(std::uint32_t first4) const noexcept {
    return (first4 * 0xD6E8FEB86659FD93ull) >> first4_shift_;
  }
  [[nodiscard]] std::uint64_t first8_entry(std::uint64_t first8) const noexcept {
    return ((first8 ^ (first8 >> 29)) * 0xD6E8FEB86659FD93ull) >> first8_shift_;
  }
  /// Tail compares waiting for the kernel, a few hundred at a time: one
  /// call per batch, and the candidates come back in order of position.
  struct probe_buffer {
    static constexpr std::size_t capacity = 512;
    tail_probe probes[capacity];
    std::uint32_t at[capacity];   ///< the position of probes[k]
    std::uint8_t width[capacity]; ///< its prefix's width
    std::uint64_t bits[capacity]; ///< the kernel's answer for probes[k]
    std::size_t size = 0;
  };
  /// Queues the compares of the literals of `found`, whose prefix the text
  /// holds at `at`.
  void add_probes(const cursor &c, std::uint32_t at, const slot &found, probe_buffer &b) const;
  /// Queues the literals [from, to) at `at`, 64 to a probe.
  void add_range(const cursor &c, probe_buffer &b, std::uint32_t at, std::size_t width,
                 std::uint64_t next, std::uint32_t from, std::uint32_t to) const;
  /// Runs the kernel on the queued probes and confirms each literal whose
  /// tail word matched.
  void flush(const cursor &c, probe_buffer &b) const;
  /// Reports literal `i` at `at` if the rest of it (past its tail word) and
  /// its whole-word rule hold there.
  void confirm(const cursor &c, std::size_t at, std::size_t width, std::uint32_t i) const;

  std::array<std::uint8_t, 256> first_bytes_{}; ///< bit k: a literal of width class k starts so
  byte_ranges ranges_;
  range_mask_fn masks_ = nullptr;
  tail_match_fn tail_match_ = nullptr;
  /// Per literal, in order of prefix: its 8 bytes after the prefix (zeros
  /// past its end, letters upper-cased when caseless), the kernel's input
  /// (tail_match.hpp); most literals sharing a prefix part on this word.
  /// tail_padding entries of zeros follow. One word per literal: a second
  /// (a mask) cost a cache miss per lookup at 100,000 names.
  std::vector<std::uint64_t> tails_;
  std::vector<std::uint64_t> caseless_; ///< bit i: literal i is caseless (tail_match.hpp)
  bool any_caseless_ = false;           ///< most name lists have none: the kernel skips the bits
  std::vector<literal_info> infos_;     ///< of literal i
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
