#include "extract/common/dates.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "extract/common/word_list.hpp"

namespace wirespeed::extract_detail {
namespace {

std::string fold(std::string_view word) {
  std::string s(word);
  while (!s.empty() && s.back() == '.') {
    s.pop_back();
  }
  std::transform(s.begin(), s.end(), s.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return s;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

bool valid(const civil_date &d) {
  return d.year >= 1000 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

} // namespace

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
    months_[fold(name)] = month;
  });
  return error;
}

int month_table::month_of(std::string_view word) const {
  auto it = months_.find(fold(word));
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
      d = order == date_order::dmy ? civil_date{value(numbers[2]), b, a}
                                   : civil_date{value(numbers[2]), a, b};
    }
  }
  if (!valid(d)) {
    return false;
  }
  out = d;
  return true;
}

std::string format_date(const civil_date &d) {
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

} // namespace wirespeed::extract_detail
