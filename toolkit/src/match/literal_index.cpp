// The literal index's build: prefix table, filters, candidate byte ranges
// and the literals' tail words (the scan is in literal_scan.cpp).
#include <algorithm>
#include <tuple>

#include "core/huge_pages.hpp"
#include "match/literal_index.hpp"
#include "match/literal_words.hpp"
#include "match/unicode_rules.hpp"

namespace wirespeed::match::detail {
namespace {

using namespace literal_words;

unsigned bits_for(std::size_t at_least) noexcept {
  unsigned bits = 4;
  while ((std::size_t{1} << bits) < at_least) {
    ++bits;
  }
  return bits;
}

/// The order of a literal among those of its prefix: those of the prefix's
/// width alone first, then by the byte after the prefix (upper-cased when
/// caseless), so that the literals a text can match there are one range.
unsigned tail_group(std::uint64_t tail, std::size_t length, std::size_t width) noexcept {
  return length > width ? 1 + static_cast<unsigned>(tail & 0xFF) : 0;
}

/// Literals of a prefix past which add_probes() searches by the next byte
/// instead of comparing each.
constexpr std::uint32_t group_search_from = 16;

} // namespace

bool literal_index::accepts(const pattern &p) noexcept {
  if (p.kind != pattern_kind::literal || p.expression.empty()) {
    return false;
  }
  const std::string_view text = p.expression;
  const auto first = static_cast<std::uint8_t>(text[0]);
  if (first == ' ' || static_cast<std::uint8_t>(first - 'a') < 26) {
    return false;
  }
  // A tail word's zero bytes are the bytes past the literal's end
  // (tail_match.hpp): a zero byte of its own there would match any byte.
  if (text.substr(0, widest + 8).find('\0') != std::string_view::npos) {
    return false;
  }
  if (!has(p.flags, flag::caseless)) {
    return true;
  }
  const auto is_letter = [](char c) { return ascii_letter(static_cast<std::uint8_t>(c)); };
  if (std::any_of(text.begin(), text.begin() + std::min(text.size(), widest), is_letter)) {
    return false;
  }
  return !needs_unicode(p); // Unicode case folding is the engine's job
}

void literal_index::build(std::span<const pattern> patterns, cpu::isa level) {
  *this = literal_index{};
  std::vector<key> keys;
  for (std::uint32_t id = 0; id < patterns.size(); ++id) {
    const pattern &p = patterns[id];
    if (!accepts(p)) {
      continue;
    }
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(p.expression.data());
    const std::size_t length = p.expression.size();
    const unsigned cls = width_class(length);
    const bool caseless = has(p.flags, flag::caseless);
    const std::size_t rest = length - widths[cls];
    const std::uint64_t tail = load(bytes + widths[cls], std::min<std::size_t>(rest, 8), rest);
    tails_.push_back(caseless ? ascii_upper(tail) : tail);
    infos_.push_back({id, p.tag, static_cast<std::uint32_t>(length),
                      static_cast<std::uint32_t>(text_.size()), caseless,
                      has(p.flags, flag::whole_word)});
    text_ += p.expression;
    keys.push_back({load(bytes, widths[cls], length), cls});
    first_bytes_[bytes[0]] |= static_cast<std::uint8_t>(1u << cls);
  }
  if (infos_.empty()) {
    return;
  }
  text_.append(8, '\0'); // same_bytes() reads literals 8 bytes at a time
  // One run of literals per key, shortest first: matches at one begin then
  // come in order of end.
  std::vector<std::uint32_t> order(infos_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  const auto group = [&](std::uint32_t i) {
    return tail_group(tails_[i], infos_[i].length, widths[keys[i].width_class]);
  };
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tuple(keys[a], group(a), infos_[a].length, infos_[a].id) <
           std::tuple(keys[b], group(b), infos_[b].length, infos_[b].id);
  });
  std::vector<std::uint64_t> sorted_tails;
  std::vector<literal_info> sorted_infos;
  std::vector<key> sorted_keys;
  for (const std::uint32_t i : order) {
    sorted_tails.push_back(tails_[i]);
    sorted_infos.push_back(infos_[i]);
    sorted_keys.push_back(keys[i]);
  }
  tails_ = std::move(sorted_tails);
  infos_ = std::move(sorted_infos);
  tails_.resize(tails_.size() + tail_padding, 0); // the kernels read whole vectors
  caseless_.assign(infos_.size() / 64 + 2, 0);    // + 2: bits_from() reads a word past a bit
  for (std::size_t i = 0; i < infos_.size(); ++i) {
    caseless_[i / 64] |= std::uint64_t{infos_[i].caseless} << (i % 64);
    any_caseless_ = any_caseless_ || infos_[i].caseless;
  }
  std::size_t distinct = 1;
  for (std::size_t i = 1; i < sorted_keys.size(); ++i) {
    distinct += sorted_keys[i] != sorted_keys[i - 1];
  }
  // Sparse (a quarter full) while the table fits a core's L2 cache, where
  // probes that run into other keys are what costs; half full beyond, where
  // the cache misses of a bigger table would cost more.
  constexpr std::size_t cache_bytes = std::size_t{1} << 20;
  const unsigned table_bits =
      bits_for((4 * distinct * sizeof(slot) <= cache_bytes ? 4 : 2) * distinct);
  table_.reserve(std::size_t{1} << table_bits);
  core::prefer_huge_pages(table_.data(), table_.capacity() * sizeof(slot)); // probed at random
  table_.assign(std::size_t{1} << table_bits, slot{});
  table_shift_ = 64 - table_bits;
  // Two bits per entry, about 16 entries per prefix (most positions stop
  // at this filter, which stays in cache when the table does not): which of
  // the two long width classes have a literal whose first four bytes hash there.
  // At most 2^19 entries (128 KiB, and 64 KiB for first8_): with 100,000
  // names most positions pass anyway, and filters filling a core's L2
  // cache pushed out the table's and the literals' lines.
  constexpr unsigned max_filter_bits = 19;
  const unsigned filter_bits = std::min(max_filter_bits, bits_for(16 * distinct));
  const unsigned first4_bits = std::max(5u, filter_bits);
  first4_.assign((std::size_t{1} << first4_bits) / 32, 0);
  first4_shift_ = 64 - first4_bits;
  const unsigned first8_bits = std::max(6u, filter_bits);
  first8_.assign((std::size_t{1} << first8_bits) / 64, 0);
  first8_shift_ = 64 - first8_bits;
  first2_.assign(std::size_t{1} << (16 - 5), 0);
  for (const key &k : sorted_keys) {
    if (k.width_class == 1 || k.width_class == 2) {
      const auto pair = static_cast<std::uint16_t>(k.prefix);
      first2_[pair / 32] |= std::uint64_t{1} << (2 * (pair % 32) + (k.width_class - 1));
    } else if (widths[k.width_class] >= 4) {
      const std::uint64_t entry = first4_entry(static_cast<std::uint32_t>(k.prefix));
      first4_[entry / 32] |= std::uint64_t{1} << (2 * (entry % 32) + (k.width_class - 3));
    }
    if (widths[k.width_class] == 8) {
      const std::uint64_t entry = first8_entry(k.prefix);
      first8_[entry / 64] |= std::uint64_t{1} << (entry % 64);
    }
  }
  for (std::uint32_t i = 0; i < infos_.size();) {
    std::uint32_t end = i;
    while (end < infos_.size() && sorted_keys[end] == sorted_keys[i]) {
      ++end;
    }
    const key k = sorted_keys[i];
    std::size_t at = hash(k.prefix, k.width_class) >> table_shift_;
    while (table_[at].count != 0) {
      at = (at + 1) & (table_.size() - 1);
    }
    const bool one_case_rule =
        std::all_of(infos_.begin() + i, infos_.begin() + end,
                    [&](const literal_info &r) { return r.caseless == infos_[i].caseless; });
    const auto compared_past_tail =
        std::find_if(infos_.begin() + i, infos_.begin() + end,
                     [&](const literal_info &r) { return r.length > widths[k.width_class] + 8; });
    table_[at] = {k,
                  i,
                  end - i,
                  compared_past_tail == infos_.begin() + end ? 0 : compared_past_tail->offset,
                  end - i >= group_search_from && one_case_rule,
                  infos_[i].caseless};
    i = end;
  }
  // The candidate bytes: first bytes below the lower-case letters in one
  // range, those above in the other (accepts() rules out the letters).
  std::uint8_t low[2] = {0xFF, 0xFF}, high[2] = {0, 0};
  for (unsigned b = 0; b < 256; ++b) {
    if (first_bytes_[b] != 0) {
      const int r = b < 'a' ? 0 : 1;
      low[r] = std::min(low[r], static_cast<std::uint8_t>(b));
      high[r] = std::max(high[r], static_cast<std::uint8_t>(b));
    }
  }
  for (int r = 0; r < 2; ++r) {
    if (low[r] <= high[r]) {
      ranges_.lo[r] = low[r];
      ranges_.count[r] = static_cast<std::uint8_t>(high[r] - low[r] + 1);
    }
  }
  masks_ = range_masks_for(level);
  if (masks_ == nullptr) {
    masks_ = &range_masks_reference;
  }
  tail_match_ = tail_match_for(level);
  if (tail_match_ == nullptr) {
    tail_match_ = &tail_match_reference;
  }
}

std::size_t literal_index::bytes() const noexcept {
  return (tails_.size() + caseless_.size()) * sizeof(std::uint64_t) +
         infos_.size() * sizeof(literal_info) + text_.size() + table_.size() * sizeof(slot) +
         (first2_.size() + first4_.size() + first8_.size()) * sizeof(std::uint64_t);
}

} // namespace wirespeed::match::detail
