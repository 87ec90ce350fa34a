// The lone capitalised words of a document, decided after its longer names:
// an alias, part of a longer name of this document ("Harlow"), an acronym,
// the subject of "said", a near spelling of a listed name, or a word in a
// place's position; otherwise not tagged (sentence openers, adjectives,
// "God").
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

#include "core/load_bytes.hpp"

#include "extract/entities/cues.hpp"
#include "extract/entities/tagger.hpp"

namespace wirespeed::extract_detail {
namespace {

// The endings that make a word an adjective of a place: "Egyptian",
// "Samoan", "Israeli", "Bahraini", "Japanese", "Turkish".
constexpr std::array<std::string_view, 6> place_adjective_endings{"ian", "an",  "i",
                                                                  "n",   "ese", "ish"};
// The three-letter ones make an adjective whatever comes before them.
constexpr unsigned strong_endings = [] {
  unsigned bits = 0;
  for (std::size_t k = 0; k < place_adjective_endings.size(); ++k) {
    bits |= unsigned{place_adjective_endings[k].size() == 3} << k;
  }
  return bits;
}();

// Which of place_adjective_endings `w` ends with, as bits in their order:
// its last four bytes read once and compared with each, where six calls of
// ends_with() each called memcmp.
unsigned endings_of(std::string_view w) {
  const std::size_t n = w.size();
  if (n == 0) {
    return 0;
  }
  // the last bytes at the top of a word: an ending of k bytes is its top k
  const auto last =
      static_cast<std::uint32_t>(n >= 4 ? core::load_bytes(w.data() + n - 4, 4)
                                        : core::load_bytes(w.data(), n) << (8 * (4 - n)));
  unsigned bits = 0;
  for (std::size_t k = 0; k < place_adjective_endings.size(); ++k) {
    const std::string_view e = place_adjective_endings[k];
    const auto ending = static_cast<std::uint32_t>(core::load_bytes(e.data(), e.size()));
    bits |= unsigned{last >> (8 * (4 - e.size())) == ending} << k;
  }
  return bits;
}

// "Turkish", "Italian", "Japanese": adjectives, whatever place they follow.
bool adjective(std::string_view w) {
  return (endings_of(w) & strong_endings) != 0;
}

} // namespace

void tagger::tag_lone(std::size_t i) {
  const std::uint32_t begin = ctx_.tokens[i].begin;
  const std::uint32_t end = name_end(i);
  std::string_view w = ctx_.text.substr(begin, end - begin);
  if (std::string_view c = lex_.names.alias(w); !c.empty()) {
    const gazetteer_entry *e = lex_.names.find(c);
    entity_type t = e ? e->type : is_all_caps(w) ? entity_type::organization : entity_type::person;
    s_.names.push_back({begin, end, t, std::string(c)});
    return;
  }
  if (const entity *n = longer_name(w);
      n && (n->type == entity_type::person || !place_context(i))) {
    // "in Millbrook" is the town even where "Millbrook Water Department" is named
    s_.names.push_back({begin, end, n->type, n->canonical});
    return;
  }
  if (is_all_caps(w) && (name_cues(i) & cue::common_acronym) == 0 &&
      std::none_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    s_.names.push_back({begin, end, entity_type::organization, std::string(w)});
    return;
  }
  if (is_camel_case(w)) {
    s_.names.push_back({begin, end, entity_type::organization, std::string(w)});
    return;
  }
  if (sentence_initial(i) || demonym(w) ||
      (i > 0 && possessive(i - 1))) { // "the company's Baltimore facility"
    return;
  }
  if (said_next_to(i, i + 1) || person_cue_before(i)) {
    s_.names.push_back({begin, end, entity_type::person, std::string(w)});
  } else if (const gazetteer_entry *e = is(i - 1, cue::preposition) ? near(w) : nullptr) {
    // only after a preposition ("an assault on Rafa"): misspelt list names
    // are rare, capitalised words are not, and the search is not free
    s_.names.push_back({begin, end, e->type, e->canonical});
  } else if (place_context(i) && !adjective(w)) {
    s_.names.push_back({begin, end, entity_type::place, std::string(w)});
    s_.place[i] = 1;
  }
}

// A lone word next to a place: "Dublin and Austin", "the town of Faenza".
bool tagger::place_context(std::size_t i) const {
  if (i == 0) {
    return false;
  }
  auto joins = [&](std::size_t k) { return word(k) == "and" || word(k) == "or"; };
  if (i >= 2 && joins(i - 1) && s_.place[i - 2] != 0) {
    return true;
  }
  if (i + 2 < ctx_.tokens.size() && joins(i + 1) && s_.place[i + 2] != 0) {
    return true;
  }
  if (i >= 2 && word(i - 1) == "of" && is(i - 2, cue::place_noun)) {
    return true;
  }
  if (i >= 3 && word(i - 1) == "to" && s_.place[i - 2] != 0 && word(i - 3) == "from") {
    return true; // "from Prague to Ostrava"
  }
  return is(i - 1, cue::place_preposition) || place_noun_after(i + 1);
}

// "Egyptian", "Israeli": an adjective of a listed place.
bool tagger::demonym(std::string_view w) const {
  for (unsigned endings = endings_of(w); endings != 0; endings &= endings - 1) {
    const std::size_t ending = place_adjective_endings[std::countr_zero(endings)].size();
    if (w.size() > ending + 2 && lex_.names.find(w.substr(0, w.size() - ending))) {
      return true;
    }
  }
  return false;
}

// The longer name of this document that a lone word is part of: a
// person's last word ("Harlow"), an organisation's or place's first
// ("Meridian").
const entity *tagger::longer_name(std::string_view w) const {
  const std::uint32_t *k = s_.part_of.find(w);
  return k == nullptr ? nullptr : &s_.names[*k];
}

// Indexes the names of several words by the word longer_name() matches;
// lone words, tagged after this, have one word and never enter it.
void tagger::index_longer_names() {
  for (std::size_t k = 0; k < s_.names.size(); ++k) {
    const entity &n = s_.names[k];
    std::string_view full = ctx_.text.substr(n.begin, n.end - n.begin);
    std::size_t space = full.find(' ');
    if (space != std::string_view::npos) {
      s_.part_of.emplace(n.type == entity_type::person ? full.substr(full.rfind(' ') + 1)
                                                       : full.substr(0, space),
                         static_cast<std::uint32_t>(k)); // the first name with the word keeps it
    }
  }
}

// Marks the tokens of the places tagged so far, for place_context(); the
// lone words tagged after are marked as they are.
void tagger::mark_places() {
  for (const entity &n : s_.names) {
    if (n.type == entity_type::place) {
      for (std::size_t t = token_at_or_after(ctx_.tokens, n.begin);
           t < ctx_.tokens.size() && ctx_.tokens[t].end <= n.end; ++t) {
        s_.place[t] = 1;
      }
    }
  }
}

// A listed word that is also the last name of a person of the document
// ("Kemal Aydın" ... "Aydın", a Turkish province) is that person.
void tagger::prefer_people() {
  for (entity &n : s_.names) {
    std::string_view w = ctx_.text.substr(n.begin, n.end - n.begin);
    if (n.type != entity_type::person && w.find(' ') == std::string_view::npos) {
      if (const entity *p = longer_name(w); p && p->type == entity_type::person) {
        n.type = entity_type::person;
        n.canonical = p->canonical;
      }
    }
  }
}

} // namespace wirespeed::extract_detail
