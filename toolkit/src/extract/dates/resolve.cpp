#include "extract/dates/resolve.hpp"

#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

namespace wirespeed::extract_detail {
namespace {

constexpr int months_per_year = 12;
constexpr int days_per_week = 7;

int month_index(const civil_date &d) {
  return d.year * months_per_year + d.month - 1;
}

civil_date from_month_index(int index) {
  return {index / months_per_year, index % months_per_year + 1, 1};
}

bool is_past(tense t) {
  return t == tense::past || t == tense::strictly_past;
}

} // namespace

civil_date resolve_weekday(const civil_date &ref, int weekday, tense t) noexcept {
  int today = days_from_civil(ref);
  int back = (iso_weekday(ref) - weekday + days_per_week) % days_per_week;
  int ahead = (weekday - iso_weekday(ref) + days_per_week) % days_per_week;
  switch (t) {
  case tense::past:
    return civil_from_days(today - back);
  case tense::future:
    return civil_from_days(today + ahead);
  case tense::strictly_past:
    return civil_from_days(today - (back == 0 ? days_per_week : back));
  case tense::strictly_future:
    return civil_from_days(today + (ahead == 0 ? days_per_week : ahead));
  }
  return ref;
}

civil_date resolve_month_day(const civil_date &ref, int month, int day, tense t) noexcept {
  // Distance in days for a day of the year, in months for a whole month.
  auto distance = [&](const civil_date &d) {
    return day == 0 ? month_index(d) - month_index(ref) : days_from_civil(d) - days_from_civil(ref);
  };
  civil_date best{};
  bool found = false;
  for (int year = ref.year - 1; year <= ref.year + 1; ++year) {
    civil_date d{year, month, day == 0 ? 1 : day};
    if (!is_valid(d)) {
      continue;
    }
    int dist = distance(d);
    bool side_ok = (t == tense::strictly_past && dist < 0) ||
                   (t == tense::strictly_future && dist > 0) || t == tense::past ||
                   t == tense::future;
    if (!side_ok) {
      continue;
    }
    int best_dist = found ? distance(best) : 0;
    bool closer = !found || std::abs(dist) < std::abs(best_dist) ||
                  (std::abs(dist) == std::abs(best_dist) && (is_past(t) ? dist < 0 : dist > 0));
    if (closer) {
      best = d;
      found = true;
    }
  }
  return best;
}

std::string format_month(const civil_date &d) {
  return fmt::format("{:04}-{:02}", d.year, d.month);
}

std::string resolve_relative(const civil_date &ref, std::string_view argument) {
  std::size_t colon = argument.find(':');
  if (colon == std::string_view::npos) {
    return {};
  }
  std::string_view unit = argument.substr(0, colon);
  std::string_view number = argument.substr(colon + 1);
  int offset = 0;
  auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), offset);
  if (ec != std::errc() || ptr != number.data() + number.size()) {
    return {};
  }
  if (unit == "day") {
    return format_date(civil_from_days(days_from_civil(ref) + offset));
  }
  if (unit == "week") {
    int monday = days_from_civil(ref) - (iso_weekday(ref) - 1);
    return format_date(civil_from_days(monday + offset * days_per_week));
  }
  if (unit == "month") {
    return format_month(from_month_index(month_index(ref) + offset));
  }
  if (unit == "year") {
    return fmt::format("{:04}", ref.year + offset);
  }
  return {};
}

} // namespace wirespeed::extract_detail
