// Quantities: numbers, hedges, vague amounts, units, events, and the numbers
// that are not quantities, on sentences written for each rule.
#include <gtest/gtest.h>

#include <sstream>

#include "api/extract_util.hpp"

namespace {

// Each quantity as "text|value|approx|unit|event" (null written "-").
std::vector<std::string> quantities(std::string_view text) {
  std::vector<std::string> out;
  for (const auto &q : extract_test::run(text, "Headline", "2024-03-07").quantities) {
    std::ostringstream value;
    value.precision(15);
    value << q.value;
    out.push_back(extract_test::span(text, q.begin, q.end) + "|" +
                  (q.has_value ? value.str() : "-") + "|" +
                  std::string(wirespeed::to_string(q.approx)) + "|" +
                  (q.unit.empty() ? "-" : q.unit) + "|" + (q.event.empty() ? "-" : q.event));
  }
  return out;
}

using list = std::vector<std::string>;

} // namespace

TEST(extract_quantities, hedges_name_the_approximation) {
  EXPECT_EQ(
      quantities("Rescuers found at least 5 people. More than 200 homes burned. Nearly "
                 "1,200 people fled. Some 130 hostages remain. Crews cut up to 40 trees, "
                 "about 85% of the total, in less than seven minutes."),
      (list{"at least 5 people|5|at_least|people|-", "More than 200 homes|200|more_than|homes|-",
            "Nearly 1,200 people|1200|nearly|people|displaced",
            "Some 130 hostages|130|about|hostages|-", "up to 40 trees|40|at_most|trees|-",
            "about 85%|85|about|percent|-", "less than seven minutes|7|less_than|minutes|-"}));
}

TEST(extract_quantities, over_before_a_time_unit_means_during) {
  EXPECT_EQ(quantities("Over 300 trucks crossed over four days."),
            (list{"Over 300 trucks|300|more_than|trucks|-", "four days|4|exact|days|-"}));
}

TEST(extract_quantities, separators_decimals_scales_signs_and_compounds) {
  EXPECT_EQ(quantities("Gaza's 2.3 million residents need $4.2 million and \u20AC85 million for "
                       "30,800 tents. A six-week truce followed a 6.1-magnitude quake, with "
                       "temperatures near 1.5 degrees Celsius."),
            (list{"2.3 million residents|2300000|exact|residents|-",
                  "$4.2 million|4200000|exact|dollars|-", "\u20AC85 million|85000000|exact|euros|-",
                  "30,800 tents|30800|exact|tents|-", "six-week|6|exact|week|-",
                  "6.1-magnitude|6.1|exact|magnitude|-",
                  "1.5 degrees Celsius|1.5|exact|degrees Celsius|-"}));
  EXPECT_EQ(quantities("Nights fell to minus 38 degrees."),
            (list{"minus 38 degrees|-38|exact|degrees|-"}));
  // A comma before anything but a group of three digits is a decimal comma.
  EXPECT_EQ(quantities("Salı günü 6,1 büyüklüğündeki deprem oldu."),
            (list{"6,1 büyüklüğündeki|6.1|exact|büyüklüğündeki|-"}));
}

TEST(extract_quantities, written_out_and_vague_amounts) {
  EXPECT_EQ(
      quantities("Forty farmers and more than a million Palestinians joined. Dozens of "
                 "people and hundreds of thousands of lives were at stake; tens of "
                 "thousands of Israelis marched."),
      (list{"Forty farmers|40|exact|farmers|-",
            "more than a million Palestinians|1000000|more_than|Palestinians|-",
            "Dozens of people|-|about|people|-", "hundreds of thousands of lives|-|about|lives|-",
            "tens of thousands of Israelis|-|about|Israelis|-"}));
}

TEST(extract_quantities, counted_noun_adjective_inch_mark_and_none) {
  EXPECT_EQ(quantities("She will build 2,000 affordable homes. A 6\" main burst. Israel wounded "
                       "more than 72,000 in Gaza."),
            (list{"2,000 affordable homes|2000|exact|homes|-", "6\"|6|exact|inches|-",
                  "more than 72,000|72000|more_than|-|injured"}));
  // A closing quote mark after a number is not an inch mark.
  EXPECT_EQ(quantities("\"We counted 12\" he said."), (list{"12|12|exact|-|-"}));
}

TEST(extract_quantities, dates_times_ages_ordinals_and_names_are_not_quantities) {
  EXPECT_EQ(
      quantities("On Oct. 7 and March 7, 2024 (07.03.2024, 18/06/2024, 2024-03-20) in "
                 "2019 at 10:30 a.m. and 0117 GMT, Lee, 58, said a 34-year-old man aged "
                 "19 finished 3rd and 14th at Pier 3 on Flight BR 417 after a 2-1 win, "
                 "by a margin of two to one. The average age was 67; the bridge, 40 years old, "
                 "closed at 7 p.m."),
      list{});
}

TEST(extract_quantities, nothing_on_boilerplate_lines) {
  EXPECT_EQ(quantities("Police said 16 people were arrested.\n\nYou have read 3 of 5 free "
                       "articles this month."),
            (list{"16 people|16|exact|people|-"}));
}

TEST(extract_quantities, events_before_after_and_across_an_apposition) {
  EXPECT_EQ(quantities("The offensive has killed at least 30,800 Palestinians and wounded more "
                       "than 72,000. Officials said 82 people had been killed. At least 30,878 "
                       "people, mostly women and children, have been killed. Doctors confirmed "
                       "49 deaths. More than 250 people were abducted."),
            (list{"at least 30,800 Palestinians|30800|at_least|Palestinians|killed",
                  "more than 72,000|72000|more_than|-|injured", "82 people|82|exact|people|killed",
                  "At least 30,878 people|30878|at_least|people|killed",
                  "49 deaths|49|exact|deaths|killed",
                  "More than 250 people|250|more_than|people|abducted"}));
}

TEST(extract_quantities, events_of_parts_shares_and_separate_clauses) {
  // "11 of them" shares the amount's event; in "85% of ... residents" the
  // event is the share's; "and" starts a new clause with its own verb.
  EXPECT_EQ(quantities("The crash injured dozens of people, 11 of them seriously. About 85% of "
                       "Gaza's 2.3 million residents have been displaced. At least 11 people died "
                       "and more than 60 were missing. Rescuers worked 24 hours as 9 were killed."),
            (list{"dozens of people|-|about|people|injured", "11|11|exact|-|injured",
                  "About 85%|85|about|percent|displaced",
                  "2.3 million residents|2300000|exact|residents|-",
                  "At least 11 people|11|at_least|people|killed", "more than 60|60|more_than|-|-",
                  "24 hours|24|exact|hours|-", "9|9|exact|-|killed"}));
}

TEST(extract_quantities, ranges_keep_both_bounds) {
  const std::string text = "Between 30 and 40 people were killed. Officials counted 2 to 3 million "
                           "displaced, between five and six hundred trucks and 12 to 15 homes.";
  EXPECT_EQ(quantities(text), (list{"Between 30 and 40 people|30|range|people|killed",
                                    "2 to 3 million|2000000|range|-|displaced",
                                    "between five and six hundred trucks|500|range|trucks|-",
                                    "12 to 15 homes|12|range|homes|-"}));
  std::vector<double> upper;
  for (const auto &q : extract_test::run(text, "Headline", "2024-03-07").quantities) {
    upper.push_back(q.value_max);
  }
  EXPECT_EQ(upper, (std::vector<double>{40, 3000000, 600, 15})); // "five and six hundred": 500-600
}

TEST(extract_quantities, changes_ratios_and_lone_between_are_no_ranges) {
  EXPECT_EQ(quantities("Prices rose from 30 to 40 percent. The vote was three to one. "
                       "The talks ran between 10 people and the press."),
            (list{"40 percent|40|exact|percent|-", "10 people|10|exact|people|-"}));
}
