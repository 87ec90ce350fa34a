#pragma once
// Calendar dates as news writes them ("07.03.2024", "Feb. 27, 2024",
// "15 января 2024"), shared by every extractor that reads dates.
#include <string>
#include <string_view>
#include <unordered_map>

#include "extract/common/string_hash.hpp"
#include "extract/common/word_list.hpp"
#include "wirespeed/extract.hpp"

namespace wirespeed::extract_detail {

struct civil_date {
  int year = 0;
  int month = 0;
  int day = 0;
};

/// Month names of any language (corpora/patterns/months.txt: number<TAB>name).
class month_table {
public:
  /// Adds the lines of `text`; returns an error message or "".
  std::string load(std::string_view text);
  /// 1..12 for a month name ("Feb", "Feb.", "february"), 0 otherwise.
  [[nodiscard]] int month_of(std::string_view word) const;

private:
  std::unordered_map<std::string, int, string_hash, std::equal_to<>> months_;
  word_sketch sketch_; ///< of months_' names: month_of() is asked of words next to numbers
};

/// Parses a complete date with a year (numeric or with a month name);
/// false when `text` is not one or names an impossible day. In a numeric
/// date a first number above 12 can only be the day and a second one above
/// 12 only the day: `order` decides only when both could be months.
[[nodiscard]] bool parse_date(std::string_view text, const month_table &months, date_order order,
                              civil_date &out);

/// "YYYY-MM-DD".
[[nodiscard]] std::string format_date(const civil_date &d);

/// Whether the date exists (year 1000..9999).
[[nodiscard]] bool is_valid(const civil_date &d) noexcept;
/// Days since 1970-01-01 (negative before), for date arithmetic.
[[nodiscard]] int days_from_civil(const civil_date &d) noexcept;
/// The date `days` days after 1970-01-01.
[[nodiscard]] civil_date civil_from_days(int days) noexcept;
/// ISO weekday: 1 = Monday ... 7 = Sunday.
[[nodiscard]] int iso_weekday(const civil_date &d) noexcept;

} // namespace wirespeed::extract_detail
