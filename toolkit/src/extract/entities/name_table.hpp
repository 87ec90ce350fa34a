#pragma once
// Exact lookups of names looked up once or more per capitalised token: an
// open-addressing table of 8-byte slots (hash bits, value), small enough to
// stay in cache; the name itself is compared only when the hash bits agree,
// and a name of a shape no entry has is not even hashed. It views the
// names; whoever fills it keeps them.
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/entities/name_shapes.hpp"

namespace wirespeed::extract_detail {

class name_table {
public:
  /// Replaces the contents: names[i] maps to i (the last of equal names wins).
  void assign(const std::vector<std::string_view> &names);
  /// The value of `name`, or -1.
  [[nodiscard]] std::int64_t find(std::string_view name) const noexcept;
  /// The table's hash of a name (never 0), for other tables of names.
  static std::uint32_t hash(std::string_view name) noexcept;

private:
  struct slot {
    std::uint32_t hash = 0; ///< 0: empty
    std::uint32_t value = 0;
  };
  std::vector<slot> slots_; ///< power-of-two size, at most half full
  std::vector<std::string_view> names_;
  name_shapes shapes_;
};

} // namespace wirespeed::extract_detail
