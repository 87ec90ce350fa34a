#pragma once
// Resolving dates that the text gives only in part ("Thursday", "October 7",
// "in January", "last week") against the reference (publication) date.
#include <string>
#include <string_view>

#include "extract/common/dates.hpp"

namespace wirespeed::extract_detail {

/// Which occurrence of a weekday, month or day of the year is meant.
enum class tense : std::uint8_t {
  past,           ///< the latest one not after the reference ("on Thursday")
  future,         ///< the earliest one not before it ("is expected on Thursday")
  strictly_past,  ///< "last Thursday": before the reference day
  strictly_future ///< "next Thursday": after the reference day
};

/// The weekday (1 = Monday .. 7 = Sunday) meant relative to `ref`.
[[nodiscard]] civil_date resolve_weekday(const civil_date &ref, int weekday, tense t) noexcept;

/// The occurrence of month/day (day 0: the whole month) nearest to `ref`;
/// on a tie the past one unless `t` is future. A strict tense forces the side.
[[nodiscard]] civil_date resolve_month_day(const civil_date &ref, int month, int day,
                                           tense t) noexcept;

/// The value of a relative phrase "unit:offset" (corpora/patterns/dates.txt):
/// "day:-1" -> the day before, "week:1" -> Monday of the next week,
/// "month:0" -> "YYYY-MM", "year:-1" -> "YYYY"; "" when the argument is malformed.
[[nodiscard]] std::string resolve_relative(const civil_date &ref, std::string_view argument);

/// "YYYY-MM".
[[nodiscard]] std::string format_month(const civil_date &d);

} // namespace wirespeed::extract_detail
