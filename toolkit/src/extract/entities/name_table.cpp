#include "extract/entities/name_table.hpp"

namespace wirespeed::extract_detail {

std::uint32_t name_table::hash(std::string_view name) noexcept {
  std::uint64_t h = 0xCBF29CE484222325ULL; // FNV-1a: names are short
  for (char c : name) {
    h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  }
  return static_cast<std::uint32_t>(h ^ (h >> 32)) | 1;
}

void name_table::assign(const std::vector<std::string_view> &names) {
  std::size_t size = 16;
  while (size < 2 * names.size()) {
    size *= 2;
  }
  slots_.assign(size, slot{});
  names_ = names;
  for (std::size_t i = 0; i < names.size(); ++i) {
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
  if (slots_.empty()) {
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
