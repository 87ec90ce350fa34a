#include "extract/common/dates.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

#include "extract/common/text.hpp"
#include "extract/common/word_list.hpp"

namespace wirespeed::extract_detail {
namespace {

std::string fold(std::string_view word) {
  std::string s(word);
  while (!s.empty() && s.back() == '.') {
    s.pop_back();
  }
  std::transform(s.begin(), s.end(), s.begin(), ascii_lower);
  return s;
}

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

} // namespace

bool is_valid(const civil_date &d) noexcept {
  return d.year >= 1000 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
int days_from_civil(const civil_date &d) noexcept {
  int y = d.month <= 2 ? d.year - 1 : d.year;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

civil_date civil_from_days(int days) noexcept {
  int z = days + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int day = doy - (153 * mp + 2) / 5 + 1;
  int month = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

int iso_weekday(const civil_date &d) noexcept {
  int days = days_from_civil(d); // 1970-01-01 was a Thursday (4)
  return ((days % 7) + 7 + 3) % 7 + 1;
}

std::string month_table::load(std::string_view text) {
  std::string error;
  for_each_list_line(text, [&](std::string_view label, std::string_view name) {
    int month = 0;
    for (char c : label) {
      month = is_digit(c) ? month * 10 + (c - '0') : 99;
    }
    if (month < 1 || month > 12) {
      error = fmt::format("months: bad month number '{}' for '{}'", label, name);
      return;
    }
    std::string folded = fold(name);
    sketch_.add(folded);
    months_[std::move(folded)] = month;
  });
  return error;
}

int month_table::month_of(std::string_view word) const {
  // Called on tokens next to every number: fold without allocating.
  constexpr std::size_t longest_month = 32;
  while (!word.empty() && word.back() == '.') {
    word.remove_suffix(1);
  }
  if (word.empty() || word.size() > longest_month || !sketch_.may_contain(word)) {
    return 0;
  }
  std::array<char, longest_month> folded{};
  std::transform(word.begin(), word.end(), folded.begin(), ascii_lower);
  auto it = months_.find(std::string_view(folded.data(), word.size()));
  return it == months_.end() ? 0 : it->second;
}

bool parse_date(std::string_view text, const month_table &months, date_order order,
                civil_date &out) {
  std::vector<std::string_view> numbers;
  int month = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t j = i;
    if (is_digit(text[i])) {
      while (j < text.size() && is_digit(text[j])) {
        ++j;
      }
      numbers.push_back(text.substr(i, j - i));
    } else if (is_word_byte(text[i])) {
      while (j < text.size() && is_word_byte(text[j])) {
        ++j;
      }
      if (int m = months.month_of(text.substr(i, j - i)); m != 0 && month == 0) {
        month = m;
      }
    } else {
      ++j;
    }
    i = j;
  }
  auto value = [](std::string_view digits) {
    int v = 0;
    for (char c : digits.substr(0, 6)) {
      v = v * 10 + (c - '0');
    }
    return v;
  };
  civil_date d;
  if (month != 0) {
    for (std::string_view n : numbers) {
      if (n.size() == 4 && d.year == 0) {
        d.year = value(n);
      } else if (n.size() <= 2 && d.day == 0) {
        d.day = value(n);
      }
    }
    d.month = month;
  } else if (numbers.size() >= 3) {
    if (numbers[0].size() == 4) {
      d = {value(numbers[0]), value(numbers[1]), value(numbers[2])};
    } else if (numbers[2].size() == 4) {
      int a = value(numbers[0]);
      int b = value(numbers[1]);
      bool day_first = a > 12 || (b <= 12 && order == date_order::dmy);
      d = day_first ? civil_date{value(numbers[2]), b, a} : civil_date{value(numbers[2]), a, b};
    }
  }
  if (!is_valid(d)) {
    return false;
  }
  out = d;
  return true;
}

std::string format_date(const civil_date &d) {
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

} // namespace wirespeed::extract_detail
