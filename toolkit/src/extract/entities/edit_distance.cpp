// Optimal string alignment distance with an early exit: names are short and
// the bound is small, so three rolling rows of a banded table suffice.
#include "extract/entities/edit_distance.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace wirespeed::extract_detail {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) noexcept {
  const std::size_t over = limit + 1;
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) {
    return over;
  }
  constexpr std::size_t max_name = 127;
  if (a.size() > max_name || b.size() > max_name) {
    return a == b ? 0 : over; // no name is this long; compare exactly
  }
  // Only cells within `limit` of the diagonal can stay within the limit; the
  // others hold `over`, so each row costs O(limit), not O(|b|).
  std::array<std::array<std::size_t, max_name + 1>, 3> rows; // NOLINT: filled before read
  std::size_t *before = rows[0].data();
  std::size_t *previous = rows[1].data();
  std::size_t *current = rows[2].data();
  for (std::size_t j = 0; j <= b.size(); ++j) {
    previous[j] = std::min(j, over);
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t from = i > limit ? i - limit : 1;
    const std::size_t to = std::min(b.size(), i + limit);
    current[0] = std::min(i, over);
    if (from > 1) {
      current[from - 1] = over;
    }
    std::size_t row_min = from == 1 ? current[0] : over;
    for (std::size_t j = from; j <= to; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t up = j < i + limit ? previous[j] + 1 : over; // previous[j] is outside the band
      std::size_t d = std::min({up, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      current[j] = std::min(d, over);
      row_min = std::min(row_min, current[j]);
    }
    if (to < b.size()) {
      current[to + 1] = over;
    }
    if (row_min > limit) {
      return over;
    }
    std::swap(before, previous); // the rows rotate: current becomes previous
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], over);
}

} // namespace wirespeed::extract_detail
