// Pieces of the entities extractor: spelling distance, the gazetteer's
// lookups, and title case for datelines.
#include <gtest/gtest.h>

#include "extract/entities/edit_distance.hpp"
#include "extract/entities/gazetteer.hpp"
#include "extract/entities/names.hpp"

namespace wirespeed::extract_detail {
namespace {

TEST(edit_distance, counts_edits_and_stops_past_the_limit) {
  EXPECT_EQ(edit_distance("Rafah", "Rafah", 2), 0u);
  EXPECT_EQ(edit_distance("Rafa", "Rafah", 2), 1u);          // deletion
  EXPECT_EQ(edit_distance("Al-Kahera", "Al-Qahera", 2), 1u); // substitution
  EXPECT_EQ(edit_distance("Hanyieh", "Haniyeh", 2), 1u);     // transposition
  EXPECT_EQ(edit_distance("Haniyeh", "Hanyahu", 5), 3u);     // too far for the bound: an alias
  EXPECT_EQ(edit_distance("Hanyahu", "Haniyeh", 1), 2u);     // past the limit: limit + 1
  EXPECT_EQ(edit_distance("", "abc", 5), 3u);
}

TEST(edit_distance, bound_grows_with_length) {
  EXPECT_EQ(edit_bound(3), 0u);
  EXPECT_EQ(edit_bound(4), 1u);
  EXPECT_EQ(edit_bound(9), 1u);
  EXPECT_EQ(edit_bound(14), 2u);
}

TEST(gazetteer, exact_near_and_alias_lookups) {
  gazetteer g;
  ASSERT_EQ(g.load("# places\nplace\tRafah\norganization\tAl-Qahera News\n"
                   "place\tIslamic Republic of Iran\tIran\n",
                   "t.tsv"),
            "");
  ASSERT_EQ(g.load_aliases("Iran\tPersia\nRafah\tRafiah\nNile Daily Monitor\tNDM\n", "a.txt"), "");
  ASSERT_NE(g.find("Islamic Republic of Iran"), nullptr);
  EXPECT_EQ(g.find("Islamic Republic of Iran")->canonical, "Iran");
  EXPECT_EQ(g.find("Gaza"), nullptr);
  ASSERT_NE(g.find_near("Rafa"), nullptr);
  EXPECT_EQ(g.find_near("Rafa")->name, "Rafah");
  ASSERT_NE(g.find_near("Al-Kahera News"), nullptr);
  EXPECT_EQ(g.find_near("Al-Kahera News")->canonical, "Al-Qahera News");
  EXPECT_EQ(g.find_near("Raf"), nullptr);   // too short to guess
  EXPECT_EQ(g.find_near("Bafaa"), nullptr); // other first letter
  EXPECT_EQ(g.alias("NDM"), "Nile Daily Monitor");
  EXPECT_EQ(g.alias("Persia"), "Iran");
  // an alias of a listed name is listed too, so the tagger finds it
  ASSERT_NE(g.find("Rafiah"), nullptr);
  EXPECT_EQ(g.find("Rafiah")->canonical, "Rafah");
  EXPECT_EQ(g.find("NDM"), nullptr);
  EXPECT_EQ(g.load("place Rafah\n", "bad.tsv"), "bad.tsv:1: expected person, organization or "
                                                "place, a TAB and a name");
}

TEST(title_case, latin_and_cyrillic_capitals) {
  EXPECT_EQ(title_case("PORT ALDER"), "Port Alder");
  EXPECT_EQ(title_case("NEW YORK/TOKYO"), "New York/Tokyo");
  EXPECT_EQ(title_case("НОВОСИБИРСК"), "Новосибирск");
  EXPECT_EQ(title_case("SÃO PAULO"), "São Paulo");
}

} // namespace
} // namespace wirespeed::extract_detail
