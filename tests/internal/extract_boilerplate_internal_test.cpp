// Line-anchored phrase patterns of the boilerplate extractor: which regexes
// expand into phrases, and how a line is looked up among them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/boilerplate/line_phrases.hpp"

namespace wirespeed::extract_detail {
namespace {

using strings = std::vector<std::string>;

strings phrases_of(std::string_view regex) {
  auto set = line_phrases_of(regex);
  return set ? set->phrases : strings{"<regex>"};
}

TEST(line_phrases_of, expands_groups_alternation_and_optional_parts) {
  EXPECT_EQ(phrases_of("^(Share|Print)$"), (strings{"share", "print"}));
  EXPECT_EQ(phrases_of("^get (unlimited|full) (digital )?access"),
            (strings{"get unlimited digital access", "get unlimited access",
                     "get full digital access", "get full access"}));
  EXPECT_EQ(phrases_of("^topics:?$"), (strings{"topics:", "topics"}));
  EXPECT_EQ(phrases_of("^(?:a|b)(c|d)$"), (strings{"ac", "ad", "bc", "bd"}));
  EXPECT_EQ(phrases_of(R"(^thank you\. you are)"), (strings{"thank you. you are"}));
  EXPECT_EQ(phrases_of("^a|b"), (strings{"a", "b"})); // the scan would anchor only "a"
}

TEST(line_phrases_of, reads_the_anchor_at_the_end) {
  EXPECT_EQ(line_phrases_of("^share$")->anchor, line_anchor::whole);
  EXPECT_EQ(line_phrases_of(R"(^read more\b)")->anchor, line_anchor::opens_word);
  EXPECT_EQ(line_phrases_of("^tags:")->anchor, line_anchor::opens);
  EXPECT_EQ(phrases_of(R"(^cost \$)"), (strings{"cost $"})); // an escaped '$' is a character
  EXPECT_EQ(line_phrases_of(R"(^cost \$)")->anchor, line_anchor::opens);
}

TEST(line_phrases_of, leaves_everything_else_to_the_scan) {
  for (std::string_view regex :
       {"share$", R"(^\d+ comments?$)", R"(^#\w+( #\w+)*$)", "^[a-z]+$", "^a.b", "^(a|b)+$",
        "^ab{2}", "^(?i)share", "^(?=a)b", "^(a$", "^a)", "^a??", R"(^a\b c)", "^a$b", "^(a|)$",
        "^poделиться$", "^", R"(^a\)"}) {
    EXPECT_FALSE(line_phrases_of(regex)) << regex;
  }
  EXPECT_FALSE(line_phrases_of("^(a|b)(c|d)(e|f)", 7)); // eight phrases
  EXPECT_TRUE(line_phrases_of("^(a|b)(c|d)(e|f)", 8));
}

line_phrase_table table_of(std::initializer_list<std::pair<std::string_view, boilerplate_kind>> l) {
  line_phrase_table table;
  for (const auto &[regex, kind] : l) {
    table.add(*line_phrases_of(regex), kind);
  }
  return table;
}

TEST(line_phrase_table, finds_the_longest_phrase_the_line_opens_with) {
  line_phrase_table table = table_of({{"^(share|print)$", boilerplate_kind::share},
                                      {"^share (this|the) story", boilerplate_kind::share},
                                      {R"(^(read more|see also)\b)", boilerplate_kind::related},
                                      {"^tags:", boilerplate_kind::related}});
  auto hit = table.longest("Share This Story now");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->length, 16u);
  EXPECT_EQ(hit->kind, boilerplate_kind::share);
  EXPECT_EQ(table.longest("SHARE")->length, 5u);
  EXPECT_EQ(table.longest("Tags:politics")->kind, boilerplate_kind::related);
  EXPECT_EQ(table.longest("Read more: the inquiry")->length, 9u);
  EXPECT_EQ(table.longest("read more")->length, 9u);
}

TEST(line_phrase_table, respects_line_ends_and_word_boundaries) {
  line_phrase_table table = table_of({{"^(share|print)$", boilerplate_kind::share},
                                      {R"(^read more\b)", boilerplate_kind::related},
                                      {R"(^n\.b\.\b)", boilerplate_kind::other}});
  EXPECT_FALSE(table.longest("Shares rose"));
  EXPECT_FALSE(table.longest("share "));
  EXPECT_FALSE(table.longest("share\r")); // "$" is before '\n', as in the scan
  EXPECT_FALSE(table.longest(" share"));
  EXPECT_FALSE(table.longest("Read moreover"));
  EXPECT_FALSE(table.longest("read more_"));
  EXPECT_FALSE(table.longest(""));
  EXPECT_FALSE(table.longest("n.b. x")); // after '.', \b needs a word byte
  EXPECT_TRUE(table.longest("n.b.x"));
  EXPECT_FALSE(table.empty());
  EXPECT_TRUE(line_phrase_table{}.empty());
}

} // namespace
} // namespace wirespeed::extract_detail
