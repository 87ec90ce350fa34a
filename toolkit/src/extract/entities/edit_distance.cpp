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
  std::array<std::array<std::size_t, max_name + 1>, 3> rows{};
  std::size_t *before = rows[0].data();
  std::size_t *previous = rows[1].data();
  std::size_t *current = rows[2].data();
  for (std::size_t j = 0; j <= b.size(); ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      current[j] = d;
      row_min = std::min(row_min, d);
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
