// Quotes: marks, partial quotes, attribution and the failure modes. Every
// article below was written for its test; expectations are read off it.
#include <gtest/gtest.h>

#include <tuple>

#include "api/extract_util.hpp"

using extract_test::quotes;
using strings = std::vector<std::string>;

TEST(extract_quotes, straight_quote_then_surname_resolves_to_full_name) {
  const char *text = "US Ambassador Jack Lew spoke on Thursday.\n\n"
                     "\"Talks are going on,\" Lew said at a conference.";
  EXPECT_EQ(quotes(text), (strings{"Talks are going on,|Jack Lew|said|f"}));
}

// Each mention of a surname takes the latest longer form before it, however
// often the surname was used alone in between.
TEST(extract_quotes, repeated_surname_takes_the_latest_full_name_before_it) {
  const char *text = "Finance Minister Jack Lew arrived on Monday.\n\n"
                     "\"We are ready,\" Lew said.\n\n"
                     "\"Markets will calm,\" Lew added.\n\n"
                     "Treasury aide Maria Lew met reporters.\n\n"
                     "\"The plan holds,\" Lew said.";
  EXPECT_EQ(quotes(text),
            (strings{"We are ready,|Jack Lew|said|f", "Markets will calm,|Jack Lew|added|f",
                     "The plan holds,|Maria Lew|said|f"}));
}

// The text before a mention is searched backwards in growing windows: a
// longer form far back, or lying across a window's edge at any byte, is
// still found, and a nearer one still wins.
TEST(extract_quotes, full_name_far_back_is_found_at_any_distance) {
  for (std::size_t filler = 0; filler < 1200; ++filler) {
    std::string text = "Finance Minister Jack Lew arrived on Monday.\n\n" +
                       std::string(filler, 'x') + "\n\n\"We are ready,\" Lew said.";
    EXPECT_EQ(quotes(text), (strings{"We are ready,|Jack Lew|said|f"})) << filler;
    text = "Aide Maria Lew spoke.\n\n" + text;
    EXPECT_EQ(quotes(text), (strings{"We are ready,|Jack Lew|said|f"})) << filler;
  }
}

TEST(extract_quotes, curly_quote_with_verb_before_the_speaker) {
  const char *text = "\u201CI feel despair,\u201D said Abir, who lives in Rafah.";
  EXPECT_EQ(quotes(text), (strings{"I feel despair,|Abir|said|f"}));
}

TEST(extract_quotes, told_and_title_before_the_name) {
  const char *text =
      "\u201CIt is impossible to know who is alive,\u201D Naim told Reuters.\n\n"
      "\"We will do what it takes,\" Israeli government spokesman David Mencer said on Thursday.";
  EXPECT_EQ(quotes(text), (strings{"It is impossible to know who is alive,|Naim|told|f",
                                   "We will do what it takes,|David Mencer|said|f"}));
}

TEST(extract_quotes, organisation_statement_and_pronoun) {
  const char *text = "\"Our delegation left Cairo this morning,\" a Hamas statement said.\n\n"
                     "Senior Hamas official Sami Abu Zuhri said Israel was stalling.\n\n"
                     "\"Israel is thwarting the talks at every single turn,\" he added.";
  EXPECT_EQ(
      quotes(text),
      (strings{"Our delegation left Cairo this morning,|Hamas|said|f",
               "Israel is thwarting the talks at every single turn,|Sami Abu Zuhri|added|f"}));
}

TEST(extract_quotes, pronoun_takes_the_last_named_speaker_before_it) {
  const char *text = "Mayor Ana Ruiz said the pipes were old.\n\n"
                     "Governor Tom Hale said help was coming.\n\n"
                     "\"We will rebuild every street in the town,\" she said.";
  EXPECT_EQ(quotes(text), (strings{"We will rebuild every street in the town,|Tom Hale|said|f"}));
}

TEST(extract_quotes, continuation_keeps_the_speaker_without_a_verb) {
  const char *text = "\"It's a classic panic,\" said Ken Mori. \"People sell what they can.\"";
  EXPECT_EQ(quotes(text), (strings{"It's a classic panic,|Ken Mori|said|f",
                                   "People sell what they can.|Ken Mori||f"}));
}

TEST(extract_quotes, partial_quotes_inside_a_sentence) {
  const char *text = "Envoy Daniel Mayer said a deal remained \"the goal\" but that talks "
                     "\"at any point\" would help.";
  EXPECT_EQ(quotes(text),
            (strings{"the goal|Daniel Mayer|said|p", "at any point|Daniel Mayer|said|p"}));
}

TEST(extract_quotes, multi_paragraph_quote_runs_to_the_last_closing_mark) {
  const char *text = "Mayor Luca Moretti spoke at dawn.\n\n"
                     "\u201CWe had sandbags and pumps. None of it was enough.\n\n"
                     "\u201CPeople are exhausted,\u201D he said.";
  EXPECT_EQ(quotes(text),
            (strings{"We had sandbags and pumps. None of it was enough.\n\n\u201CPeople are "
                     "exhausted,|Luca Moretti|said|f"}));
}

TEST(extract_quotes, nested_single_quotes_stay_inside) {
  const char *text = "\u201CThey call it \u2018the hardest drop\u2019 of their careers,\u201D "
                     "Colonel Omar Haddad said.";
  EXPECT_EQ(
      quotes(text),
      (strings{"They call it \u2018the hardest drop\u2019 of their careers,|Omar Haddad|said|f"}));
}

TEST(extract_quotes, inch_marks_are_not_quotes) {
  const char *text = "A 6\" pipe burst and 14\" of water filled the basement.\n\n"
                     "\"It was a mess in every room of the house,\" Jim Carver said.";
  EXPECT_EQ(quotes(text), (strings{"It was a mess in every room of the house,|Jim Carver|said|f"}));
}

TEST(extract_quotes, scare_quotes_titles_and_mentioned_words_are_not_quotes) {
  const char *text = "Drivers complained about a \"ghost\" signal on the line.\n\n"
                     "Her book, \"The Pale Reef\", sold well.\n\n"
                     "Officials said the word \"phase-out\" was dropped.";
  EXPECT_TRUE(quotes(text).empty());
}

TEST(extract_quotes, unclosed_quote_ends_with_its_paragraph) {
  const char *text =
      "The UN warned the assault would put \"hundreds of thousands of lives at risk.\n\n"
      "Aid groups said \"nothing\" had arrived, officials said.\n\n"
      "\"We need a deal today and not next week,\" Mayer said.";
  const auto got = quotes(text);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], "hundreds of thousands of lives at risk.|United Nations|warned|p");
  EXPECT_EQ(got[2], "We need a deal today and not next week,|Mayer|said|f");
}

TEST(extract_quotes, quote_at_end_of_input_without_closing_mark) {
  const char *text = "Minister Eva Lind said: \"We are ready to sign the agreement today";
  EXPECT_EQ(quotes(text), (strings{"We are ready to sign the agreement today|Eva Lind|said|f"}));
}

TEST(extract_quotes, stray_closing_mark_opens_nothing) {
  const char *text = "The talks ended.\u201D Nobody spoke.\n\n"
                     "\"Nothing was agreed at the meeting tonight,\" Kemal Aydin said.";
  EXPECT_EQ(quotes(text),
            (strings{"Nothing was agreed at the meeting tonight,|Kemal Aydin|said|f"}));
}

TEST(extract_quotes, guillemets_and_verb_after_a_dash) {
  const char *text =
      "\u00ABБригады работают круглосуточно\u00BB, \u2014 сказал глава МЧС Игорь Соколов.";
  EXPECT_EQ(quotes(text), (strings{"Бригады работают круглосуточно|Игорь Соколов|сказал|f"}));
}

TEST(extract_quotes, unnamed_source_gives_no_speaker) {
  const char *text = "\"The market needs stability,\" said one delegate, who declined to be named.";
  EXPECT_EQ(quotes(text), (strings{"The market needs stability,||said|f"}));
}

TEST(extract_quotes, quotes_in_boilerplate_lines_are_ignored) {
  const char *text = "\"We rely on readers like you.\" Every contribution, big or small, helps.\n\n"
                     "\"The bridge will reopen on Monday morning,\" engineer Paul Grant said.";
  EXPECT_EQ(quotes(text), (strings{"The bridge will reopen on Monday morning,|Paul Grant|said|f"}));
}

// The quotes extractor keeps its vectors in the scratch from one document to
// the next: a scratch that saw other documents (more quotes, none, more
// verbs) must give what a fresh one gives.
TEST(extract_quotes, a_reused_scratch_gives_what_a_fresh_one_gives) {
  const std::vector<std::string> texts = {
      "Finance Minister Jack Lew arrived.\n\n\"We are ready,\" Lew said. \"So are we,\" he "
      "added, adding: \"Markets will calm.\"\n\n\"The plan holds,\" Lew told reporters.",
      "No quotation here, said nobody.", "\u201CI feel despair,\u201D said Abir.", ""};
  wirespeed::extract_scratch reused;
  for (int round = 0; round < 2; ++round) {
    for (const std::string &text : texts) {
      wirespeed::document doc;
      doc.id = "t";
      doc.text = text;
      wirespeed::extraction fresh_out;
      wirespeed::extraction reused_out;
      wirespeed::extract_scratch fresh;
      ASSERT_TRUE(extract_test::default_set()->extract(doc, fresh, fresh_out).ok());
      ASSERT_TRUE(extract_test::default_set()->extract(doc, reused, reused_out).ok());
      ASSERT_EQ(reused_out.quotes.size(), fresh_out.quotes.size()) << text;
      for (std::size_t i = 0; i < fresh_out.quotes.size(); ++i) {
        const wirespeed::quote &a = fresh_out.quotes[i];
        const wirespeed::quote &b = reused_out.quotes[i];
        EXPECT_EQ(
            std::tie(b.begin, b.end, b.speaker, b.speaker_begin, b.speaker_end, b.verb, b.partial),
            std::tie(a.begin, a.end, a.speaker, a.speaker_begin, a.speaker_end, a.verb, a.partial))
            << text << " quote " << i;
      }
    }
  }
  EXPECT_EQ(extract_test::run(texts[0]).quotes.size(), 4u); // the test compares something
  EXPECT_EQ(extract_test::quotes(texts[2]), (strings{"I feel despair,|Abir|said|f"}));
}
