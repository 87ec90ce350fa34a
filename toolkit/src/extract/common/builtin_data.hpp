#pragma once
// The pattern lists of corpora/patterns/, compiled into the library.
#include <string_view>

namespace wirespeed::extract_detail {

/// The content of corpora/patterns/<name>.txt at build time ("" if unknown).
[[nodiscard]] std::string_view builtin_list(std::string_view name) noexcept;

} // namespace wirespeed::extract_detail
