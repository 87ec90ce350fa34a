#include "extract/entities/name_table.hpp"

#include <cstring>

#include "extract/entities/name_text.hpp"

namespace wirespeed::extract_detail {

std::uint32_t name_table::hash(std::string_view name) noexcept {
  // Eight bytes a step, the last step's bytes those last_bytes() gives
  // (overlapping the step before): a loop of one or two steps for most
  // names, where one per byte mispredicted its exit on every lookup.
  constexpr std::uint64_t mix = 0x9E3779B97F4A7C15ULL;
  const char *p = name.data();
  const std::size_t n = name.size();
  std::uint64_t h = n * mix;
  const auto step = [&h](std::uint64_t word) {
    h = (h ^ word) * mix;
    h ^= h >> 29;
  };
  for (std::size_t at = 0; at + 8 < n; at += 8) {
    std::uint64_t word;
    std::memcpy(&word, p + at, 8);
    step(word);
  }
  step(last_bytes(name));
  return static_cast<std::uint32_t>(h ^ (h >> 32)) | 1;
}

void name_table::assign(const std::vector<std::string_view> &names) {
  std::size_t size = 16;
  while (size < 2 * names.size()) {
    size *= 2;
  }
  slots_.assign(size, slot{});
  names_ = names;
  shapes_ = {};
  for (std::size_t i = 0; i < names.size(); ++i) {
    shapes_.add(names[i]);
    const std::uint32_t h = hash(names[i]);
    std::size_t at = h & (size - 1);
    while (slots_[at].hash != 0 &&
           !(slots_[at].hash == h && names_[slots_[at].value] == names[i])) {
      at = (at + 1) & (size - 1);
    }
    slots_[at] = {h, static_cast<std::uint32_t>(i)};
  }
}

std::int64_t name_table::find(std::string_view name) const noexcept {
  if (!shapes_.may_hold(name)) {
    return -1;
  }
  const std::uint32_t h = hash(name);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = h & mask;; at = (at + 1) & mask) {
    const slot &s = slots_[at];
    if (s.hash == 0) {
      return -1;
    }
    if (s.hash == h && names_[s.value] == name) {
      return s.value;
    }
  }
}

} // namespace wirespeed::extract_detail
