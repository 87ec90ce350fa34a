#pragma once
/**
 * @file version.hpp
 * @brief Version of the toolkit and of the engines it was built with.
 */
#include <string>
#include <string_view>

namespace wirespeed {

[[nodiscard]] std::string_view version() noexcept;
/// Hyperscan's own version string (e.g. "5.4.0 2023-01-25").
[[nodiscard]] std::string hyperscan_version();
/// simdjson's version as compiled in.
[[nodiscard]] std::string_view simdjson_version() noexcept;

} // namespace wirespeed
