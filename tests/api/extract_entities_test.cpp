// The entities extractor on articles written for each rule: list names
// (leftmost-longest, whole word), the rule cues, aliases by file and by
// spelling distance, last name -> full name, and the user's own lists.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "api/extract_util.hpp"

namespace {

using extract_test::span;

/// The entities of `text` as "text|type|canonical", in order.
std::vector<std::string>
entities(std::string_view text,
         const wirespeed::extractor_set &set = *extract_test::default_set()) {
  wirespeed::document doc;
  doc.id = "t";
  doc.text = std::string(text);
  wirespeed::extract_scratch scratch;
  wirespeed::extraction out;
  auto e = set.extract(doc, scratch, out);
  EXPECT_TRUE(e.ok()) << e.message;
  std::vector<std::string> got;
  for (const auto &n : out.entities) {
    got.push_back(span(text, n.begin, n.end) + "|" + std::string(wirespeed::to_string(n.type)) +
                  "|" + n.canonical);
  }
  return got;
}

bool has(const std::vector<std::string> &list, const std::string &item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

/// A file under the temp directory holding `content`, removed at scope end.
struct temp_file {
  std::filesystem::path path;
  temp_file(const std::string &name, const std::string &content)
      : path(std::filesystem::temp_directory_path() /
             ("wirespeed-entities-" + std::to_string(::getpid()) + "-" + name)) {
    std::ofstream(path) << content;
  }
  ~temp_file() { std::filesystem::remove(path); }
};

std::shared_ptr<const wirespeed::extractor_set> set_with(const wirespeed::extract_options &o) {
  wirespeed::extract_error error;
  auto set = wirespeed::extractor_set::create(o, error);
  EXPECT_TRUE(set) << error.message;
  return set;
}

TEST(extract_entities, countries_regions_and_cities_from_the_lists) {
  auto got = entities("Talks resumed in Cairo on Monday between Egypt, Qatar and Nova Scotia "
                      "officials, far from the Gaza Strip.");
  EXPECT_TRUE(has(got, "Cairo|place|Cairo"));
  EXPECT_TRUE(has(got, "Egypt|place|Egypt"));
  EXPECT_TRUE(has(got, "Qatar|place|Qatar"));
  EXPECT_TRUE(has(got, "Nova Scotia|place|Nova Scotia"));
  EXPECT_TRUE(has(got, "Gaza Strip|place|Gaza Strip")); // longest, not "Gaza"
  // whole words only: "Omani" holds "Oman" but is not it
  EXPECT_FALSE(has(entities("The Omanian delegation left."), "Oman|place|Oman"));
}

TEST(extract_entities, country_common_names_are_canonical) {
  EXPECT_TRUE(has(entities("Rain fell across the Islamic Republic of Iran on Monday."),
                  "Islamic Republic of Iran|place|Iran"));
}

TEST(extract_entities, leftmost_longest_between_overlapping_list_names) {
  temp_file list("lists.tsv", "place\tNew York\norganization\tNew York Times\n"
                              "place\tYork\n");
  wirespeed::extract_options o;
  o.builtin_gazetteer = false;
  o.gazetteer_files = {list.path.string()};
  auto set = set_with(o);
  auto got = entities("A New York Times reporter flew to New York from York.", *set);
  EXPECT_EQ(got, (std::vector<std::string>{"New York Times|organization|New York Times",
                                           "New York|place|New York", "York|place|York"}));
}

TEST(extract_entities, title_and_honorific_cues_make_people) {
  auto got = entities("Prime Minister Ana Kovac met Dr. Ellen Park and Mr. Briggs on Tuesday.");
  EXPECT_TRUE(has(got, "Ana Kovac|person|Ana Kovac")) << ::testing::PrintToString(got);
  EXPECT_TRUE(has(got, "Ellen Park|person|Ellen Park")); // not a place, "Park" notwithstanding
  EXPECT_TRUE(has(got, "Briggs|person|Briggs"));
}

TEST(extract_entities, role_words_and_said_make_people) {
  auto got = entities("The plan was criticised, government spokesman Tom Hale told the "
                      "committee. \"We have no answer,\" said Abir, who fled the city.");
  EXPECT_TRUE(has(got, "Tom Hale|person|Tom Hale")) << ::testing::PrintToString(got);
  EXPECT_TRUE(has(got, "Abir|person|Abir"));
}

TEST(extract_entities, organisation_cue_words) {
  auto got = entities("Officials at the Interior Ministry and Vantora Systems Inc. said the "
                      "Canadian Centre for Cyber Security and the University of Edinburgh agreed.");
  EXPECT_TRUE(has(got, "Interior Ministry|organization|Interior Ministry"))
      << ::testing::PrintToString(got);
  EXPECT_TRUE(has(got, "Vantora Systems Inc.|organization|Vantora Systems"));
  EXPECT_TRUE(has(got, "Canadian Centre for Cyber Security|organization|Canadian Centre for "
                       "Cyber Security"));
  EXPECT_TRUE(has(got, "University of Edinburgh|organization|University of Edinburgh"));
}

TEST(extract_entities, place_cue_words) {
  auto got = entities("Protesters blocked the Ayalon highway near Kaplan Street, then drove to "
                      "the Kerem Shalom crossing and the town of Varnavas.");
  EXPECT_TRUE(has(got, "Ayalon|place|Ayalon")) << ::testing::PrintToString(got);
  EXPECT_TRUE(has(got, "Kaplan Street|place|Kaplan Street"));
  EXPECT_TRUE(has(got, "Kerem Shalom|place|Kerem Shalom"));
  EXPECT_TRUE(has(got, "Varnavas|place|Varnavas"));
}

TEST(extract_entities, acronyms_are_organisations_but_time_zones_are_not) {
  auto got = entities("The quake struck at 04:17 GMT, the agency AFAD said.");
  EXPECT_TRUE(has(got, "AFAD|organization|AFAD")) << ::testing::PrintToString(got);
  EXPECT_FALSE(has(got, "GMT|organization|GMT"));
}

TEST(extract_entities, last_name_maps_to_the_full_name_of_the_document) {
  auto got = entities("Daniel Harlow, 52, was fired in March. Harlow said he would appeal, and "
                      "Meridian Freight Inc. declined to comment. Meridian has 300 staff.");
  EXPECT_TRUE(has(got, "Harlow|person|Daniel Harlow")) << ::testing::PrintToString(got);
  EXPECT_TRUE(has(got, "Meridian|organization|Meridian Freight"));
}

TEST(extract_entities, aliases_from_the_builtin_file_and_the_users) {
  auto got = entities("Hamas political chief Ismail Hanyahu spoke as the UN met.");
  EXPECT_TRUE(has(got, "Ismail Hanyahu|person|Ismail Haniyeh")) << ::testing::PrintToString(got);
  EXPECT_TRUE(has(got, "UN|organization|United Nations"));
  temp_file aliases("aliases.txt", "# mine\nGotham Herald\tGH\n");
  wirespeed::extract_options o;
  o.alias_files = {aliases.path.string()};
  auto set = set_with(o);
  EXPECT_TRUE(
      has(entities("The story ran in GH on Sunday.", *set), "GH|organization|Gotham Herald"));
}

TEST(extract_entities, near_spellings_map_to_the_listed_name) {
  auto got = entities("The channel Al-Kahera News said Israel is preparing an assault on Rafa, "
                      "where a million people shelter.");
  EXPECT_TRUE(has(got, "Al-Kahera News|organization|Al-Qahera News"))
      << ::testing::PrintToString(got);
  EXPECT_TRUE(has(got, "Rafa|place|Rafah"));
  // adjectives of places are not the places
  got = entities("Talks continued through Qatari and Egyptian mediators.");
  EXPECT_FALSE(has(got, "Qatari|place|Qatar")) << ::testing::PrintToString(got);
  EXPECT_TRUE(got.empty()) << ::testing::PrintToString(got);
  // next to a place, a word is a place unless it is an adjective: a listed
  // place with an ending ("Israeli", "Bahraini"), or any word ending like
  // one ("Fish", four bytes, and "Japanese")
  got = entities("Flights went to Fish and Ankara, to Israeli and Ramallah, to Bahraini and "
                 "Doha, and to Japanese and Kyoto.");
  EXPECT_EQ(got, (std::vector<std::string>{"Ankara|place|Ankara", "Ramallah|place|Ramallah",
                                           "Doha|place|Doha", "Kyoto|place|Kyoto"}));
}

TEST(extract_entities, dateline_parts_are_places) {
  auto got = entities("PORT ALDER, Ore. (AP) — Voters lined up on Tuesday.");
  EXPECT_TRUE(has(got, "PORT ALDER|place|Port Alder")) << ::testing::PrintToString(got);
  EXPECT_TRUE(has(got, "Ore.|place|Oregon"));
}

TEST(extract_entities, boilerplate_lines_hold_no_names) {
  auto got = entities("Storms hit Leeds on Monday.\n\nRelated topics\n\nImage Credit: REUTERS");
  EXPECT_TRUE(has(got, "Leeds|place|Leeds"));
  EXPECT_EQ(got.size(), 1u) << ::testing::PrintToString(got);
}

TEST(extract_entities, user_gazetteer_files_add_and_override_names) {
  temp_file list("mine.tsv", "# my archive\nperson\tZed Quorra\norganization\tLeeds\t"
                             "Leeds United\n");
  wirespeed::extract_options o;
  o.gazetteer_files = {list.path.string()};
  auto set = set_with(o);
  auto got = entities("the fans of Leeds cheered zed and Zed Quorra", *set);
  EXPECT_TRUE(has(got, "Zed Quorra|person|Zed Quorra")) << ::testing::PrintToString(got);
  EXPECT_TRUE(has(got, "Leeds|organization|Leeds United"));
}

TEST(extract_entities, bad_lists_are_errors_naming_file_and_line) {
  temp_file list("bad.tsv", "person\tAna\nanimal\tRex\n");
  wirespeed::extract_options o;
  o.gazetteer_files = {list.path.string()};
  wirespeed::extract_error error;
  EXPECT_FALSE(wirespeed::extractor_set::create(o, error));
  EXPECT_NE(error.message.find("bad.tsv:2:"), std::string::npos) << error.message;
  o.gazetteer_files = {"/nonexistent/list.tsv"};
  EXPECT_FALSE(wirespeed::extractor_set::create(o, error));
  EXPECT_NE(error.message.find("/nonexistent/list.tsv"), std::string::npos) << error.message;
  temp_file aliases("bad-aliases.txt", "United Nations\n");
  o.gazetteer_files.clear();
  o.alias_files = {aliases.path.string()};
  EXPECT_FALSE(wirespeed::extractor_set::create(o, error));
  EXPECT_NE(error.message.find("bad-aliases.txt:1:"), std::string::npos) << error.message;
}

TEST(extract_entities, type_names_round_trip) {
  for (auto t : {wirespeed::entity_type::person, wirespeed::entity_type::organization,
                 wirespeed::entity_type::place}) {
    wirespeed::entity_type parsed{};
    ASSERT_TRUE(wirespeed::parse_entity_type(wirespeed::to_string(t), parsed));
    EXPECT_EQ(parsed, t);
  }
  wirespeed::entity_type parsed{};
  EXPECT_FALSE(wirespeed::parse_entity_type("animal", parsed));
}

} // namespace
