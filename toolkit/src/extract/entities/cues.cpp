// The cue word lists. They are closed-class words of English news style, so
// they live here rather than in corpora/: users extend names, not grammar.
#include "extract/entities/cues.hpp"

#include <algorithm>
#include <array>

namespace wirespeed::extract_detail {
namespace {

template <std::size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N> &list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

constexpr std::array<std::string_view, 78> organization_tails{
    "Ministry",   "Office",      "Agency",       "University",   "Institute",    "Trust",
    "Bank",       "Board",       "Commission",   "Department",   "News",         "Inc.",
    "Inc",        "Corp.",       "Ltd",          "Ltd.",         "LLC",          "plc",
    "Group",      "Systems",     "Securities",   "Research",     "Journal",      "Centre",
    "Center",     "College",     "Reserve",      "Airlines",     "Airways",      "Aerospace",
    "Freight",    "Authority",   "Council",      "Party",        "Police",       "Army",
    "Forces",     "Court",       "Circuit",      "Union",        "Organization", "Organisation",
    "Fund",       "Association", "Federation",   "Committee",    "Service",      "Services",
    "Haber",      "Info",        "Monitor",      "Times",        "Post",         "Press",
    "Television", "Radio",       "Broadcasting", "Athletic",     "FC",           "Club",
    "Company",    "Holdings",    "Energy",       "Technologies", "Foundation",   "Society",
    "Hospital",   "School",      "Academy",      "Bureau",       "Parliament",   "Network",
    "Media",      "Bahn",        "Guard",        "Movement",     "Coalition",    "Alliance"};
constexpr std::array<std::string_view, 30> place_tails{
    "Street", "Road",      "Avenue", "Square",   "Stadium",  "Airport", "Station", "Strip",
    "Hall",   "Reef",      "Sea",    "Ocean",    "River",    "Island",  "Islands", "Mountains",
    "Valley", "Bay",       "Lake",   "Park",     "Bridge",   "Gulf",    "Coast",   "Desert",
    "Canal",  "Peninsula", "Museum", "Province", "District", "City"};
constexpr std::array<std::string_view, 11> place_heads{
    "Cape", "Mount", "Lake", "Port", "Gulf", "Bay", "Strait", "Isle", "Musée", "Museo", "Museum"};
constexpr std::array<std::string_view, 6> organization_heads{"Deportivo", "Real", "Sporting",
                                                             "Atlético",  "Club", "Banco"};
constexpr std::array<std::string_view, 30> connector_heads{
    "University", "Ministry",   "Court",       "Alliance", "Centre",       "Center",
    "Institute",  "Bank",       "Department",  "Office",   "Council",      "Commission",
    "Agency",     "Federation", "Association", "Union",    "Organization", "Organisation",
    "Bureau",     "College",    "School",      "Academy",  "Board",        "Authority",
    "Committee",  "Fund",       "Appeals",     "League",   "Museum",       "Republic"};
constexpr std::array<std::string_view, 12> connectors{"of",  "for", "the", "de",  "la",  "du",
                                                      "des", "del", "da",  "von", "van", "bin"};
constexpr std::array<std::string_view, 36> role_words{
    "brother",       "sister",    "son",       "daughter",  "wife",       "husband",
    "father",        "mother",    "uncle",     "aunt",      "spokesman",  "spokeswoman",
    "spokesperson",  "minister",  "president", "chief",     "director",   "official",
    "analyst",       "leader",    "envoy",     "secretary", "ambassador", "commander",
    "correspondent", "economist", "professor", "lawyer",    "coach",      "striker",
    "manager",       "resident",  "mayor",     "governor",  "negotiator", "executive"};
constexpr std::array<std::string_view, 69> common_capitalised{
    "The",      "A",         "An",        "In",       "On",       "At",        "His",
    "Her",      "Its",       "Their",     "This",     "That",     "But",       "And",
    "As",       "After",     "When",      "While",    "He",       "She",       "They",
    "It",       "We",        "I",         "There",    "Some",     "For",       "If",
    "By",       "From",      "With",      "Of",       "To",       "No",        "Our",
    "Monday",   "Tuesday",   "Wednesday", "Thursday", "Friday",   "Saturday",  "Sunday",
    "January",  "February",  "March",     "April",    "May",      "June",      "July",
    "August",   "September", "October",   "November", "December", "Jan.",      "Feb.",
    "Aug.",     "Sept.",     "Oct.",      "Nov.",     "Dec.",     "Reporting", "Correspondent",
    "Reporter", "Editor",    "Writer",    "В",        "На",       "По"};
constexpr std::array<std::string_view, 9> place_prepositions{
    "in", "near", "outside", "across", "around", "toward", "towards", "into", "from"};

constexpr std::array<std::string_view, 24> place_nouns{
    "crossing", "border",        "district",     "peninsula", "highway",  "airport",
    "river",    "city",          "town",         "village",   "province", "region",
    "camp",     "neighbourhood", "neighborhood", "county",    "island",   "valley",
    "coast",    "suburb",        "port",         "capital",   "state",    "municipality"};
constexpr std::array<std::string_view, 22> common_acronyms{
    "GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT", "ET", "PT",
    "CT",  "AM",  "PM",  "TV",  "IT",   "CEO", "CFO", "GDP", "AI",  "OK", "ID"};
constexpr std::array<std::string_view, 12> company_suffixes{
    "Inc.", "Inc", "Ltd", "Ltd.", "Corp.", "Corp", "Co.", "plc", "LLC", "AG", "SA", "GmbH"};

constexpr std::array<std::string_view, 16> prepositions{
    "in",   "on",     "at",     "to",      "from",   "of",      "near", "into",
    "over", "across", "around", "outside", "toward", "towards", "for",  "with"};

} // namespace

bool is_preposition(std::string_view word) noexcept {
  return one_of(word, prepositions);
}

bool is_place_noun(std::string_view word) noexcept {
  return one_of(word, place_nouns);
}

bool is_common_acronym(std::string_view word) noexcept {
  return one_of(word, common_acronyms);
}

bool is_company_suffix(std::string_view word) noexcept {
  return one_of(word, company_suffixes);
}

std::optional<entity_type> type_from_last_word(std::string_view word) noexcept {
  if (one_of(word, organization_tails)) {
    return entity_type::organization;
  }
  if (one_of(word, place_tails)) {
    return entity_type::place;
  }
  return std::nullopt;
}

std::optional<entity_type> type_from_first_word(std::string_view word) noexcept {
  if (one_of(word, place_heads)) {
    return entity_type::place;
  }
  if (one_of(word, connector_heads) || one_of(word, organization_heads)) {
    return entity_type::organization;
  }
  return std::nullopt;
}

bool continues_over_connector(std::string_view word) noexcept {
  return one_of(word, connector_heads);
}

bool is_connector(std::string_view word) noexcept {
  return one_of(word, connectors);
}

bool is_role_word(std::string_view word) noexcept {
  return one_of(word, role_words);
}

bool is_common_capitalised(std::string_view word) noexcept {
  return one_of(word, common_capitalised);
}

bool is_place_preposition(std::string_view word) noexcept {
  return one_of(word, place_prepositions);
}

} // namespace wirespeed::extract_detail
