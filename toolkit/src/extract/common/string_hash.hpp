#pragma once
// The hash of the extractors' string-keyed tables: transparent, so that a
// string_view looks a key up without building a std::string.
#include <cstddef>
#include <functional>
#include <string_view>

namespace wirespeed::extract_detail {

struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

} // namespace wirespeed::extract_detail
