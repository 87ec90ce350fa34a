// Pieces of the entities extractor: spelling distance, the gazetteer's
// lookups, and title case for datelines.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "extract/common/builtin_data.hpp"
#include "extract/common/word_list.hpp"
#include "extract/entities/cues.hpp"
#include "extract/entities/deletion_index.hpp"
#include "extract/entities/edit_distance.hpp"
#include "extract/entities/gazetteer.hpp"
#include "extract/entities/name_table.hpp"
#include "extract/entities/name_text.hpp"
#include "extract/entities/names.hpp"
#include "extract/entities/view_map.hpp"

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

TEST(deletion_index, finds_every_entry_one_edit_away) {
  deletion_index index;
  index.add("Rafah", 0);
  index.add("Gaza", 1);
  index.add("Haniyeh", 2);
  index.build();
  auto found = [&](std::string_view name) {
    std::set<std::uint32_t> entries;
    index.candidates(name,
                     [&](std::span<const std::uint32_t> c) { entries.insert(c.begin(), c.end()); });
    return entries;
  };
  EXPECT_EQ(found("Rafa"), std::set<std::uint32_t>{0});    // a deletion of the entry
  EXPECT_EQ(found("Rafahh"), std::set<std::uint32_t>{0});  // the entry is one of its deletions
  EXPECT_EQ(found("Rafeh"), std::set<std::uint32_t>{0});   // a shared deletion: substitution
  EXPECT_EQ(found("Hanyieh"), std::set<std::uint32_t>{2}); // transposition
  EXPECT_EQ(found("Gazza"), std::set<std::uint32_t>{1});
  EXPECT_TRUE(found("Beirut").empty());
  EXPECT_TRUE(found("Rfh").empty()); // two edits
}

TEST(name_table, finds_exact_names_only) {
  name_table empty;
  EXPECT_EQ(empty.find("Gaza"), -1);
  std::vector<std::string> owned;
  for (int i = 0; i < 1000; ++i) { // enough to wrap probe sequences around the table
    owned.push_back("Name " + std::to_string(i));
  }
  owned.push_back("Gaza");
  owned.push_back("Name 7"); // a repeated name: the last value wins
  std::vector<std::string_view> names(owned.begin(), owned.end());
  name_table table;
  table.assign(names);
  EXPECT_EQ(table.find("Name 0"), 0);
  EXPECT_EQ(table.find("Name 999"), 999);
  EXPECT_EQ(table.find("Gaza"), 1000);
  EXPECT_EQ(table.find("Name 7"), 1001);
  EXPECT_EQ(table.find("gaza"), -1);
  EXPECT_EQ(table.find("Name 1000"), -1);
  EXPECT_EQ(table.find(""), -1);
}

// The sketch behind word_list, lexicon and month_table lookups: a word added
// is always found, in any ASCII case; it tells only length and end bytes.
TEST(word_sketch, holds_every_word_added_in_any_case) {
  word_sketch sketch;
  EXPECT_FALSE(sketch.may_contain("may"));
  EXPECT_FALSE(sketch.may_contain(""));
  sketch.add("may");
  sketch.add("spokesman");
  EXPECT_TRUE(sketch.may_contain("may"));
  EXPECT_TRUE(sketch.may_contain("May"));
  EXPECT_TRUE(sketch.may_contain("MAY"));
  EXPECT_TRUE(sketch.may_contain("Spokesman"));
  EXPECT_TRUE(sketch.may_contain("mxy")); // same length and end bytes: only a lookup tells
  EXPECT_FALSE(sketch.may_contain("mayor"));
  EXPECT_FALSE(sketch.may_contain("ma"));
  word_list list;
  list.load("# titles\nPresident\nDr.\n");
  EXPECT_TRUE(list.contains("president"));
  EXPECT_TRUE(list.contains("DR."));
  EXPECT_FALSE(list.contains("Presidents"));
  EXPECT_FALSE(list.contains("# titles"));
}

TEST(view_map, keeps_the_first_value_and_clears_for_the_next_document) {
  view_map<std::uint32_t> map;
  EXPECT_EQ(map.find("Harlow"), nullptr);
  std::vector<std::string> owned;
  for (std::uint32_t i = 0; i < 1000; ++i) { // grows several times
    owned.push_back("Name " + std::to_string(i));
  }
  for (std::uint32_t i = 0; i < owned.size(); ++i) {
    map.emplace(owned[i], i);
  }
  map.emplace(owned[7], 5000); // already mapped: the first value stays
  ASSERT_NE(map.find("Name 7"), nullptr);
  EXPECT_EQ(*map.find("Name 7"), 7u);
  ASSERT_NE(map.find("Name 999"), nullptr);
  EXPECT_EQ(*map.find("Name 999"), 999u);
  EXPECT_EQ(map.find("Name 1000"), nullptr);
  EXPECT_EQ(map.find("name 7"), nullptr);
  map.clear();
  EXPECT_EQ(map.find("Name 7"), nullptr);
  EXPECT_EQ(map.find("Name 0"), nullptr);
  map.emplace("Harlow", 3);
  ASSERT_NE(map.find("Harlow"), nullptr);
  EXPECT_EQ(*map.find("Harlow"), 3u);
  EXPECT_EQ(map.find("Name 7"), nullptr);
}

// find_near() against the plain definition: of all entries with the same
// first byte (and type when asked) within edit_bound(), the closest, ties to
// the first loaded. Probes are the real lists' names with one or two edits.
TEST(gazetteer, near_lookup_agrees_with_a_scan_of_every_entry) {
  gazetteer g;
  for (std::string_view list : {"places", "places_extra", "organizations", "people"}) {
    std::string name = "gazetteer/" + std::string(list);
    ASSERT_EQ(g.load(builtin_list(name), name), "");
  }
  ASSERT_EQ(g.load_aliases(builtin_list("aliases"), "aliases"), "");
  const auto &entries = g.entries();
  auto scan = [&](std::string_view name,
                  std::optional<entity_type> type) -> const gazetteer_entry * {
    const std::size_t bound = edit_bound(name.size());
    const gazetteer_entry *best = nullptr;
    std::size_t best_distance = bound + 1;
    for (const gazetteer_entry &e : entries) {
      if (bound == 0 || (type && e.type != *type) || e.name.front() != name.front()) {
        continue;
      }
      if (std::size_t d = edit_distance(name, e.name, bound); d < best_distance) {
        best_distance = d;
        best = &e;
      }
    }
    return best;
  };
  std::size_t probes = 0;
  std::size_t found = 0;
  for (std::size_t k = 0; k < entries.size(); k += 7) {
    const std::string &name = entries[k].name;
    std::vector<std::string> edited;
    for (std::size_t i = 1; i < name.size(); ++i) {
      edited.push_back(std::string(name).erase(i, 1));           // deletion
      edited.push_back(std::string(name).insert(i, 1, 'e'));     // insertion
      edited.push_back(std::string(name).replace(i, 1, 1, 'o')); // substitution
      if (i + 1 < name.size()) {
        std::string swapped = name;
        std::swap(swapped[i], swapped[i + 1]);
        edited.push_back(swapped);                       // transposition
        edited.push_back(std::string(name).erase(i, 2)); // two deletions
      }
    }
    for (const std::string &probe : edited) {
      for (std::optional<entity_type> type :
           {std::optional<entity_type>{}, std::optional<entity_type>{entries[k].type}}) {
        const gazetteer_entry *want = scan(probe, type);
        EXPECT_EQ(g.find_near(probe, type), want) << probe;
        EXPECT_TRUE(want == nullptr || g.could_be_near(probe, type)) << probe;
        ++probes;
        found += want != nullptr;
      }
    }
  }
  EXPECT_GT(probes, 10000u);
  EXPECT_GT(found, probes / 4); // most probes have a near name: the test exercises matches
}

bool in_list(std::string_view word, cue_set list) {
  return (cues_of(word) & list) != 0;
}

TEST(cues, closed_lists_answer_members_only) {
  EXPECT_TRUE(in_list("The", cue::common_capitalised));
  EXPECT_TRUE(in_list("Sept.", cue::common_capitalised));
  EXPECT_TRUE(in_list("По", cue::common_capitalised));
  EXPECT_FALSE(in_list("Thé", cue::common_capitalised));
  EXPECT_FALSE(in_list("the", cue::common_capitalised));
  EXPECT_FALSE(in_list("", cue::common_capitalised));
  EXPECT_EQ(type_from_last_word(cues_of("Ministry")), entity_type::organization);
  EXPECT_EQ(type_from_last_word(cues_of("Street")), entity_type::place);
  EXPECT_EQ(type_from_last_word(cues_of("Streets")), std::nullopt);
  EXPECT_EQ(type_from_first_word(cues_of("Museum")),
            entity_type::place); // a head before a connector head
  EXPECT_TRUE(in_list("spokeswoman", cue::role_word));
  EXPECT_FALSE(in_list("spokesman's", cue::role_word));
  EXPECT_TRUE(in_list("von", cue::connector));
  EXPECT_TRUE(in_list("GMT", cue::common_acronym));
  EXPECT_FALSE(in_list("NATO", cue::common_acronym));
  EXPECT_TRUE(in_list("said", cue::speech_verb));
  EXPECT_TRUE(in_list("warned", cue::speech_verb));
  EXPECT_FALSE(in_list("Said", cue::speech_verb));
  EXPECT_FALSE(in_list("saying", cue::speech_verb));
  EXPECT_FALSE(in_list("", cue::speech_verb));
  EXPECT_TRUE(is_company_suffix("GmbH"));
  EXPECT_FALSE(is_company_suffix("Ministry"));
  EXPECT_EQ(cues_of("Inc.", cue::company_suffix), cue::company_suffix); // the lists asked only
}

// One table holds every list: a word in several lists has all their bits,
// and words are told apart by every byte up to 16, not by a prefix or hash.
TEST(cues, one_lookup_answers_every_list_a_word_is_in) {
  EXPECT_EQ(cues_of("Inc."), cue::organization_tail | cue::company_suffix);
  EXPECT_EQ(cues_of("in"), cue::preposition | cue::place_preposition);
  EXPECT_EQ(cues_of("Museum"), cue::place_tail | cue::place_head | cue::connector_head);
  EXPECT_EQ(cues_of("Lake"), cue::place_tail | cue::place_head);
  EXPECT_EQ(cues_of("of"), cue::connector | cue::preposition);
  EXPECT_EQ(cues_of("correspondent"), cue::role_word); // 13 bytes: the second word counts
  EXPECT_EQ(cues_of("correspondenT"), 0);
  EXPECT_EQ(cues_of("Organisation"), cue::organization_tail | cue::connector_head);
  EXPECT_EQ(cues_of("Organisations"), 0);
  EXPECT_EQ(cues_of("spokesperson"), cue::role_word);
  EXPECT_EQ(cues_of("spokespersons"), 0);
  EXPECT_EQ(cues_of("spokespe"), 0);          // the first eight bytes alone
  EXPECT_EQ(cues_of("correspondentsss"), 0);  // 16 bytes, in no list
  EXPECT_EQ(cues_of("correspondentssss"), 0); // longer than any entry
  EXPECT_EQ(cues_of(std::string_view("of\0", 3)), 0);
}

TEST(possessive_at, finds_short_endings_after_the_last_apostrophe) {
  constexpr auto none = std::string_view::npos;
  EXPECT_EQ(possessive_at("Rafa's"), 4u);
  EXPECT_EQ(possessive_at("NDM\u2019s"), 3u);  // typographic apostrophe
  EXPECT_EQ(possessive_at("Malatya'nın"), 7u); // Turkish case ending
  EXPECT_EQ(possessive_at("AFAD'dan"), 4u);
  EXPECT_EQ(possessive_at("Kahramanmaraş'takiler"), none); // ending longer than five bytes
  EXPECT_EQ(possessive_at("O'Brien"), none);               // a capital after it: part of the name
  EXPECT_EQ(possessive_at("'90s"), none);                  // at the start
  EXPECT_EQ(possessive_at("Jones'"), none);                // nothing after it
  EXPECT_EQ(possessive_at("Rafa"), none);
  EXPECT_EQ(possessive_at("'"), none);
  EXPECT_EQ(possessive_at(""), none);
  EXPECT_EQ(possessive_at("rock'n'roll's"), 11u); // the last apostrophe decides
  EXPECT_EQ(possessive_at("Ma'aloula'"), none);   // ... even when it ends the word
  EXPECT_EQ(possessive_at("Sam's\u2019"), 3u);    // "'" is tried before U+2019
  EXPECT_EQ(possessive_at("A's"), 1u);            // words of every length class
  EXPECT_EQ(possessive_at("X'yz"), 1u);
  EXPECT_EQ(possessive_at("Hamas\u2019s"), 5u);
}

// Every byte of the word last_bytes() gives is one of the word's last eight
// (or a zero above a word of under four bytes), and each of those is in it;
// from eight bytes on, it is exactly them.
TEST(last_bytes, holds_the_last_eight_bytes_and_only_them) {
  const std::string word = "ABCDEFGHIJKL";
  for (std::size_t n = 0; n <= word.size(); ++n) {
    const std::string_view w(word.data(), n);
    const std::uint64_t got = last_bytes(w);
    const std::string_view tail = w.substr(n - std::min<std::size_t>(n, 8));
    std::string in_word;
    for (int k = 0; k < 8; ++k) {
      in_word += static_cast<char>(got >> (8 * k));
    }
    for (std::size_t k = 0; k < in_word.size(); ++k) {
      EXPECT_TRUE(n < 4 && k >= n ? in_word[k] == '\0' : tail.find(in_word[k]) != tail.npos) << n;
    }
    for (char c : tail) {
      EXPECT_NE(in_word.find(c), std::string::npos) << n;
    }
    if (n >= 8) {
      EXPECT_EQ(in_word, tail);
    }
  }
}

// The hash reads every byte: names one byte apart, at any position and of
// any length, hash apart.
TEST(name_table, hash_reads_every_byte_of_every_length) {
  for (std::size_t n = 1; n <= 24; ++n) {
    const std::string base(n, 'a');
    for (std::size_t at = 0; at < n; ++at) {
      std::string other = base;
      other[at] = 'b';
      EXPECT_NE(name_table::hash(base), name_table::hash(other)) << n << " " << at;
    }
    EXPECT_NE(name_table::hash(base), name_table::hash(base + 'a')) << n;
  }
}

TEST(is_camel_case, needs_a_capital_after_a_small_letter) {
  EXPECT_TRUE(is_camel_case("NightKraken"));
  EXPECT_TRUE(is_camel_case("LinkedIn"));
  EXPECT_FALSE(is_camel_case("Kraken"));
  EXPECT_FALSE(is_camel_case("NATO"));
  EXPECT_TRUE(is_camel_case("McDonald"));
  EXPECT_FALSE(is_camel_case(""));
}

TEST(title_case, latin_and_cyrillic_capitals) {
  EXPECT_EQ(title_case("PORT ALDER"), "Port Alder");
  EXPECT_EQ(title_case("NEW YORK/TOKYO"), "New York/Tokyo");
  EXPECT_EQ(title_case("НОВОСИБИРСК"), "Новосибирск");
  EXPECT_EQ(title_case("SÃO PAULO"), "São Paulo");
}

} // namespace
} // namespace wirespeed::extract_detail
