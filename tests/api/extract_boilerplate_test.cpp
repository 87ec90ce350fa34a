// Boilerplate: line classification with the built-in lists and user lists.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "api/extract_util.hpp"

using extract_test::run;
using extract_test::span;

namespace {

std::vector<std::string> furniture(std::string_view text) {
  std::vector<std::string> out;
  for (const auto &b : run(text).boilerplate) {
    out.push_back(span(text, b.begin, b.end) + "|" + std::string(wirespeed::to_string(b.kind)));
  }
  return out;
}

// Extracts from `text` with every extractor and one user pattern file
// holding `patterns`.
wirespeed::extraction run_with_user_file(std::string_view patterns, const std::string &text) {
  const std::string path = ::testing::TempDir() + "/extract_user_patterns.txt";
  {
    std::ofstream out(path);
    out << patterns;
  }
  wirespeed::extract_error error;
  wirespeed::extract_options options;
  options.pattern_files = {path};
  auto set = wirespeed::extractor_set::create(options, error);
  std::remove(path.c_str());
  wirespeed::extraction out;
  EXPECT_TRUE(set) << error.message;
  if (set) {
    wirespeed::document doc;
    doc.text = text;
    wirespeed::extract_scratch scratch;
    EXPECT_TRUE(set->extract(doc, scratch, out).ok());
  }
  return out;
}

} // namespace

using strings = std::vector<std::string>;

TEST(extract_boilerplate, widgets_prompts_and_appeals) {
  const char *text = "The bridge reopened on Monday after repairs.\n\n"
                     "You have read 3 of 5 free articles this month.\n"
                     "Register to receive full access to the Daily Post.\n"
                     "Related topics\n"
                     "Bu haberi payla\u015F\u0131n\n"
                     "Leave a Comment\n"
                     "Our reporters work every day. Independent journalism costs money, and we "
                     "rely on readers like you. Every contribution, big or small, helps.";
  EXPECT_EQ(furniture(text),
            (strings{"You have read 3 of 5 free articles this month.|paywall",
                     "Register to receive full access to the Daily Post.|paywall",
                     "Related topics|related", "Bu haberi payla\u015F\u0131n|share",
                     "Leave a Comment|comments",
                     "Our reporters work every day. Independent journalism costs money, and we "
                     "rely on readers like you. Every contribution, big or small, helps.|other"}));
}

TEST(extract_boilerplate, captions_and_credits) {
  const char *text = "Soldiers patrol a street in Khan Yunis, Feb. 29, 2024. Credit: IDF.\n\n"
                     "Residents wade through a flooded street.\nPhoto: AFP\n\n"
                     "The water receded on Friday.";
  EXPECT_EQ(furniture(text),
            (strings{"Soldiers patrol a street in Khan Yunis, Feb. 29, 2024. Credit: IDF.|caption",
                     "Residents wade through a flooded street.|caption", "Photo: AFP|credit"}));
}

TEST(extract_boilerplate, article_prose_with_a_listed_word_stays) {
  const char *text = "Shares of the company rose 4% after it said it would share more data "
                     "with regulators and post comments online.\n\nRafa's fears";
  EXPECT_TRUE(furniture(text).empty());
}

TEST(extract_boilerplate, user_pattern_file_adds_a_kind) {
  wirespeed::extraction out = run_with_user_file(
      "# house furniture\nnavigation\tre:^Front page > \nverb\tgrumbled\n",
      "Front page > World\n\n\"The trains never come on time,\" grumbled Tom Ash.");
  ASSERT_EQ(out.boilerplate.size(), 1u);
  EXPECT_EQ(out.boilerplate[0].kind, wirespeed::boilerplate_kind::navigation);
  ASSERT_EQ(out.quotes.size(), 1u);
  EXPECT_EQ(out.quotes[0].speaker, "Tom Ash");
  EXPECT_EQ(out.quotes[0].verb, "grumbled");
}

// "^(share|...)$", "^(read more|...)\b": phrase patterns hold for the whole
// line or its opening only, never for prose that starts the same way.
TEST(extract_boilerplate, line_phrases_hold_for_whole_lines_or_openings) {
  const char *text = "Share\n"
                     "Shares of the bank fell.\n"
                     "Read more: the inquiry so far\n"
                     "Read moreover the court\n"
                     "Topics\n"
                     "Topics of the day were many.\n"
                     "Get full digital access for a dollar\n";
  EXPECT_EQ(furniture(text),
            (strings{"Share|share", "Read more: the inquiry so far|related", "Topics|related",
                     "Get full digital access for a dollar|paywall"}));
}

// A line of hashtags is a topic widget; hashtags inside prose are not.
TEST(extract_boilerplate, hashtag_lines_are_related_content) {
  const char *text = "Crowds gathered in the square.\n"
                     "#Gaza\n"
                     "#Gaza #Ceasefire2024 #Rafah\n"
                     "#Gaza  #Rafah\n"
                     "#Gaza # Rafah\n"
                     "Follow the talks at #Ceasefire2024 today.\n"
                     "#Gaza talks resume\n";
  EXPECT_EQ(furniture(text), (strings{"#Gaza|related", "#Gaza #Ceasefire2024 #Rafah|related"}));
}

TEST(extract_boilerplate, user_phrase_pattern_is_a_whole_line_pattern) {
  const std::string text = "The front page changed.\nBACK PAGE\nfront pages\n";
  wirespeed::extraction out = run_with_user_file("navigation\tre:^(front|back) page$\n", text);
  ASSERT_EQ(out.boilerplate.size(), 1u);
  EXPECT_EQ(span(text, out.boilerplate[0].begin, out.boilerplate[0].end), "BACK PAGE");
  EXPECT_EQ(out.boilerplate[0].kind, wirespeed::boilerplate_kind::navigation);
}

TEST(extract_boilerplate, user_pattern_with_unknown_label_is_an_error) {
  const std::string path = ::testing::TempDir() + "/extract_bad_patterns.txt";
  {
    std::ofstream out(path);
    out << "furniture\tSubscribe\n";
  }
  wirespeed::extract_error error;
  wirespeed::extract_options options;
  options.pattern_files = {path};
  auto set = wirespeed::extractor_set::create(options, error);
  EXPECT_FALSE(set);
  EXPECT_NE(error.message.find("furniture"), std::string::npos) << error.message;
  std::remove(path.c_str());
}
