#pragma once
// The text of one number: its value, and the unit written onto it after a
// dash ("six-week", "6.1-magnitude").
#include <cstdint>
#include <string_view>

namespace wirespeed::extract_detail {

/// "30,800" -> 30800, "2.3" -> 2.3; a single comma not followed by a group
/// of three digits is a decimal comma ("6,1" -> 6.1, as Turkish writes it);
/// false for anything with letters.
bool parse_number(std::string_view s, double &out);

/// The unit after the dash at `dash` of a number token ending at `end`:
/// "week" of "six-week", "magnitude" of "6.1-magnitude". False for an age
/// ("34-year-old"), for nothing after the dash and for a digit after it.
[[nodiscard]] bool unit_after_dash(std::string_view text, std::uint32_t dash, std::uint32_t end,
                                   std::string_view &unit);

} // namespace wirespeed::extract_detail
