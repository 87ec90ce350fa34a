// Polynomial hashes modulo 2^64 make every one-byte deletion of a name
// hashable from its prefix and suffix hashes, without building the string.
#include "extract/entities/deletion_index.hpp"

#include <algorithm>

namespace wirespeed::extract_detail {
namespace {

constexpr std::uint64_t base = 0x100000001B3ULL; // odd, so powers never vanish

std::uint64_t mix(std::uint64_t x) noexcept { // splitmix64's finaliser: spreads slots
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

} // namespace

std::uint64_t deletion_index::whole_hash(std::string_view s) noexcept {
  std::uint64_t h = 0;
  for (char c : s) {
    h = h * base + static_cast<unsigned char>(c) + 1;
  }
  return h;
}

void deletion_index::deletion_hashes(std::string_view s, std::uint64_t *out) noexcept {
  // out[i] = prefix(i) * base^(n-1-i) + suffix(i+1): fill with the suffix
  // parts right to left, then add the prefix parts left to right.
  std::array<std::uint64_t, longest + 1> power{};
  std::uint64_t suffix = 0;
  std::uint64_t p = 1;
  for (std::size_t i = s.size(); i-- > 0;) {
    out[i] = suffix;
    power[i] = p; // base^(n-1-i)
    suffix += (static_cast<unsigned char>(s[i]) + 1ULL) * p;
    p *= base;
  }
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    out[i] += prefix * power[i];
    prefix = prefix * base + static_cast<unsigned char>(s[i]) + 1;
  }
}

std::uint64_t deletion_index::key(std::uint64_t hash, std::size_t size, kind k) noexcept {
  return mix(hash ^ (static_cast<std::uint64_t>(size) << 56) ^ static_cast<std::uint64_t>(k)) | 1;
}

void deletion_index::add(std::string_view name, std::uint32_t entry) {
  if (name.empty() || name.size() > longest) {
    return;
  }
  pending_.emplace_back(key(whole_hash(name), name.size(), kind::whole), entry);
  std::array<std::uint64_t, longest + 1> deleted{};
  deletion_hashes(name, deleted.data());
  for (std::size_t i = 0; i < name.size(); ++i) {
    pending_.emplace_back(key(deleted[i], name.size() - 1, kind::deletion), entry);
  }
}

void deletion_index::build() {
  std::sort(pending_.begin(), pending_.end());
  pending_.erase(std::unique(pending_.begin(), pending_.end()), pending_.end());
  std::size_t groups = 0;
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    groups += i == 0 || pending_[i].first != pending_[i - 1].first;
  }
  std::size_t size = 16;
  while (size < 2 * groups) {
    size *= 2;
  }
  slots_.assign(size, slot{});
  entries_.clear();
  entries_.reserve(pending_.size());
  for (std::size_t i = 0; i < pending_.size();) {
    const std::uint64_t k = pending_[i].first;
    const auto first = static_cast<std::uint32_t>(entries_.size());
    for (; i < pending_.size() && pending_[i].first == k; ++i) {
      entries_.push_back(pending_[i].second);
    }
    std::size_t at = k & (size - 1);
    while (slots_[at].key != 0) {
      at = (at + 1) & (size - 1);
    }
    slots_[at] = {k, first, static_cast<std::uint32_t>(entries_.size()) - first};
  }
}

std::span<const std::uint32_t> deletion_index::find(std::uint64_t k) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = k & mask;; at = (at + 1) & mask) {
    const slot &s = slots_[at];
    if (s.key == k) {
      return {entries_.data() + s.first, s.count};
    }
    if (s.key == 0) {
      return {};
    }
  }
}

} // namespace wirespeed::extract_detail
