// The cue word lists. They are closed-class words of English news style, so
// they live here rather than in corpora/: users extend names, not grammar.
#include "extract/entities/cues.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/load_bytes.hpp"

namespace wirespeed::extract_detail {
namespace {

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

// Every list in one table, so that a word is hashed once whichever list a
// caller asks about. A word's bucket is read whole and its ways compared
// without a branch: the only branch left is the caller's answer, which for
// most lists is "no" and predicted.
class cue_table {
public:
  cue_table() {
    if (!fill()) {
      // Only an edit of the lists above can get here, and every test run does.
      std::fputs("wirespeed: the cue word lists do not fit their table\n", stderr);
      std::abort();
    }
  }

  [[nodiscard]] cue_set find(std::string_view w, cue_set wanted) const noexcept {
    if (w.size() - 1 >= longest ||
        (shapes_[static_cast<unsigned char>(w[0])] >> w.size() & 1) == 0) {
      return 0; // empty words wrap around; most words have no listed word's shape
    }
    const std::uint32_t print = fingerprint(w);
    const std::size_t at = bucket_of(print);
    const bucket &b = buckets_[at];
    // GCC's generic vectors: the four ways compared and their lists merged
    // at once, on any target; which way matched matters only to a member.
    ways_vector prints;
    ways_vector cues;
    std::memcpy(&prints, b.prints.data(), sizeof prints);
    std::memcpy(&cues, b.cues.data(), sizeof cues);
    const ways_vector held = cues & reinterpret_cast<ways_vector>(prints == print) & wanted;
    const cue_set c = static_cast<cue_set>(held[0] | held[1] | held[2] | held[3]);
    if (c == 0) {
      return 0;
    }
    unsigned way = 0;
    while (b.prints[way] != print) {
      ++way;
    }
    return rests_[at][way] == rest_of(w) ? c : 0;
  }

private:
  static constexpr std::size_t longest = 16; // bytes: "correspondent" has 13
  static constexpr unsigned ways = 4;
  static constexpr std::size_t bucket_bits = 9; // 2,048 ways for some 330 words

  struct bucket {
    std::array<std::uint32_t, ways> prints{}; ///< 0: empty
    std::array<std::uint32_t, ways> cues{};   ///< cue_set, widened to a lane
  };
  using ways_vector = std::uint32_t __attribute__((vector_size(sizeof(bucket::prints))));
  using rest = std::array<std::uint64_t, 2>;

  // The length and four bytes (first, second, middle, last): four loads
  // whatever the length. Words of the lists have distinct ones (fill()
  // checks), so a word's bucket holds at most one way it can be.
  static std::uint32_t fingerprint(std::string_view w) noexcept {
    const std::size_t n = w.size();
    const auto byte = [&](std::size_t i) {
      return static_cast<std::uint32_t>(static_cast<unsigned char>(w[i]));
    };
    return (static_cast<std::uint32_t>(n) | byte(0) << 8 | byte(n / 2) << 16 | byte(n - 1) << 24) +
           byte(n > 1 ? 1 : 0) * 0x9E3779B1u;
  }
  static std::size_t bucket_of(std::uint32_t print) noexcept {
    return static_cast<std::size_t>((print * 0x85EBCA77u) >> (32 - bucket_bits));
  }
  // The whole word, read once its fingerprint matched: two overlapping loads
  // of four or of eight bytes, so that a member costs a branch on its length
  // class rather than a memcmp.
  static rest rest_of(std::string_view w) noexcept {
    const std::size_t n = w.size();
    if (n <= 4) {
      return {core::load_bytes(w.data(), n), 0};
    }
    if (n <= 8) {
      return {core::load_bytes(w.data(), 4), core::load_bytes(w.data() + n - 4, 4)};
    }
    return {core::load_bytes(w.data(), 8), core::load_bytes(w.data() + n - 8, 8)};
  }

  // Places every word; false if a bucket overflows or two words share a
  // fingerprint (which find() could not tell apart).
  bool fill() {
    const auto place = [this](const auto &words, cue_set kind) {
      for (std::string_view w : words) {
        const std::uint32_t print = fingerprint(w);
        const std::size_t at = bucket_of(print);
        bucket &b = buckets_[at];
        unsigned way = 0;
        while (way < ways && b.prints[way] != 0 && b.prints[way] != print) {
          ++way;
        }
        if (print == 0 || way == ways ||
            (b.prints[way] == print && rests_[at][way] != rest_of(w))) {
          return false;
        }
        shapes_[static_cast<unsigned char>(w[0])] |= std::uint32_t{1} << w.size();
        b.prints[way] = print;
        b.cues[way] |= kind;
        rests_[at][way] = rest_of(w);
      }
      return true;
    };
    return place(organization_tails_list, cue::organization_tail) &&
           place(place_tails_list, cue::place_tail) && place(place_heads_list, cue::place_head) &&
           place(organization_heads_list, cue::organization_head) &&
           place(connector_heads_list, cue::connector_head) &&
           place(connectors_list, cue::connector) && place(role_words_list, cue::role_word) &&
           place(common_capitalised_list, cue::common_capitalised) &&
           place(place_prepositions_list, cue::place_preposition) &&
           place(place_nouns_list, cue::place_noun) &&
           place(common_acronyms_list, cue::common_acronym) &&
           place(company_suffixes_list, cue::company_suffix) &&
           place(speech_verbs_list, cue::speech_verb) && place(prepositions_list, cue::preposition);
  }

  /// Per first byte, a bit per length (below `longest`) of the listed words starting with it.
  std::array<std::uint32_t, 256> shapes_{};
  std::array<bucket, std::size_t{1} << bucket_bits> buckets_{};
  std::array<std::array<rest, ways>, std::size_t{1} << bucket_bits> rests_{};
};

const cue_table cues; // built before main; read-only after

} // namespace

cue_set cues_of(std::string_view word, cue_set wanted) noexcept {
  return cues.find(word, wanted);
}

} // namespace wirespeed::extract_detail
