// The literal index's scan: kernel masks -> prefix lookups -> tail compares
// (a kernel) -> the rest of each candidate -> whole-word check.
#include <algorithm>
#include <span>

#include "core/partition_index.hpp"
#include "match/literal_index.hpp"
#include "match/literal_words.hpp"
#include "match/word.hpp"

namespace wirespeed::match::detail {
namespace {

using namespace literal_words;

/// Upper-case ASCII letters of the 8 bytes to lower case (SWAR).
std::uint64_t fold8(std::uint64_t word) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  const std::uint64_t low7 = word & (0x7F * ones);
  const std::uint64_t from_a = low7 + (0x80 - 'A') * ones; // high bit: >= 'A'
  const std::uint64_t past_z = low7 + (0x7F - 'Z') * ones; // high bit: > 'Z'
  const std::uint64_t upper = (from_a & ~past_z & ~word) & (0x80 * ones);
  return word | (upper >> 2);
}

/// Whether text[0, n) and literal[0, n) are equal (ASCII letters folded when
/// caseless), eight bytes at a time. `available`: bytes readable at `text`
/// (>= n); the literal has 8 readable bytes past its end.
bool same_bytes(const std::uint8_t *text, std::size_t available, const std::uint8_t *literal,
                std::size_t n, bool caseless) noexcept {
  const auto differ = [&](std::size_t at, std::size_t bytes) {
    const std::uint64_t t = load(text + at, bytes, available - at);
    const std::uint64_t l = load(literal + at, bytes, 8);
    return caseless ? fold8(t) != fold8(l) : t != l;
  };
  std::size_t at = 0;
  for (; n - at > 8; at += 8) {
    if (differ(at, 8)) {
      return false;
    }
  }
  return !differ(at, n - at); // the last 0 to 8 bytes
}

/// A match's place in the order of a scan's matches (end offset, then
/// begin, then id) as one number (offsets in one scan fit 32 bits), so that
/// emit() compares two matches without a branch: a branch on the ends
/// mispredicted at every pair of matches ending together.
__extension__ using order_key = unsigned __int128;
inline order_key key_of(const match &m) noexcept {
  return (static_cast<order_key>(m.end) << 64) | (m.begin << 32) | m.id;
}

/// Whether `a` comes before `b` or ties with it in that order.
inline bool in_order(const match &a, const match &b) noexcept {
  return key_of(a) <= key_of(b);
}

/// Appends `m` keeping out[first, end) ordered by end offset, then begin,
/// then id: matches come by begin, so a long one is overtaken only by the
/// few that end inside it (or, at one begin, by a literal of the same
/// length confirmed before it: a caseless and a case-sensitive one).
inline void emit(std::vector<match> &out, std::size_t first, const match &m) {
  out.push_back(m);
  std::size_t i = out.size() - 1;
  if (i == first || in_order(out[i - 1], m)) [[likely]] {
    return; // the common case, in a few instructions: a match per few dozen bytes
  }
  while (i > first && !in_order(out[i - 1], m)) {
    out[i] = out[i - 1];
    --i;
  }
  out[i] = m;
}

} // namespace

[[gnu::always_inline]] inline void
literal_index::confirm(const cursor &c, std::size_t at, std::size_t width, std::uint32_t i) const {
  const literal_info &info = infos_[i];
  const std::size_t available = c.n - at;
  if (available < info.length) {
    return; // the text ends inside it (its tail matched the zeros past the end)
  }
  const std::size_t rest = info.length - width;
  const auto *literals = reinterpret_cast<const std::uint8_t *>(text_.data());
  if (rest > 8 && !same_bytes(c.s + at + width + 8, available - width - 8,
                              literals + info.offset + width + 8, rest - 8, info.caseless)) {
    return;
  }
  if (info.whole_word && !whole_word_in(c.s, c.n, at, at + info.length)) {
    return;
  }
  emit(c.out, c.first, match{info.id, info.tag, at, at + info.length});
}

void literal_index::flush(const cursor &c, probe_buffer &b) const {
  tail_match_(b.probes, b.size, tails_.data(), any_caseless_ ? caseless_.data() : nullptr, b.bits);
  for (std::size_t k = 0; k < b.size; ++k) {
    for (std::uint64_t bits = b.bits[k]; bits != 0; bits &= bits - 1) {
      confirm(c, b.at[k], b.width[k],
              b.probes[k].first + static_cast<std::uint32_t>(__builtin_ctzll(bits)));
    }
  }
  b.size = 0;
}

[[gnu::always_inline]] inline void literal_index::add_range(const cursor &c, probe_buffer &b,
                                                            std::uint32_t at, std::size_t width,
                                                            std::uint64_t next, std::uint32_t from,
                                                            std::uint32_t to) const {
  for (; from < to; from += 64) { // a probe compares up to 64 literals
    if (b.size == probe_buffer::capacity) {
      flush(c, b);
    }
    b.probes[b.size] = {next, from, std::min<std::uint32_t>(to - from, 64)};
    b.at[b.size] = at;
    b.width[b.size] = static_cast<std::uint8_t>(width);
    ++b.size;
  }
}

[[gnu::always_inline]] inline void literal_index::add_probes(const cursor &c, std::uint32_t at,
                                                             const slot &found,
                                                             probe_buffer &b) const {
  const std::size_t width = widths[found.k.width_class];
  // The prefix matched as bytes (a caseless literal has no letter there);
  // the next 8 bytes of text are compared with every literal of the slot.
  const std::size_t after = c.n - at - width;
  const std::uint64_t next = load(c.s + at + width, std::min<std::size_t>(after, 8), after);
  const std::uint32_t from = found.first;
  const std::uint32_t to = found.first + found.count;
  if (!found.grouped) [[likely]] {
    add_range(c, b, at, width, next, from, to);
    return;
  }
  // A grouped slot: those of the prefix alone, then the range whose next
  // byte (upper-cased as their tails are when caseless) is the text's.
  std::uint32_t alone = from;
  while (alone < to && tails_[alone] == 0) { // no bytes past the prefix
    ++alone;
  }
  add_range(c, b, at, width, next, from, alone);
  if (after == 0) {
    return;
  }
  std::uint64_t byte = next & 0xFF;
  if (found.caseless && ascii_letter(static_cast<std::uint8_t>(byte))) {
    byte &= ~std::uint64_t{0x20};
  }
  const auto first_not_below = [&](std::uint32_t lo, std::uint64_t wanted) {
    const std::span<const std::uint64_t> rest(tails_.data() + lo, to - lo);
    return lo + static_cast<std::uint32_t>(core::partition_index(
                    rest, [wanted](std::uint64_t tail) { return (tail & 0xFF) < wanted; }));
  };
  const std::uint32_t group_from = first_not_below(alone, byte);
  add_range(c, b, at, width, next, group_from, first_not_below(group_from, byte + 1));
}

template <bool roomy>
std::size_t literal_index::queue_lookups(const cursor &c, std::uint32_t *positions,
                                         std::size_t count, lookup *lookups) const {
  // One pass without branches on the data: a position stays when a literal
  // of one byte is that byte, its first two bytes begin one of two or three,
  // or its first four (and eight) bytes may begin a longer one. Most fail
  // here (at 1,000 names), at the cost of a few independent loads each.
  std::uint8_t wanted[lookup_batch]; // width classes to look up, per kept position
  std::size_t kept = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t at = positions[i];
    const std::size_t available = roomy ? widest : c.n - at;
    const std::uint64_t first8 = load(c.s + at, std::min<std::size_t>(available, 8), available);
    const auto first4 = static_cast<std::uint32_t>(first8);
    const auto first2 = static_cast<std::uint16_t>(first8);
    const std::uint64_t entry4 = first4_entry(first4);
    const std::uint64_t entry8 = first8_entry(first8);
    const auto pair = static_cast<unsigned>((first2_[first2 / 32] >> (2 * (first2 % 32))) & 3) << 1;
    const auto longer = static_cast<unsigned>((first4_[entry4 / 32] >> (2 * (entry4 % 32))) & 3)
                        << 3;
    const auto eight = static_cast<unsigned>((first8_[entry8 / 64] >> (entry8 % 64)) & 1) << 4;
    const unsigned fits = one_byte_class | (available >= 2 ? pair_classes : 0u) |
                          (available >= 4 ? four_class : 0u) | (available >= 8 ? eight_class : 0u);
    const unsigned classes = first_bytes_[c.s[at]];
    positions[kept] = at;
    wanted[kept] = static_cast<std::uint8_t>(
        ((classes & one_byte_class) | pair | (classes & longer & (eight | ~eight_class))) & fits);
    kept += wanted[kept] != 0;
  }
  // The kept positions' keys, each slot prefetched. The two long classes,
  // one or both wanted at nearly every kept position, are queued without a
  // branch (a loop over the classes mispredicted its exit at every third
  // position at 100,000 names); the short ones are rare.
  std::size_t pending = 0;
  const auto queue = [&](std::uint32_t at, std::uint64_t prefix, unsigned width_class,
                         bool needed) {
    const auto first_slot = static_cast<std::uint32_t>(hash(prefix, width_class) >> table_shift_);
    // Slot 0 stands in for an unwanted one, by a mask: a branch here
    // mispredicted as often as the loop.
    __builtin_prefetch(&table_[first_slot & (0u - static_cast<std::uint32_t>(needed))]);
    lookups[pending] = {prefix, at, first_slot, width_class};
    pending += needed;
  };
  for (std::size_t i = 0; i < kept; ++i) {
    const std::uint32_t at = positions[i];
    const std::size_t available = roomy ? widest : c.n - at;
    const std::uint64_t first8 = load(c.s + at, std::min<std::size_t>(available, 8), available);
    // In order of width: matches at one begin come in order of end.
    if (unsigned rare = wanted[i] & (one_byte_class | pair_classes); rare != 0) [[unlikely]] {
      for (; rare != 0; rare &= rare - 1) {
        const auto width_class = static_cast<unsigned>(__builtin_ctz(rare));
        queue(at, first8 & low_bytes(widths[width_class]), width_class, true);
      }
    }
    queue(at, first8 & low_bytes(4), 3, (wanted[i] & four_class) != 0);
    queue(at, first8, 4, (wanted[i] & eight_class) != 0);
  }
  return pending;
}

template <bool roomy>
void literal_index::probe_promising(const cursor &c, std::uint32_t *positions,
                                    std::size_t count) const {
  // The lookups of a batch of positions in three passes, so that their
  // cache misses overlap (a 100,000-name table is far bigger than the
  // caches): each key's slot is prefetched, then each slot is read and its
  // literals prefetched, then the literals are compared. Lookups stay in
  // order of position, then width: matches at one begin come in order of end.
  constexpr std::size_t batch = lookup_batch;
  struct hit {
    std::uint32_t at;
    const slot *found;
  };
  lookup lookups[batch * std::size(widths)];
  hit hits[batch * std::size(widths)];
  probe_buffer probes;
  for (std::size_t from = 0; from < count; from += batch) {
    const std::size_t pending =
        queue_lookups<roomy>(c, positions + from, std::min(batch, count - from), lookups);
    std::size_t found = 0;
    for (std::size_t i = 0; i < pending; ++i) {
      for (std::size_t s = lookups[i].slot;; s = (s + 1) & (table_.size() - 1)) {
        const slot &candidate = table_[s];
        if (candidate.count == 0) {
          break;
        }
        if (candidate.k == key{lookups[i].prefix, lookups[i].width_class}) {
          __builtin_prefetch(&tails_[candidate.first]);
          __builtin_prefetch(&infos_[candidate.first]); // read on a tail match
          __builtin_prefetch(text_.data() + candidate.text_offset);
          hits[found++] = {lookups[i].at, &candidate};
          break;
        }
      }
    }
    for (std::size_t i = 0; i < found; ++i) {
      add_probes(c, hits[i].at, *hits[i].found, probes);
    }
    flush(c, probes);
  }
}

void literal_index::scan(std::string_view text, std::vector<match> &out) const {
  if (infos_.empty()) {
    return;
  }
  const cursor c{reinterpret_cast<const std::uint8_t *>(text.data()), text.size(), out, out.size()};
  constexpr std::size_t window = max_positions / 64; // blocks per kernel call
  std::uint64_t masks[window];
  std::uint32_t positions[max_positions + 4]; // + 4: see the writes below
  constexpr std::uint64_t top_bit = std::uint64_t{1} << 63;
  const std::size_t whole = c.n / 64;
  for (std::size_t block = 0; block < whole; block += window) {
    const std::size_t blocks = std::min(window, whole - block);
    masks_(c.s + 64 * block, blocks, ranges_, masks);
    std::size_t count = 0;
    for (std::size_t k = 0; k < blocks; ++k) {
      const auto origin = static_cast<std::uint32_t>(64 * (block + k));
      std::uint64_t m = masks[k];
      // Four writes whatever the count (a block of news text holds about two
      // capitals), counted only while bits remain: no branch on the data,
      // where a loop per set bit mispredicts its exit. The baseline has no
      // tzcnt: the top bit stands in for an empty mask (its write is not counted).
      for (int j = 0; j < 4; ++j) {
        positions[count] = origin + static_cast<std::uint32_t>(__builtin_ctzll(m | top_bit));
        count += m != 0;
        m &= m - 1;
      }
      for (; m != 0; m &= m - 1) {
        positions[count++] = origin + static_cast<std::uint32_t>(__builtin_ctzll(m));
      }
    }
    // Positions 8 bytes or more from the end (all but the last few): their
    // first 8 bytes are loaded without a bound to check.
    if (count == 0 || positions[count - 1] + widest <= c.n) {
      probe_promising<true>(c, positions, count);
    } else {
      probe_promising<false>(c, positions, count);
    }
  }
  std::size_t count = 0;
  for (std::size_t at = 64 * whole; at < c.n; ++at) {
    positions[count] = static_cast<std::uint32_t>(at);
    count += first_bytes_[c.s[at]] != 0;
  }
  probe_promising<false>(c, positions, count);
}

} // namespace wirespeed::match::detail
