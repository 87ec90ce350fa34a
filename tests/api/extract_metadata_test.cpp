// Metadata: title, byline, dateline and publication date on articles
// written for each house style.
#include <gtest/gtest.h>

#include "api/extract_util.hpp"

using extract_test::run;
using strings = std::vector<std::string>;

TEST(extract_metadata, record_title_wins_else_first_headline_line) {
  EXPECT_EQ(run("Body text.", "Given title").title, "Given title");
  EXPECT_EQ(run("Floods hit the north\n\nRain fell for two days and rivers rose.", "").title,
            "Floods hit the north");
}

TEST(extract_metadata, by_line_with_two_names) {
  const auto r = run("By Rania El Sayed and John Miller\n\nRIYADH, June 2 \u2014 OPEC+ agreed on "
                     "Sunday to extend most of its cuts into next year, delegates said.");
  EXPECT_EQ(r.byline, (strings{"Rania El Sayed", "John Miller"}));
  EXPECT_EQ(r.dateline, "RIYADH");
}

TEST(extract_metadata, name_bar_date_line_and_published_from_text) {
  const auto r = run("Selin Yavuz  | 07.03.2024 - Update : 08.03.2024\n\nJERUSALEM\n\n"
                     "The envoy said on Thursday that it was too early to call the talks dead.");
  EXPECT_EQ(r.byline, (strings{"Selin Yavuz"}));
  EXPECT_EQ(r.published, "2024-03-07");
  EXPECT_EQ(r.dateline, "JERUSALEM");
}

TEST(extract_metadata, writing_by_and_reporting_by_skip_editors_and_places) {
  const auto r =
      run("ANKARA (Reuters) - A strong earthquake struck eastern Turkey on Tuesday, officials "
          "said, and rescue teams were sent.\n\n*Writing by Murat Demirel in Ankara\n\n"
          "Reporting by Nora Lunde; Editing by Simon Ward");
  EXPECT_EQ(r.byline, (strings{"Murat Demirel", "Nora Lunde"}));
  EXPECT_EQ(r.dateline, "ANKARA");
}

TEST(extract_metadata, dateline_with_colon_or_state_qualifier) {
  EXPECT_EQ(run("Washington: Talks on a ceasefire will resume next week, Hamas said on "
                "Thursday after its negotiators left.")
                .dateline,
            "Washington");
  EXPECT_EQ(run("BOLOGNA, Italy \u2014 At least nine people have died after two days of "
                "torrential rain in the region.")
                .dateline,
            "BOLOGNA, Italy");
  EXPECT_EQ(run("The president said on Monday that the economy was growing faster than "
                "expected this year.")
                .dateline,
            "");
}

TEST(extract_metadata, record_published_wins_over_the_text) {
  EXPECT_EQ(run("Published 3rd March 2024\n\nText of the story follows here.", "T", "2024-03-05")
                .published,
            "2024-03-05");
  EXPECT_EQ(run("Published 3rd March 2024\n\nText of the story follows here.").published,
            "2024-03-03");
  EXPECT_EQ(run("No date anywhere in this story, which is long enough to be body text.").published,
            "");
}

TEST(extract_metadata, headline_lines_before_the_dateline_and_caption_dates_ignored) {
  const auto r = run("Envoy says talks are not dead, only paused for the holiday week\n"
                     "Aid parcels fall over Gaza, March 7, 2024. Image Credit: REUTERS\n\n"
                     "JERUSALEM\n\nThe envoy said on Thursday that talks would go on next week.",
                     "T");
  EXPECT_EQ(r.dateline, "JERUSALEM");
  EXPECT_EQ(r.published, "");
}
