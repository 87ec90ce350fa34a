// The cue word lists. They are closed-class words of English news style, so
// they live here rather than in corpora/: users extend names, not grammar.
#include "extract/entities/cues.hpp"

#include <algorithm>
#include <array>
#include <bit>

namespace wirespeed::extract_detail {
namespace {

// A closed word list looked up once or more per token: an open-addressing
// table hashed on the length and three bytes, so a word in no list costs a
// probe or two, not a compare per word of the list.
template <std::size_t N> class closed_list {
public:
  constexpr explicit closed_list(const std::array<std::string_view, N> &words) {
    for (std::string_view w : words) {
      std::size_t at = slot(w);
      while (!table_[at].empty() && table_[at] != w) {
        at = (at + 1) % size;
      }
      table_[at] = w;
    }
  }
  [[nodiscard]] constexpr bool contains(std::string_view w) const noexcept {
    if (w.empty()) {
      return false;
    }
    for (std::size_t at = slot(w);; at = (at + 1) % size) {
      if (table_[at].empty()) {
        return false;
      }
      if (table_[at] == w) {
        return true;
      }
    }
  }

private:
  static constexpr std::size_t size = std::bit_ceil(4 * N); // at most a quarter full
  static constexpr std::size_t slot(std::string_view w) noexcept {
    auto byte = [&](std::size_t i) {
      return static_cast<std::size_t>(static_cast<unsigned char>(w[i]));
    };
    return (w.size() * 131 + byte(0) * 31 + byte(w.size() - 1) * 7 + byte(w.size() / 2)) % size;
  }
  std::array<std::string_view, size> table_{};
};

constexpr std::array<std::string_view, 78> organization_tails_list{
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
constexpr std::array<std::string_view, 30> place_tails_list{
    "Street", "Road",      "Avenue", "Square",   "Stadium",  "Airport", "Station", "Strip",
    "Hall",   "Reef",      "Sea",    "Ocean",    "River",    "Island",  "Islands", "Mountains",
    "Valley", "Bay",       "Lake",   "Park",     "Bridge",   "Gulf",    "Coast",   "Desert",
    "Canal",  "Peninsula", "Museum", "Province", "District", "City"};
constexpr std::array<std::string_view, 11> place_heads_list{
    "Cape", "Mount", "Lake", "Port", "Gulf", "Bay", "Strait", "Isle", "Musée", "Museo", "Museum"};
constexpr std::array<std::string_view, 6> organization_heads_list{"Deportivo", "Real", "Sporting",
                                                                  "Atlético",  "Club", "Banco"};
constexpr std::array<std::string_view, 30> connector_heads_list{
    "University", "Ministry",   "Court",       "Alliance", "Centre",       "Center",
    "Institute",  "Bank",       "Department",  "Office",   "Council",      "Commission",
    "Agency",     "Federation", "Association", "Union",    "Organization", "Organisation",
    "Bureau",     "College",    "School",      "Academy",  "Board",        "Authority",
    "Committee",  "Fund",       "Appeals",     "League",   "Museum",       "Republic"};
constexpr std::array<std::string_view, 12> connectors_list{
    "of", "for", "the", "de", "la", "du", "des", "del", "da", "von", "van", "bin"};
constexpr std::array<std::string_view, 36> role_words_list{
    "brother",       "sister",    "son",       "daughter",  "wife",       "husband",
    "father",        "mother",    "uncle",     "aunt",      "spokesman",  "spokeswoman",
    "spokesperson",  "minister",  "president", "chief",     "director",   "official",
    "analyst",       "leader",    "envoy",     "secretary", "ambassador", "commander",
    "correspondent", "economist", "professor", "lawyer",    "coach",      "striker",
    "manager",       "resident",  "mayor",     "governor",  "negotiator", "executive"};
constexpr std::array<std::string_view, 69> common_capitalised_list{
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
constexpr std::array<std::string_view, 9> place_prepositions_list{
    "in", "near", "outside", "across", "around", "toward", "towards", "into", "from"};

constexpr std::array<std::string_view, 24> place_nouns_list{
    "crossing", "border",        "district",     "peninsula", "highway",  "airport",
    "river",    "city",          "town",         "village",   "province", "region",
    "camp",     "neighbourhood", "neighborhood", "county",    "island",   "valley",
    "coast",    "suburb",        "port",         "capital",   "state",    "municipality"};
constexpr std::array<std::string_view, 22> common_acronyms_list{
    "GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT", "ET", "PT",
    "CT",  "AM",  "PM",  "TV",  "IT",   "CEO", "CFO", "GDP", "AI",  "OK", "ID"};
constexpr std::array<std::string_view, 12> company_suffixes_list{
    "Inc.", "Inc", "Ltd", "Ltd.", "Corp.", "Corp", "Co.", "plc", "LLC", "AG", "SA", "GmbH"};

constexpr std::array<std::string_view, 7> speech_verbs_list{"said",  "says",   "told", "added",
                                                            "wrote", "warned", "asked"};
constexpr std::array<std::string_view, 16> prepositions_list{
    "in",   "on",     "at",     "to",      "from",   "of",      "near", "into",
    "over", "across", "around", "outside", "toward", "towards", "for",  "with"};

constexpr closed_list organization_tails{organization_tails_list};
constexpr closed_list place_tails{place_tails_list};
constexpr closed_list place_heads{place_heads_list};
constexpr closed_list organization_heads{organization_heads_list};
constexpr closed_list connector_heads{connector_heads_list};
constexpr closed_list connectors{connectors_list};
constexpr closed_list role_words{role_words_list};
constexpr closed_list common_capitalised{common_capitalised_list};
constexpr closed_list place_prepositions{place_prepositions_list};
constexpr closed_list place_nouns{place_nouns_list};
constexpr closed_list common_acronyms{common_acronyms_list};
constexpr closed_list company_suffixes{company_suffixes_list};
constexpr closed_list prepositions{prepositions_list};
constexpr closed_list speech_verbs{speech_verbs_list};

} // namespace

bool is_speech_verb(std::string_view word) noexcept {
  return speech_verbs.contains(word);
}

bool is_preposition(std::string_view word) noexcept {
  return prepositions.contains(word);
}

bool is_place_noun(std::string_view word) noexcept {
  return place_nouns.contains(word);
}

bool is_common_acronym(std::string_view word) noexcept {
  return common_acronyms.contains(word);
}

bool is_company_suffix(std::string_view word) noexcept {
  return company_suffixes.contains(word);
}

std::optional<entity_type> type_from_last_word(std::string_view word) noexcept {
  if (organization_tails.contains(word)) {
    return entity_type::organization;
  }
  if (place_tails.contains(word)) {
    return entity_type::place;
  }
  return std::nullopt;
}

std::optional<entity_type> type_from_first_word(std::string_view word) noexcept {
  if (place_heads.contains(word)) {
    return entity_type::place;
  }
  if (connector_heads.contains(word) || organization_heads.contains(word)) {
    return entity_type::organization;
  }
  return std::nullopt;
}

bool continues_over_connector(std::string_view word) noexcept {
  return connector_heads.contains(word);
}

bool is_connector(std::string_view word) noexcept {
  return connectors.contains(word);
}

bool is_role_word(std::string_view word) noexcept {
  return role_words.contains(word);
}

bool is_common_capitalised(std::string_view word) noexcept {
  return common_capitalised.contains(word);
}

bool is_place_preposition(std::string_view word) noexcept {
  return place_prepositions.contains(word);
}

} // namespace wirespeed::extract_detail
