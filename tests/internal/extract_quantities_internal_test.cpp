// The text of one number (quantities/numbers.hpp).
#include <gtest/gtest.h>

#include <string_view>

#include "extract/quantities/numbers.hpp"

namespace wirespeed::extract_detail {
namespace {

double value_of(std::string_view s) {
  double v = -1;
  EXPECT_TRUE(parse_number(s, v)) << s;
  return v;
}

TEST(parse_number, reads_grouping_and_decimal_separators) {
  EXPECT_EQ(value_of("30,800"), 30800);
  EXPECT_EQ(value_of("1,250,000"), 1250000);
  EXPECT_EQ(value_of("2.3"), 2.3);
  EXPECT_EQ(value_of("6,1"), 6.1); // a decimal comma: not a group of three
  EXPECT_EQ(value_of("12,34"), 12.34);
  EXPECT_EQ(value_of("7"), 7);
  // more digits than a double holds exactly: from_chars reads them
  EXPECT_EQ(value_of("1234567890123456789"), 1234567890123456789.0);
}

TEST(parse_number, refuses_what_is_no_number) {
  double v = 0;
  EXPECT_FALSE(parse_number("14th", v));
  EXPECT_FALSE(parse_number("", v));
  EXPECT_FALSE(parse_number(",", v));
  EXPECT_FALSE(parse_number("2.3.4", v));
}

TEST(unit_after_dash, takes_the_unit_but_not_an_age_or_a_number) {
  std::string_view unit;
  const std::string_view week = "a six-week truce";
  ASSERT_TRUE(unit_after_dash(week, 5, 10, unit));
  EXPECT_EQ(unit, "week");
  const std::string_view quake = "6.1-magnitude";
  ASSERT_TRUE(unit_after_dash(quake, 3, 13, unit));
  EXPECT_EQ(unit, "magnitude");
  const std::string_view age = "34-year-old";
  EXPECT_FALSE(unit_after_dash(age, 2, 11, unit));
  const std::string_view score = "2-1";
  EXPECT_FALSE(unit_after_dash(score, 1, 3, unit));
  const std::string_view bare = "30-";
  EXPECT_FALSE(unit_after_dash(bare, 2, 3, unit));
}

} // namespace
} // namespace wirespeed::extract_detail
