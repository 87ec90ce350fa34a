// The name tagger of one document. Capitalised runs of tokens are cut at
// line breaks, possessives and titles, joined over "of"/"for the" after an
// institution word, and typed: a whole list name keeps its entry; a cue word
// types the run; a title, role word or reporting verb next to it makes a
// person; an unmarked run of two to four words is a person (news names
// people far more often than anything else it does not list). Lone words are
// decided last (lone_words.cpp), when every longer name of the document is
// known.
#include "extract/entities/names.hpp"

#include <algorithm>
#include <ranges>

#include "extract/entities/cues.hpp"
#include "extract/entities/tagger.hpp"

namespace wirespeed::extract_detail {

void tagger_scratch::reset(std::string_view text, std::span<const token> tokens) {
  hit_of.assign(tokens.size(), -1);
  place.assign(tokens.size(), 0);
  sentence_start.assign(tokens.size(), 0);
  runnable.assign((tokens.size() + 63) / 64, 0);
  cues.reset(text, tokens);
  names.clear();
  lone.clear();
  part_of.clear();
  for (auto &seen : near_seen) {
    seen.clear();
  }
}

void tag_names(const context &ctx, const name_lexicon &lex, std::span<const list_hit> hits,
               const extraction &found, std::vector<entity> &out) {
  thread_local tagger_scratch scratch; // reused: a document allocates little
  tagger(ctx, lex, hits, found.boilerplate, scratch).run(found.dateline, out);
}

void tagger::run(std::string_view dateline, std::vector<entity> &out) {
  s_.reset(ctx_.text, ctx_.tokens);
  mark_tokens();
  tag_dateline(dateline);
  mark_runnable();
  for (std::size_t i = next_in_run(0); i < ctx_.tokens.size();) {
    const std::size_t j = run_end(i);
    tag_run(i, j);
    i = next_in_run(j);
  }
  index_longer_names();
  mark_places();
  for (std::size_t i : s_.lone) {
    tag_lone(i);
  }
  prefer_people();
  // In text order, ties in the order tagged. Keys are sorted, not names:
  // each swap of two entities would copy their names' bytes.
  s_.order.clear();
  for (std::size_t k = 0; k < s_.names.size(); ++k) {
    s_.order.push_back(std::uint64_t{s_.names[k].begin} << 32 | k);
  }
  std::sort(s_.order.begin(), s_.order.end());
  out.reserve(out.size() + s_.names.size());
  for (const std::uint64_t key : s_.order) {
    out.push_back(std::move(s_.names[static_cast<std::uint32_t>(key)]));
  }
}

namespace {

// Calls mark(t, i) for each token t that begins inside spans[i]. Spans come
// in text order, so each span's first token is searched among the tokens
// after the last span's (one out of order: among all), by a search without
// branches: a walk over every token cost more than the spans did.
template <typename Span, typename Mark>
void for_tokens_in(std::span<const token> tokens, std::span<const Span> spans, Mark mark) {
  std::size_t t = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (i > 0 && spans[i].begin < spans[i - 1].begin) {
      t = 0;
    }
    t += token_at_or_after(tokens.subspan(t), spans[i].begin);
    for (std::size_t u = t; u < tokens.size() && tokens[u].begin < spans[i].end; ++u) {
      mark(u, i);
    }
  }
}

} // namespace

// Per token: the list hit covering it (a listed token can be part of a
// run), and whether it starts a sentence.
void tagger::mark_tokens() {
  for_tokens_in(ctx_.tokens, hits_, [&](std::size_t t, std::size_t h) {
    s_.hit_of[t] = static_cast<std::int32_t>(h);
    s_.runnable[t / 64] |= std::uint64_t{1} << (t % 64);
  });
  for (const std::uint32_t t : ctx_.sentence_starts) {
    s_.sentence_start[t] = 1;
  }
}

// Capitalised tokens added to the listed ones (mark_tokens()), then those
// of furniture lines and of the dateline (tagged already) taken out.
// Bitwise, 64 tokens to a word: no branch on ASCII tokens (see
// is_capitalised()).
void tagger::mark_runnable() {
  const std::size_t n = ctx_.tokens.size();
  // locals, kept in registers: is_capitalised()'s rare call could change what a member points to
  const std::string_view text = ctx_.text;
  const token *tokens = ctx_.tokens.data();
  for (std::size_t word = 0; 64 * word < n; ++word) {
    const token *block = tokens + 64 * word;
    const std::size_t count = std::min<std::size_t>(64, n - 64 * word);
    std::uint64_t bits = 0;
    for (std::size_t j = 0; j < count; ++j) {
      bits |= std::uint64_t{is_capitalised(text, block[j])} << j;
    }
    s_.runnable[word] |= bits;
  }
  const auto take_out = [&](std::size_t t, std::size_t) {
    s_.runnable[t / 64] &= ~(std::uint64_t{1} << (t % 64));
  };
  for_tokens_in(ctx_.tokens, furniture_, take_out);
  struct byte_span {
    std::uint32_t begin, end;
  };
  const byte_span dateline[] = {{skip_begin_, skip_end_}};
  for_tokens_in(ctx_.tokens, std::span<const byte_span>(dateline), take_out);
}

// The first token at or after `from` that can be part of a run, or the
// token count.
std::size_t tagger::next_in_run(std::size_t from) const {
  std::size_t word = from / 64;
  if (word >= s_.runnable.size()) {
    return ctx_.tokens.size();
  }
  std::uint64_t bits = s_.runnable[word] & (~std::uint64_t{0} << (from % 64));
  while (bits == 0) {
    if (++word == s_.runnable.size()) {
      return ctx_.tokens.size();
    }
    bits = s_.runnable[word];
  }
  return 64 * word + static_cast<std::size_t>(__builtin_ctzll(bits));
}

// "PORT ALDER, Ore.", "NEW YORK/TOKYO", "BOLOGNA, Italy": each part a place.
void tagger::tag_dateline(std::string_view dateline) {
  if (dateline.empty()) {
    return;
  }
  std::size_t at = ctx_.text.find(dateline);
  if (at == std::string_view::npos) {
    return;
  }
  skip_begin_ = static_cast<std::uint32_t>(at);
  skip_end_ = static_cast<std::uint32_t>(at + dateline.size());
  std::size_t from = 0;
  while (from < dateline.size()) {
    std::size_t cut = std::min(dateline.find_first_of(",/", from), dateline.size());
    std::string_view part = trim(dateline.substr(from, cut - from));
    if (!part.empty()) {
      auto begin = static_cast<std::uint32_t>(at + (part.data() - dateline.data()));
      std::string name = is_all_caps(part) ? title_case(part) : std::string(part);
      s_.names.push_back({begin, begin + static_cast<std::uint32_t>(part.size()),
                          entity_type::place,
                          canonical(name, entity_type::place, lex_.names.alias(name))});
    }
    from = cut + 1;
  }
}

bool tagger::breaks_before(std::size_t i) const {
  return (ctx_.tokens[i].flags & line_break_before) != 0 &&
         !(listed(i) && s_.hit_of[i] == s_.hit_of[i - 1]);
}

bool tagger::sentence_initial(std::size_t i) const {
  return i == 0 || (ctx_.tokens[i].flags & line_break_before) != 0 ||
         (skip_end_ != 0 && ctx_.tokens[i - 1].end <= skip_end_ + 2 &&
          ctx_.tokens[i].begin >= skip_end_) || // "WASHINGTON: Talks on..."
         s_.sentence_start[i] != 0;
}

bool tagger::said_next_to(std::size_t a, std::size_t b) const {
  return (b < ctx_.tokens.size() && is(b, cue::speech_verb)) ||
         (a > 0 && is(a - 1, cue::speech_verb));
}

// "spokesman Tom Hale", "Dr. Ellen Park"; a title counts only when
// capitalised ("a senior Egyptian source" has none).
bool tagger::person_cue_before(std::size_t a) const {
  return a > 0 &&
         (is(a - 1, cue::role_word) || (capitalised(a - 1) && lex_.titles.contains(word(a - 1))));
}

bool tagger::place_noun_after(std::size_t b) const {
  return b < ctx_.tokens.size() && is(b, cue::place_noun);
}

std::size_t tagger::run_end(std::size_t i) const {
  std::size_t j = i + 1;
  while (true) {
    while (j < ctx_.tokens.size() && in_run(j) && !breaks_before(j)) {
      ++j;
    }
    // "University of Edinburgh", "Court of Appeals for the D.C. Circuit";
    // the run's last word first: few runs end in a head, every run has a next word
    if (j == ctx_.tokens.size() || !is(j - 1, cue::connector_head)) {
      return j;
    }
    std::size_t k = j;
    while (k < ctx_.tokens.size() && k - j < 2 && is(k, cue::connector) && !breaks_before(k)) {
      ++k;
    }
    if (k == j || k >= ctx_.tokens.size() || !capitalised(k) || breaks_before(k)) {
      return j;
    }
    j = k + 1;
  }
}

// The canonical name of `name` (whose alias lookup is `alias`): an alias, a
// list name, a list name one or two edits away, or the name itself.
std::string tagger::canonical(std::string_view name, std::optional<entity_type> type,
                              std::string_view alias) {
  if (std::size_t space = name.rfind(' ');
      space != std::string_view::npos && is_company_suffix(name.substr(space + 1))) {
    name = name.substr(0, space); // "Meridian Freight Inc." is "Meridian Freight"
    alias = lex_.names.alias(name);
  }
  if (!alias.empty()) {
    return std::string(alias);
  }
  if (const gazetteer_entry *e = lex_.names.find(name)) {
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
const gazetteer_entry *tagger::near(std::string_view name, std::optional<entity_type> type) {
  if (!lex_.names.could_be_near(name, type)) {
    return nullptr; // most names: cheaper to tell than to remember
  }
  const bool in_text = name.data() >= ctx_.text.data() &&
                       name.data() + name.size() <= ctx_.text.data() + ctx_.text.size();
  auto &seen = s_.near_seen[type ? static_cast<std::size_t>(*type) : 3];
  if (in_text) {
    if (const gazetteer_entry *const *known = seen.find(name)) {
      return *known;
    }
  }
  const gazetteer_entry *e = lex_.names.find_near(name, type);
  e = e && name.starts_with(e->name) ? nullptr : e;
  if (in_text) {
    seen.emplace(name, e);
  }
  return e;
}

void tagger::add(std::uint32_t begin, std::uint32_t end, entity_type type) {
  std::string_view text = ctx_.text.substr(begin, end - begin);
  std::string_view alias = lex_.names.alias(text);
  entity_type t = type;
  if (!alias.empty()) {
    if (const gazetteer_entry *e = lex_.names.find(alias)) {
      t = e->type; // the alias of a listed name has that name's type
    }
  }
  s_.names.push_back({begin, end, t, canonical(text, type, alias)});
}

void tagger::add_hit(const list_hit &h) {
  s_.names.push_back({h.begin, h.end, h.entry->type, h.entry->canonical});
}

// The type a cue word inside the run gives it: an organisation word
// anywhere after the first ("Imperial College London"), a last or first
// word, or a place noun after it ("the Kerem Shalom crossing").
std::optional<entity_type> tagger::cue_type(std::size_t a, std::size_t b) const {
  if (auto t = type_from_last_word(name_cues(b - 1))) {
    return t;
  }
  for (std::size_t k = b - 1; k > a; --k) {
    if (is(k, cue::organization_tail)) {
      return entity_type::organization;
    }
  }
  if (auto t = type_from_first_word(s_.cues.of(a))) {
    return t;
  }
  if (place_noun_after(b)) {
    return entity_type::place;
  }
  return std::nullopt;
}

void tagger::tag_run(std::size_t a, std::size_t b) {
  const std::size_t first = a;
  bool titled = false;
  for (std::size_t k = a; k + 1 < b; ++k) {
    if (!listed(k) && capitalised(k) && lex_.titles.contains(word(k))) {
      a = k + 1; // "Prime Minister Benjamin Netanyahu"
      titled = true;
    }
  }
  while (a < b && !listed(a) && is(a, cue::common_capitalised)) {
    ++a;
  }
  while (b > a && !listed(b - 1) && is(b - 1, cue::common_capitalised)) {
    --b;
  }
  if (a >= b) {
    return;
  }
  std::optional<entity_type> cue = b - a >= 2 ? cue_type(a, b) : std::nullopt;
  // "NDM’s Bernard Okafor", "Italy's Emilia-Romagna" are two names; "St.
  // Vincent's Regional Hospital" is one.
  for (std::size_t k = a; k + 1 < b; ++k) {
    if (possessive(k) && (!cue || listed(k))) {
      tag_run(a, k + 1);
      tag_run(k + 1, b);
      return;
    }
  }
  // "МЧС Игорь Соколов": the acronym of a body before a name
  if (b - a >= 3 && !listed(a) && is_all_caps(word(a)) && !is_all_caps(word(a + 1))) {
    tag_run(a, a + 1);
    tag_run(a + 1, b);
    return;
  }
  if (!listed(a) && std::ranges::all_of(std::views::iota(a, b), [&](std::size_t k) {
        return is(k, cue::common_acronym);
      })) {
    return; // "PM ET"
  }
  // The list hits inside the run: how many, and the first.
  std::size_t hits_inside = 0;
  const list_hit *first_hit = nullptr;
  for (std::size_t k = a; k < b; ++k) {
    if (listed(k) && (k == a || s_.hit_of[k] != s_.hit_of[k - 1])) {
      first_hit = hits_inside++ == 0 ? &hit_at(k) : first_hit;
    }
  }
  const std::uint32_t begin = ctx_.tokens[a].begin;
  const std::uint32_t end = name_end(b - 1);
  if (hits_inside == 1 && first_hit->begin == begin && first_hit->end >= end) {
    add_hit(*first_hit);
    return;
  }
  // A person cue makes a short run a person. A lone word is decided later
  // whatever precedes it (tag_parts() leaves it for tag_lone()), so the cue
  // is looked for only before two words or more.
  if (b - a >= 2 && b - a <= longest_person && (titled || person_cue_before(first))) {
    add(begin, end, entity_type::person);
    return;
  }
  if (cue) {
    add(begin, end, *cue);
    return;
  }
  if (b - a <= longest_person && b - a >= 2 && said_next_to(a, b)) {
    add(begin, end, entity_type::person);
    return;
  }
  // "Rafael Lima": a listed place at the end of a short run is a surname.
  if (hits_inside == 1 && b - a <= 3 && first_hit->end == end && first_hit->begin > begin &&
      first_hit->entry->type == entity_type::place && !listed(b - 2)) {
    add(begin, end, entity_type::person);
    return;
  }
  tag_parts(a, b);
}

// A run no rule typed as a whole: its list hits keep their entries, the
// words between them are people (two to four) or lone words.
void tagger::tag_parts(std::size_t a, std::size_t b) {
  std::size_t k = a;
  while (k < b) {
    if (listed(k)) {
      const list_hit &h = hit_at(k);
      add_hit(h);
      while (k < b && listed(k) && hit_at(k).begin == h.begin) {
        ++k;
      }
      continue;
    }
    std::size_t j = k;
    while (j < b && !listed(j)) {
      ++j;
    }
    if (j - k == 1) {
      s_.lone.push_back(k);
    } else if (j - k <= longest_person) {
      add(ctx_.tokens[k].begin, name_end(j - 1), entity_type::person);
    }
    k = j;
  }
}

} // namespace wirespeed::extract_detail
