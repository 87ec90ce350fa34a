// Dates: absolute forms, relative ones resolved against the publication
// date, durations, day/month order and the reference date, on sentences
// written for each rule.
#include <gtest/gtest.h>

#include "api/extract_util.hpp"

namespace {

using list = std::vector<std::string>;

// Each date as "text|value|kind" (null written "-").
list dates_of(std::string_view text, const wirespeed::extraction &r) {
  list out;
  for (const auto &d : r.dates) {
    out.push_back(extract_test::span(text, d.begin, d.end) + "|" +
                  (d.value.empty() ? "-" : d.value) + "|" +
                  std::string(wirespeed::to_string(d.kind)));
  }
  return out;
}

// Published on Thursday, 2024-03-07, unless given.
list dates(std::string_view text, std::string published = "2024-03-07") {
  return dates_of(text, extract_test::run(text, "Headline", std::move(published)));
}

list dates_with(const wirespeed::extract_options &options, std::string_view text) {
  wirespeed::extract_error error;
  auto set = wirespeed::extractor_set::create(options, error);
  EXPECT_TRUE(set) << error.message;
  if (!set) {
    return {};
  }
  wirespeed::document doc;
  doc.text = std::string(text);
  wirespeed::extract_scratch scratch;
  wirespeed::extraction r;
  EXPECT_TRUE(set->extract(doc, scratch, r).ok());
  return dates_of(text, r);
}

} // namespace

TEST(extract_dates, absolute_forms_news_uses) {
  EXPECT_EQ(dates("Talks began Feb. 10, 2024, resumed March 7, 2024 and 26 May 2024, then "
                  "07.03.2024, 2024-03-20 and 18/06/2024; in November 2023 and since 2019."),
            (list{"Feb. 10, 2024|2024-02-10|absolute", "March 7, 2024|2024-03-07|absolute",
                  "26 May 2024|2024-05-26|absolute", "07.03.2024|2024-03-07|absolute",
                  "2024-03-20|2024-03-20|absolute", "18/06/2024|2024-06-18|absolute",
                  "November 2023|2023-11|absolute", "2019|2019|absolute"}));
}

TEST(extract_dates, month_and_day_without_year_take_the_nearest_year) {
  // Published 2024-03-07: October 7 was five months before, Aug. 15 is five
  // months ahead.
  EXPECT_EQ(dates("After the October 7 attack and the Oct. 7 raids, a vote is due on Aug. 15."),
            (list{"October 7|2023-10-07|absolute", "Oct. 7|2023-10-07|absolute",
                  "Aug. 15|2024-08-15|absolute"}));
}

TEST(extract_dates, weekdays_resolve_to_the_past_unless_the_future_is_said) {
  EXPECT_EQ(dates("Talks ended on Tuesday. He spoke on Thursday. Talks are expected to resume "
                  "on Monday, and the team will meet next Thursday, not last Thursday."),
            (list{"Tuesday|2024-03-05|relative", "Thursday|2024-03-07|relative",
                  "Monday|2024-03-11|relative", "next Thursday|2024-03-14|relative",
                  "last Thursday|2024-02-29|relative"}));
}

TEST(extract_dates, relative_days_weeks_months_and_years) {
  EXPECT_EQ(dates("Yesterday and today, this morning, earlier this week, last week and next "
                  "week; last month, next month, this year and last year."),
            (list{"Yesterday|2024-03-06|relative", "today|2024-03-07|relative",
                  "this morning|2024-03-07|relative", "earlier this week|2024-03-04|relative",
                  "last week|2024-02-26|relative", "next week|2024-03-11|relative",
                  "last month|2024-02|relative", "next month|2024-04|relative",
                  "this year|2024|relative", "last year|2023|relative"}));
}

TEST(extract_dates, a_month_alone_after_a_preposition_is_the_nearest_such_month) {
  // Published 2024-11-06: January is two months ahead; since October is past.
  EXPECT_EQ(dates("The mayor takes office in January. Prices rose since October. It may rain.",
                  "2024-11-06"),
            (list{"January|2025-01|relative", "October|2024-10|relative"}));
}

TEST(extract_dates, durations_are_quantities_of_time_without_their_hedge) {
  EXPECT_EQ(dates("After five months of war, a 40-day ceasefire took less than seven minutes "
                  "to agree, 24 hours before a 34-year-old was freed."),
            (list{"five months|-|duration", "40-day|-|duration", "seven minutes|-|duration",
                  "24 hours|-|duration"}));
}

TEST(extract_dates, nothing_on_boilerplate_lines) {
  EXPECT_EQ(dates("Crews worked on Monday.\n\nYou have read 3 of 5 free articles this month."),
            (list{"Monday|2024-03-04|relative"}));
}

TEST(extract_dates, day_month_order_follows_the_option_unless_a_number_settles_it) {
  const std::string text = "Signed 07/03/2024, paid 18/06/2024 and 06/18/2024.";
  wirespeed::extract_options dmy;
  EXPECT_EQ(dates_with(dmy, text),
            (list{"07/03/2024|2024-03-07|absolute", "18/06/2024|2024-06-18|absolute",
                  "06/18/2024|2024-06-18|absolute"}));
  wirespeed::extract_options mdy;
  mdy.numeric_date_order = wirespeed::date_order::mdy;
  EXPECT_EQ(dates_with(mdy, text),
            (list{"07/03/2024|2024-07-03|absolute", "18/06/2024|2024-06-18|absolute",
                  "06/18/2024|2024-06-18|absolute"}));
}

TEST(extract_dates, reference_date_resolves_documents_without_a_publication_date) {
  const std::string text = "The council met on Tuesday and will vote next week.";
  EXPECT_EQ(dates_with({}, text), (list{"Tuesday|-|relative", "next week|-|relative"}));
  wirespeed::extract_options options;
  options.reference_date = "2024-01-10";
  EXPECT_EQ(dates_with(options, text),
            (list{"Tuesday|2024-01-09|relative", "next week|2024-01-15|relative"}));
  // The document's own date wins over the reference date.
  EXPECT_EQ(dates(text, "2024-03-07"),
            (list{"Tuesday|2024-03-05|relative", "next week|2024-03-11|relative"}));
}

TEST(extract_dates, a_bad_reference_date_is_an_error) {
  wirespeed::extract_options options;
  options.reference_date = "10.01.2024";
  wirespeed::extract_error error;
  EXPECT_FALSE(wirespeed::extractor_set::create(options, error));
  EXPECT_NE(error.message.find("reference date '10.01.2024'"), std::string::npos) << error.message;
}
