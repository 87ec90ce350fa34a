// The name tagger of one document. Capitalised runs of tokens are cut at
// line breaks, possessives and titles, joined over "of"/"for the" after an
// institution word, and typed: a whole list name keeps its entry; a cue word
// types the run; a title, role word or reporting verb next to it makes a
// person; an unmarked run of two to four words is a person (news names
// people far more often than anything else it does not list). Lone words are
// decided last, when every longer name of the document is known.
#include "extract/entities/names.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "extract/entities/cues.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::size_t longest_person = 4; // tokens; longer unmarked runs are not names
constexpr std::array<std::string_view, 7> speech_verbs{"said",  "says",   "told", "added",
                                                       "wrote", "warned", "asked"};

struct tagger {
  const context &ctx;
  const name_lexicon &lex;
  std::span<const list_hit> hits;
  std::vector<std::int32_t> hit_of;            ///< per token: index of the hit covering it, or -1
  std::span<const boilerplate_line> furniture; ///< lines holding no names
  std::uint32_t skip_begin = 0;                ///< the dateline's bytes, tagged already
  std::uint32_t skip_end = 0;
  std::vector<bool> furniture_token; ///< per token: inside a boilerplate line
  std::vector<entity> names;         ///< typed and canonical
  std::vector<std::size_t> lone;
  std::vector<bool> place_token; ///< per token: inside a tagged place
  std::unordered_map<std::string_view, std::size_t>
      part_of; ///< see index_longer_names()     ///< tokens of lone capitalised words, decided last
  /// near() answers, per type asked for (the last: any type)
  std::array<std::unordered_map<std::string_view, const gazetteer_entry *>, 4> near_seen;

  std::string_view word(std::size_t i) const { return token_text(ctx.text, ctx.tokens[i]); }

  bool capitalised(std::size_t i) const {
    const token &t = ctx.tokens[i];
    return t.kind == token_kind::word && is_upper(decode_at(ctx.text, t.begin));
  }
  bool in_run(std::size_t i) const {
    const token &t = ctx.tokens[i];
    return (t.begin < skip_begin || t.begin >= skip_end) && !furniture_token[i] &&
           (hit_of[i] >= 0 || capitalised(i));
  }
  bool breaks_before(std::size_t i) const {
    return (ctx.tokens[i].flags & line_break_before) != 0 &&
           !(hit_of[i] >= 0 && hit_of[i] == hit_of[i - 1]);
  }
  bool sentence_initial(std::size_t i) const {
    return i == 0 || (ctx.tokens[i].flags & line_break_before) != 0 ||
           (skip_end != 0 && ctx.tokens[i - 1].end <= skip_end + 2 &&
            ctx.tokens[i].begin >= skip_end) || // "WASHINGTON: Talks on..."
           std::binary_search(ctx.sentence_starts.begin(), ctx.sentence_starts.end(),
                              static_cast<std::uint32_t>(i));
  }
  bool said_next_to(std::size_t a, std::size_t b) const {
    auto verb = [&](std::size_t i) {
      return std::find(speech_verbs.begin(), speech_verbs.end(), word(i)) != speech_verbs.end();
    };
    return (b < ctx.tokens.size() && verb(b)) || (a > 0 && verb(a - 1));
  }
  // "spokesman Tom Hale", "Dr. Ellen Park"; a title counts only when
  // capitalised ("a senior Egyptian source" has none).
  bool person_cue_before(std::size_t a) const {
    return a > 0 &&
           (is_role_word(word(a - 1)) || (capitalised(a - 1) && lex.titles.contains(word(a - 1))));
  }
  bool place_noun_after(std::size_t b) const {
    return b < ctx.tokens.size() && is_place_noun(word(b));
  }

  std::size_t run_end(std::size_t i) const {
    std::size_t j = i + 1;
    while (true) {
      while (j < ctx.tokens.size() && in_run(j) && !breaks_before(j)) {
        ++j;
      }
      // "University of Edinburgh", "Court of Appeals for the D.C. Circuit"
      std::size_t k = j;
      while (k < ctx.tokens.size() && k - j < 2 && is_connector(word(k)) && !breaks_before(k)) {
        ++k;
      }
      if (k == j || k >= ctx.tokens.size() || !continues_over_connector(word(j - 1)) ||
          !capitalised(k) || breaks_before(k)) {
        return j;
      }
      j = k + 1;
    }
  }

  std::string canonical(std::string_view name, std::optional<entity_type> type) {
    if (std::size_t space = name.rfind(' ');
        space != std::string_view::npos && is_company_suffix(name.substr(space + 1))) {
      name = name.substr(0, space); // "Meridian Freight Inc." is "Meridian Freight"
    }
    if (std::string_view c = lex.names.alias(name); !c.empty()) {
      return std::string(c);
    }
    if (const gazetteer_entry *e = lex.names.find(name)) {
      return e->canonical;
    }
    if (const gazetteer_entry *e = near(name, type)) {
      return e->canonical;
    }
    return std::string(name);
  }
  // A listed name one or two edits away, unless the word is that name with
  // an ending: "Israeli", "Qatari" and "Samoan" are adjectives, not places.
  // Names recur within a document, and the search is the tagger's costliest
  // step, so answers for names in the text are remembered.
  const gazetteer_entry *near(std::string_view name,
                              std::optional<entity_type> type = std::nullopt) {
    const bool in_text = name.data() >= ctx.text.data() &&
                         name.data() + name.size() <= ctx.text.data() + ctx.text.size();
    auto &seen = near_seen[type ? static_cast<std::size_t>(*type) : 3];
    if (in_text) {
      if (auto it = seen.find(name); it != seen.end()) {
        return it->second;
      }
    }
    const gazetteer_entry *e = lex.names.find_near(name, type);
    e = e && name.starts_with(e->name) ? nullptr : e;
    if (in_text) {
      seen.emplace(name, e);
    }
    return e;
  }
  // "Turkish", "Italian", "Japanese": adjectives, whatever place they follow.
  static bool adjective(std::string_view w) {
    return w.ends_with("ish") || w.ends_with("ian") || w.ends_with("ese");
  }
  // "Egyptian", "Israeli": an adjective of a listed place.
  bool demonym(std::string_view w) const {
    for (std::string_view ending : {"ian", "an", "i", "n", "ese", "ish"}) {
      if (w.size() > ending.size() + 2 && w.ends_with(ending) &&
          lex.names.find(w.substr(0, w.size() - ending.size()))) {
        return true;
      }
    }
    return false;
  }

  void add(std::uint32_t begin, std::uint32_t end, entity_type type) {
    std::string_view text = ctx.text.substr(begin, end - begin);
    entity_type t = type;
    if (std::string_view c = lex.names.alias(text); !c.empty()) {
      if (const gazetteer_entry *e = lex.names.find(c)) {
        t = e->type; // the alias of a listed name has that name's type
      }
    }
    names.push_back({begin, end, t, canonical(text, type)});
  }
  void add_tokens(std::size_t a, std::size_t b, entity_type type) {
    add(ctx.tokens[a].begin, name_end(b - 1), type);
  }
  // A name ends before a possessive or case ending: "Rafa's fears", "NDM’s
  // Bernard Okafor", Turkish "Malatya'nın", "AFAD'dan".
  std::uint32_t name_end(std::size_t last) const {
    constexpr std::size_t longest_ending = 5; // bytes after the apostrophe
    std::string_view w = word(last);
    for (std::string_view mark : {std::string_view("'"), std::string_view("\u2019")}) {
      std::size_t at = w.rfind(mark);
      if (at == std::string_view::npos || at == 0) {
        continue;
      }
      std::string_view ending = w.substr(at + mark.size());
      if (!ending.empty() && ending.size() <= longest_ending && !is_upper(decode_at(ending, 0))) {
        return ctx.tokens[last].begin + static_cast<std::uint32_t>(at);
      }
    }
    return ctx.tokens[last].end;
  }
  bool possessive(std::size_t i) const { return name_end(i) != ctx.tokens[i].end; }

  // The type a cue word inside the run gives it: an organisation word
  // anywhere after the first ("Imperial College London"), a last or first
  // word, or a place noun after it ("the Kerem Shalom crossing").
  std::optional<entity_type> cue_type(std::size_t a, std::size_t b) const {
    std::string_view last =
        ctx.text.substr(ctx.tokens[b - 1].begin, name_end(b - 1) - ctx.tokens[b - 1].begin);
    if (auto t = type_from_last_word(last)) {
      return t;
    }
    for (std::size_t k = b - 1; k > a; --k) {
      if (type_from_last_word(word(k)) == entity_type::organization) {
        return entity_type::organization;
      }
    }
    if (auto t = type_from_first_word(word(a))) {
      return t;
    }
    if (place_noun_after(b)) {
      return entity_type::place;
    }
    return std::nullopt;
  }

  void tag_run(std::size_t a, std::size_t b) {
    bool person_cue = person_cue_before(a);
    for (std::size_t k = a; k + 1 < b; ++k) {
      if (hit_of[k] < 0 && capitalised(k) && lex.titles.contains(word(k))) {
        a = k + 1; // "Prime Minister Benjamin Netanyahu"
        person_cue = true;
      }
    }
    while (a < b && hit_of[a] < 0 && is_common_capitalised(word(a))) {
      ++a;
    }
    while (b > a && hit_of[b - 1] < 0 && is_common_capitalised(word(b - 1))) {
      --b;
    }
    if (a >= b) {
      return;
    }
    std::optional<entity_type> cue = b - a >= 2 ? cue_type(a, b) : std::nullopt;
    // "NDM’s Bernard Okafor", "Italy's Emilia-Romagna" are two names; "St.
    // Vincent's Regional Hospital" is one.
    for (std::size_t k = a; k + 1 < b; ++k) {
      if (possessive(k) && (!cue || hit_of[k] >= 0)) {
        tag_run(a, k + 1);
        tag_run(k + 1, b);
        return;
      }
    }
    // "МЧС Игорь Соколов": the acronym of a body before a name
    if (b - a >= 3 && hit_of[a] < 0 && is_all_caps(word(a)) && !is_all_caps(word(a + 1))) {
      tag_run(a, a + 1);
      tag_run(a + 1, b);
      return;
    }
    if (std::all_of(ctx.tokens.begin() + static_cast<std::ptrdiff_t>(a),
                    ctx.tokens.begin() + static_cast<std::ptrdiff_t>(b),
                    [&](const token &t) { return is_common_acronym(token_text(ctx.text, t)); }) &&
        hit_of[a] < 0) {
      return; // "PM ET"
    }
    std::vector<std::size_t> inside;
    for (std::size_t k = a; k < b; ++k) {
      if (hit_of[k] >= 0 &&
          (inside.empty() || inside.back() != static_cast<std::size_t>(hit_of[k]))) {
        inside.push_back(static_cast<std::size_t>(hit_of[k]));
      }
    }
    const std::uint32_t begin = ctx.tokens[a].begin;
    const std::uint32_t end = name_end(b - 1);
    if (inside.size() == 1 && hits[inside[0]].begin == begin && hits[inside[0]].end >= end) {
      add_hit(hits[inside[0]]);
      return;
    }
    bool spoken = said_next_to(a, b);
    if (person_cue && b - a <= longest_person && (b - a >= 2 || inside.empty())) {
      if (b - a == 1) {
        lone.push_back(a);
      } else {
        add(begin, end, entity_type::person);
      }
      return;
    }
    if (cue) {
      add(begin, end, *cue);
      return;
    }
    if (spoken && b - a <= longest_person && b - a >= 2) {
      add(begin, end, entity_type::person);
      return;
    }
    // "Rafael Lima": a listed place at the end of a short run is a surname.
    if (inside.size() == 1 && b - a <= 3 && hits[inside[0]].end == end &&
        hits[inside[0]].begin > begin && hits[inside[0]].entry->type == entity_type::place &&
        hit_of[b - 2] < 0) {
      add(begin, end, entity_type::person);
      return;
    }
    std::size_t k = a;
    while (k < b) {
      if (hit_of[k] >= 0) {
        const list_hit &h = hits[static_cast<std::size_t>(hit_of[k])];
        add_hit(h);
        while (k < b && hit_of[k] >= 0 &&
               hits[static_cast<std::size_t>(hit_of[k])].begin == h.begin) {
          ++k;
        }
        continue;
      }
      std::size_t j = k;
      while (j < b && hit_of[j] < 0) {
        ++j;
      }
      if (j - k == 1) {
        lone.push_back(k);
      } else if (j - k <= longest_person) {
        add_tokens(k, j, entity_type::person);
      }
      k = j;
    }
  }

  void add_hit(const list_hit &h) {
    names.push_back({h.begin, h.end, h.entry->type, h.entry->canonical});
  }

  // A word with a capital after a small letter: "NightKraken", "LinkedIn".
  bool camel_case(std::string_view w) const {
    bool lower_seen = false;
    for (std::size_t i = 0; i < w.size(); ++i) {
      char c = w[i];
      if (c >= 'a' && c <= 'z') {
        lower_seen = true;
      } else if (c >= 'A' && c <= 'Z' && lower_seen) {
        return true;
      }
    }
    return false;
  }

  bool place_at(std::size_t t) const { return place_token[t]; }
  // Marks the tokens of the places tagged so far, for place_at(); the lone
  // words tagged after are marked as they are.
  void mark_places() {
    for (const entity &n : names) {
      if (n.type == entity_type::place) {
        for (std::size_t t = token_at_or_after(ctx.tokens, n.begin);
             t < ctx.tokens.size() && ctx.tokens[t].end <= n.end; ++t) {
          place_token[t] = true;
        }
      }
    }
  }

  // A lone word next to a place: "Dublin and Austin", "the town of Faenza".
  bool place_context(std::size_t i) const {
    if (i == 0) {
      return false;
    }
    auto joins = [&](std::size_t k) { return word(k) == "and" || word(k) == "or"; };
    if (i >= 2 && joins(i - 1) && place_at(i - 2)) {
      return true;
    }
    if (i + 2 < ctx.tokens.size() && joins(i + 1) && place_at(i + 2)) {
      return true;
    }
    if (i >= 2 && word(i - 1) == "of" && is_place_noun(word(i - 2))) {
      return true;
    }
    if (i >= 3 && word(i - 1) == "to" && place_at(i - 2) && word(i - 3) == "from") {
      return true; // "from Prague to Ostrava"
    }
    return is_place_preposition(word(i - 1)) || place_noun_after(i + 1);
  }

  // A lone capitalised word: an alias, part of a longer name of this
  // document, an acronym, the subject of "said", a near spelling of a listed
  // name, or a word in a place's position; otherwise not tagged (sentence
  // openers, adjectives, "God").
  void tag_lone(std::size_t i) {
    const std::uint32_t begin = ctx.tokens[i].begin;
    const std::uint32_t end = name_end(i);
    std::string_view w = ctx.text.substr(begin, end - begin);
    if (std::string_view c = lex.names.alias(w); !c.empty()) {
      const gazetteer_entry *e = lex.names.find(c);
      entity_type t = e                ? e->type
                      : is_all_caps(w) ? entity_type::organization
                                       : entity_type::person;
      names.push_back({begin, end, t, std::string(c)});
      return;
    }
    if (const entity *n = longer_name(w);
        n && (n->type == entity_type::person || !place_context(i))) {
      // "in Millbrook" is the town even where "Millbrook Water Department" is named
      names.push_back({begin, end, n->type, n->canonical});
      return;
    }
    if (is_all_caps(w) && !is_common_acronym(w) &&
        std::none_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      names.push_back({begin, end, entity_type::organization, std::string(w)});
      return;
    }
    if (camel_case(w)) {
      names.push_back({begin, end, entity_type::organization, std::string(w)});
      return;
    }
    if (sentence_initial(i) || demonym(w) ||
        (i > 0 && possessive(i - 1))) { // "the company's Baltimore facility"
      return;
    }
    if (said_next_to(i, i + 1) || person_cue_before(i)) {
      names.push_back({begin, end, entity_type::person, std::string(w)});
    } else if (const gazetteer_entry *e = is_preposition(word(i - 1)) ? near(w) : nullptr) {
      // only after a preposition ("an assault on Rafa"): misspelt list names
      // are rare, capitalised words are not, and the search is not free
      names.push_back({begin, end, e->type, e->canonical});
    } else if (place_context(i) && !adjective(w)) {
      names.push_back({begin, end, entity_type::place, std::string(w)});
      place_token[i] = true;
    }
  }

  // The longer name of this document that a lone word is part of: a
  // person's last word ("Harlow"), an organisation's or place's first
  // ("Meridian").
  const entity *longer_name(std::string_view w) const {
    auto it = part_of.find(w);
    return it == part_of.end() ? nullptr : &names[it->second];
  }
  // Indexes the names of several words by the word longer_name() matches;
  // lone words, tagged after this, have one word and never enter it.
  void index_longer_names() {
    for (std::size_t k = 0; k < names.size(); ++k) {
      const entity &n = names[k];
      std::string_view full = ctx.text.substr(n.begin, n.end - n.begin);
      std::size_t space = full.find(' ');
      if (space != std::string_view::npos) {
        part_of.emplace(n.type == entity_type::person ? full.substr(full.rfind(' ') + 1)
                                                      : full.substr(0, space),
                        k); // the first name with the word keeps it
      }
    }
  }

  // "PORT ALDER, Ore.", "NEW YORK/TOKYO", "BOLOGNA, Italy": each part a place.
  void tag_dateline(std::string_view dateline) {
    if (dateline.empty()) {
      return;
    }
    std::size_t at = ctx.text.find(dateline);
    if (at == std::string_view::npos) {
      return;
    }
    skip_begin = static_cast<std::uint32_t>(at);
    skip_end = static_cast<std::uint32_t>(at + dateline.size());
    std::size_t from = 0;
    while (from < dateline.size()) {
      std::size_t cut = std::min(dateline.find_first_of(",/", from), dateline.size());
      std::string_view part = trim(dateline.substr(from, cut - from));
      if (!part.empty()) {
        auto begin = static_cast<std::uint32_t>(at + (part.data() - dateline.data()));
        std::string name = is_all_caps(part) ? title_case(part) : std::string(part);
        names.push_back({begin, begin + static_cast<std::uint32_t>(part.size()), entity_type::place,
                         canonical(name, entity_type::place)});
      }
      from = cut + 1;
    }
  }

  // A listed word that is also the last name of a person of the document
  // ("Kemal Aydın" ... "Aydın", a Turkish province) is that person.
  void prefer_people() {
    for (entity &n : names) {
      std::string_view w = ctx.text.substr(n.begin, n.end - n.begin);
      if (n.type != entity_type::person && w.find(' ') == std::string_view::npos) {
        if (const entity *p = longer_name(w); p && p->type == entity_type::person) {
          n.type = entity_type::person;
          n.canonical = p->canonical;
        }
      }
    }
  }

  void run(std::string_view dateline, std::vector<entity> &out) {
    hit_of.assign(ctx.tokens.size(), -1);
    for (std::size_t h = 0; h < hits.size(); ++h) {
      for (std::size_t t = token_at_or_after(ctx.tokens, hits[h].begin);
           t < ctx.tokens.size() && ctx.tokens[t].begin < hits[h].end; ++t) {
        hit_of[t] = static_cast<std::int32_t>(h);
      }
    }
    furniture_token.assign(ctx.tokens.size(), false);
    std::size_t t = 0;
    for (const boilerplate_line &l : furniture) {
      t = token_at_or_after(ctx.tokens, l.begin);
      for (; t < ctx.tokens.size() && ctx.tokens[t].begin < l.end; ++t) {
        furniture_token[t] = true;
      }
    }
    tag_dateline(dateline);
    for (std::size_t i = 0; i < ctx.tokens.size();) {
      if (!in_run(i)) {
        ++i;
        continue;
      }
      std::size_t j = run_end(i);
      tag_run(i, j);
      i = j;
    }
    index_longer_names();
    place_token.assign(ctx.tokens.size(), false);
    mark_places();
    for (std::size_t i : lone) {
      tag_lone(i);
    }
    prefer_people();
    std::sort(names.begin(), names.end(),
              [](const entity &x, const entity &y) { return x.begin < y.begin; });
    out.insert(out.end(), std::make_move_iterator(names.begin()),
               std::make_move_iterator(names.end()));
  }
};

// Appends the UTF-8 encoding of `c`.
void append_utf8(std::string &out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

char32_t to_lower(char32_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
      (c >= 0x410 && c <= 0x42F)) {
    return c + 0x20;
  }
  if (c >= 0x400 && c <= 0x40F) {
    return c + 0x50; // Ѐ..Џ
  }
  return c;
}

} // namespace

void tag_names(const context &ctx, const name_lexicon &lex, std::span<const list_hit> hits,
               const extraction &found, std::vector<entity> &out) {
  tagger t{ctx, lex, hits, {}, found.boilerplate, 0, 0, {}, {}, {}, {}, {}, {}};
  std::string_view dateline = found.dateline;
  t.run(dateline, out);
}

std::string title_case(std::string_view upper) {
  std::string out;
  out.reserve(upper.size());
  bool word_start = true;
  for (std::size_t i = 0; i < upper.size();) {
    char32_t c = decode_at(upper, i);
    std::size_t n = std::min(utf8_length(static_cast<unsigned char>(upper[i])), upper.size() - i);
    bool letter = is_upper(c) || is_lower(c);
    append_utf8(out, word_start || !letter ? c : to_lower(c));
    word_start = !letter && c != '\'' && c != 0x2019;
    i += n;
  }
  return out;
}

} // namespace wirespeed::extract_detail
