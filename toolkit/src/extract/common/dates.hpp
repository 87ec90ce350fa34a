#pragma once
// Calendar dates as news writes them ("07.03.2024", "Feb. 27, 2024",
// "15 января 2024"), shared by every extractor that reads dates.
#include <string>
#include <string_view>
#include <unordered_map>

namespace wirespeed::extract_detail {

struct civil_date {
  int year = 0;
  int month = 0;
  int day = 0;
};

/// Which of two small numbers comes first in "07/03/2024".
enum class date_order { dmy, mdy };

/// Month names of any language (corpora/patterns/months.txt: number<TAB>name).
class month_table {
public:
  /// Adds the lines of `text`; returns an error message or "".
  std::string load(std::string_view text);
  /// 1..12 for a month name ("Feb", "Feb.", "february"), 0 otherwise.
  [[nodiscard]] int month_of(std::string_view word) const;

private:
  std::unordered_map<std::string, int> months_;
};

/// Parses a complete date with a year (numeric or with a month name);
/// false when `text` is not one or names an impossible day.
[[nodiscard]] bool parse_date(std::string_view text, const month_table &months, date_order order,
                              civil_date &out);

/// "YYYY-MM-DD".
[[nodiscard]] std::string format_date(const civil_date &d);

} // namespace wirespeed::extract_detail
