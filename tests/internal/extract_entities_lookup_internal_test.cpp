// The name tagger's shortcuts, each against the lookup it stands for: a
// token's remembered cue lists against cues_of(), and the shape tests that
// skip table lookups against the tables.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/entities/cues.hpp"
#include "extract/entities/gazetteer.hpp"
#include "extract/entities/name_shapes.hpp"
#include "extract/entities/name_table.hpp"
#include "extract/entities/token_cues.hpp"
#include "wirespeed/tokenize.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::string_view article =
    "JERUSALEM (Reuters) - The spokesman for the Interior Ministry said on Monday that\n"
    "Prime Minister Benjamin Netanyahu's office in the Gaza Strip was near the border\n"
    "crossing. \"We are told the University of Edinburgh and Meridian Freight Inc. warned\n"
    "residents,\" said Dr. Ellen Park, a director at Banco Santander, adding that Lake Mead,\n"
    "the Kerem Shalom crossing and Cape Town were in no danger. По словам МЧС, GMT 10:00.\n"
    "Correspondent reporting from Rafah; the minister's aide asked about Musée d'Orsay.";

// Every token of the article, asked in a scrambled order and twice: each
// answer is cues_of() of its bytes, whoever asked first.
TEST(token_cues, remembers_what_cues_of_answers_for_every_token) {
  token_buffer buffer;
  ASSERT_EQ(tokenize(article, buffer), tokenize_status::ok);
  const std::span<const token> tokens = buffer.tokens();
  ASSERT_GT(tokens.size(), 90u);
  token_cues cues;
  cues.reset(article, tokens);
  std::size_t in_lists = 0;
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const std::size_t i = (k * 37) % tokens.size(); // 37 and the count share no factor
      const std::string_view word =
          article.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
      EXPECT_EQ(cues.of(i), cues_of(word)) << word;
      EXPECT_EQ(cues.is(i, cue::speech_verb), (cues_of(word) & cue::speech_verb) != 0) << word;
      in_lists += cues.of(i) != 0;
    }
  }
  EXPECT_GT(in_lists, 40u); // the article exercises the lists, not only misses
}

// reset() forgets the last document's answers: the same token numbers in
// another text are looked up again.
TEST(token_cues, forgets_the_last_document) {
  constexpr std::string_view first = "officials said the Ministry";
  constexpr std::string_view second = "The Street near Bank";
  token_buffer a;
  token_buffer b;
  ASSERT_EQ(tokenize(first, a), tokenize_status::ok);
  ASSERT_EQ(tokenize(second, b), tokenize_status::ok);
  token_cues cues;
  cues.reset(first, a.tokens());
  EXPECT_EQ(cues.of(1), cue::speech_verb);
  EXPECT_EQ(cues.of(3), cue::organization_tail | cue::connector_head);
  cues.reset(second, b.tokens());
  EXPECT_EQ(cues.of(1), cue::place_tail);
  EXPECT_EQ(cues.of(2), cues_of("near"));
  EXPECT_EQ(cues.of(3), cue::organization_tail | cue::connector_head);
  EXPECT_EQ(cues.of(0), cue::common_capitalised);
}

TEST(name_shapes, says_no_only_for_shapes_never_added) {
  name_shapes shapes;
  EXPECT_FALSE(shapes.may_hold(""));
  EXPECT_FALSE(shapes.may_hold("Rafah"));
  shapes.add("Rafah");
  shapes.add("");
  shapes.add(std::string(70, 'L')); // 63 bytes or more share a bit
  EXPECT_TRUE(shapes.may_hold("Rafah"));
  EXPECT_TRUE(shapes.may_hold("Roman")); // same shape: a maybe
  EXPECT_TRUE(shapes.may_hold(""));
  EXPECT_FALSE(shapes.may_hold("Rafa"));
  EXPECT_FALSE(shapes.may_hold("Gazah"));
  EXPECT_TRUE(shapes.may_hold(std::string(63, 'L')));
  EXPECT_TRUE(shapes.may_hold(std::string(90, 'L')));
  EXPECT_FALSE(shapes.may_hold(std::string(62, 'L')));
  EXPECT_TRUE(shapes.may_hold("Rafa", 3, 5));
  EXPECT_TRUE(shapes.may_hold("Rxxxxxx", 5, 5));
  EXPECT_FALSE(shapes.may_hold("Rafa", 2, 4));
  EXPECT_FALSE(shapes.may_hold("Rafa", 6, 62));
  EXPECT_TRUE(shapes.may_hold("L", 60, 100));
}

// The table answers as before for names it holds and names of their shape;
// a name of another shape is a miss without a probe.
TEST(name_table, finds_names_of_every_shape_it_holds) {
  const std::string long_name(80, 'x');
  const std::vector<std::string_view> names{"Rafah", "Rafa", "", long_name, "Al-Qahera News"};
  name_table table;
  table.assign(names);
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(table.find(names[i]), static_cast<std::int64_t>(i)) << names[i];
  }
  EXPECT_EQ(table.find("Rafax"), -1); // a held shape, another name
  EXPECT_EQ(table.find("Gaza"), -1);
  EXPECT_EQ(table.find(std::string(81, 'x')), -1);
  table.assign({"Gaza"});
  EXPECT_EQ(table.find("Rafah"), -1); // assign() forgets the old shapes
  EXPECT_EQ(table.find("Gaza"), 0);
}

TEST(gazetteer, could_be_near_rules_out_by_first_byte_length_and_type) {
  gazetteer g;
  ASSERT_EQ(g.load("place\tRafah\nperson\tIsmail Haniyeh\norganization\tAl-Qahera News\n", "t"),
            "");
  EXPECT_TRUE(g.could_be_near("Rafa"));
  EXPECT_TRUE(g.could_be_near("Rafa", entity_type::place));
  EXPECT_FALSE(g.could_be_near("Rafa", entity_type::person));
  EXPECT_FALSE(g.could_be_near("Raf"));     // too short for any edit
  EXPECT_FALSE(g.could_be_near("Rafahhh")); // two bytes longer: one edit allowed
  EXPECT_FALSE(g.could_be_near("Bafah"));
  EXPECT_TRUE(g.could_be_near("Ismail Haniye", entity_type::person));
  EXPECT_TRUE(g.could_be_near("Ismail Haniyehxx")); // two edits allowed from 10 bytes
  EXPECT_FALSE(g.could_be_near("Ismail Haniyehxxx"));
  // a name that changes type keeps its old type's shape: a maybe, never a miss
  ASSERT_EQ(g.load("person\tRafah\n", "u"), "");
  EXPECT_TRUE(g.could_be_near("Rafa", entity_type::person));
  EXPECT_EQ(g.find_near("Rafa", entity_type::place), nullptr);
  ASSERT_NE(g.find_near("Rafa", entity_type::person), nullptr);
}

} // namespace
} // namespace wirespeed::extract_detail
