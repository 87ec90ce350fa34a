#pragma once
// Binary search by conditional moves, for hot searches whose keys come from
// the text (offsets scattered over a document, the byte after a literal's
// prefix): a branch per halving would be guessed wrong half the time.
#include <cstddef>
#include <span>

namespace wirespeed::core {

/// std::partition_point as an index, without branches: `before` holds for
/// a prefix of `items`; the index of the first item it fails (items.size()
/// if none), one conditional move per halving.
template <typename T, typename Before>
[[nodiscard]] std::size_t partition_index(std::span<const T> items, Before before) noexcept {
  if (items.empty()) {
    return 0;
  }
  const T *base = items.data();
  std::size_t n = items.size();
  while (n > 1) {
    const std::size_t half = n / 2;
    base += before(base[half]) ? half : 0;
    n -= half;
  }
  return static_cast<std::size_t>(base - items.data()) + (before(*base) ? 1 : 0);
}

} // namespace wirespeed::core
