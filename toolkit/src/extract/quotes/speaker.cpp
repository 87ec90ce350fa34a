// Who is speaking: the subject next to a reporting verb, and the full name
// behind a short mention. Rules work on tokens and capitalisation; scripts
// without case (Arabic) count every word as a possible name word.
#include <algorithm>
#include <array>

#include "extract/common/occurrences.hpp"
#include "extract/quotes/quotes.hpp"

namespace wirespeed::extract_detail {
namespace {

template <std::size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N> &list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

constexpr std::array<std::string_view, 12> pronouns{"he", "she", "they", "He", "She", "They",
                                                    "it", "It",  "we",   "We", "I",   "هو"};
// Words between a subject and its verb: "Lew also said", "Hamas has said".
constexpr std::array<std::string_view, 16> verb_adjuncts{
    "also", "then", "later", "earlier", "again", "has",  "had",      "have",
    "was",  "is",   "were",  "would",   "will",  "once", "recently", "further"};
// Capitalised words that open a sentence without being names.
constexpr std::array<std::string_view, 18> function_caps{
    "The",   "A",    "An",   "In",  "On",  "At", "His",   "Her",  "Its",
    "Their", "This", "That", "But", "And", "As", "After", "When", "While"};
constexpr std::array<std::string_view, 10> weekdays{
    "Monday",   "Tuesday", "Wednesday", "Thursday",  "Friday",
    "Saturday", "Sunday",  "today",     "yesterday", "Sunday"};
constexpr std::array<std::string_view, 12> company_suffixes{
    "Inc.", "Inc", "Ltd", "Ltd.", "Corp.", "Corp", "Co.", "plc", "LLC", "AG", "SA", "GmbH"};
// Words that end a subject noun phrase going left, or start a clause.
constexpr std::array<std::string_view, 14> clause_words{
    "that",    "which", "who",    "and", "but",  "as", "while",
    "because", "after", "before", "if",  "when", "إن", "أن"};
constexpr std::array<std::string_view, 6> determiners{"the", "The", "a", "A", "an", "An"};

bool is_word(const token &t) {
  return t.kind == token_kind::word;
}

// A word that can belong to a name: capitalised, or of a script without case.
// Asked of every word of a run going left or right: an ASCII word is judged
// by its first byte without a branch.
bool namey(const context &ctx, const token &t) {
  const auto lead = static_cast<unsigned char>(ctx.text[t.begin]); // a token has a byte
  if (lead >= 0x80) {
    return is_word(t) && !is_lower(decode_at(ctx.text, t.begin));
  }
  return is_word(t) & (static_cast<unsigned char>(lead - 'a') >= 26) &
         (static_cast<unsigned char>(lead - '0') >= 10);
}

std::string_view word(const context &ctx, std::size_t i) {
  return token_text(ctx.text, ctx.tokens[i]);
}

bool possessive(std::string_view w) {
  return w.ends_with("'s") || w.ends_with("\u2019s") || w.ends_with("s'");
}

// Trims a run [a, b) of name words to the name: drops words up to the last
// title or possessive ("Governor Ida Strand", "NDM’s Bernard Okafor"),
// leading function words, and company suffixes. Each word is looked up in
// the titles at most once: after the last title before the run's last word,
// none of the words before the last is a title.
std::pair<std::size_t, std::size_t> trim_name(const context &ctx, const speaker_lexicon &lex,
                                              std::size_t a, std::size_t b) {
  for (std::size_t i = a; i + 1 < b; ++i) {
    std::string_view w = word(ctx, i);
    if (lex.titles.contains(w) || possessive(w)) {
      a = i + 1;
    }
  }
  while (a < b && (one_of(word(ctx, a), function_caps) ||
                   (a + 1 == b && lex.titles.contains(word(ctx, a))))) {
    ++a;
  }
  // "Ambassador to Israel Jack Lew": the place belongs to the title
  if (b - a >= 3 && a > 0 && word(ctx, a - 1) == "to") {
    ++a;
  }
  while (b > a + 1 && one_of(word(ctx, b - 1), company_suffixes)) {
    --b;
  }
  return {a, b};
}

mention make_mention(const context &ctx, const speaker_lexicon &lex, std::size_t a, std::size_t b) {
  auto [x, y] = trim_name(ctx, lex, a, b);
  // "Amira Haddad of Imperial College London": a person of an institution
  for (std::size_t i = x + 2; i < y; ++i) {
    if (word(ctx, i) == "of") {
      y = i;
      break;
    }
  }
  // "МЧС Игорь Соколов": an acronym of the body before the name
  if (y - x >= 3 && is_all_caps(word(ctx, x))) {
    ++x;
  }
  mention m;
  if (x >= y) {
    return m;
  }
  m.begin = ctx.tokens[x].begin;
  m.end = ctx.tokens[y - 1].end;
  m.name = ctx.text.substr(m.begin, m.end - m.begin);
  m.first_token = x;
  m.end_token = y;
  return m;
}

mention pronoun_mention(const context &ctx, std::size_t i) {
  mention m;
  m.begin = ctx.tokens[i].begin;
  m.end = ctx.tokens[i].end;
  m.anaphoric = true;
  return m;
}

// Extends a run of name words left from `b` (exclusive) down to `first`.
std::size_t run_start(const context &ctx, std::size_t first, std::size_t b) {
  std::size_t a = b;
  while (a > first) {
    if (a < b && (ctx.tokens[a].flags & line_break_before) != 0) {
      break; // names do not run over lines
    }
    const token &t = ctx.tokens[a - 1];
    std::string_view w = token_text(ctx.text, t);
    if (namey(ctx, t) && !one_of(w, clause_words)) {
      --a;
    } else if (is_word(t) && a - 1 > first && (w == "of" || w == "al" || w == "bin" || w == "de") &&
               namey(ctx, ctx.tokens[a - 2])) {
      --a; // "Alliance of Small Island States"
    } else {
      break;
    }
  }
  return a;
}

// A noun phrase ending at token `j` (inclusive) that is not a name:
// "the envoy", "a Hamas statement", "Paris prosecutor's office".
mention noun_phrase(const context &ctx, const speaker_lexicon &lex, std::size_t first,
                    std::size_t j) {
  std::size_t a = j + 1;
  while (a > first && is_word(ctx.tokens[a - 1]) && !one_of(word(ctx, a - 1), clause_words) &&
         !one_of(word(ctx, a - 1), determiners) && !one_of(word(ctx, a - 1), pronouns) &&
         j + 1 - a < 6) {
    --a;
  }
  bool definite = a > first && (word(ctx, a - 1) == "the" || word(ctx, a - 1) == "The");
  std::size_t caps_end = 0;
  std::size_t has_possessive = false;
  for (std::size_t i = a; i <= j; ++i) {
    if (namey(ctx, ctx.tokens[i])) {
      caps_end = i + 1;
    }
    has_possessive = has_possessive || possessive(word(ctx, i));
  }
  mention m;
  if (definite && caps_end != j + 1) {
    m.begin = ctx.tokens[a - 1].begin; // "the US envoy": a role, not a name
    m.end = ctx.tokens[j].end;
    m.anaphoric = true;
    return m;
  }
  if (has_possessive && caps_end != 0) {
    m.begin = ctx.tokens[a].begin;
    m.end = ctx.tokens[j].end;
    m.name = ctx.text.substr(m.begin, m.end - m.begin);
    return m;
  }
  if (caps_end != 0) {
    return make_mention(ctx, lex, run_start(ctx, a, caps_end), caps_end);
  }
  if (definite) {
    m.begin = ctx.tokens[a - 1].begin;
    m.end = ctx.tokens[j].end;
    m.anaphoric = true;
  }
  return m;
}

mention subject_before(const context &ctx, const speaker_lexicon &lex, std::size_t first,
                       std::size_t verb) {
  std::size_t j = verb;
  while (j > first) {
    std::string_view w = word(ctx, j - 1);
    if (one_of(w, verb_adjuncts)) {
      --j;
    } else if (one_of(w, weekdays) && j - 1 > first && word(ctx, j - 2) == "on") {
      j -= 2;
    } else {
      break;
    }
  }
  if (j == first) {
    return {};
  }
  std::size_t last = j - 1;
  std::string_view w = word(ctx, last);
  if (one_of(w, pronouns)) {
    return pronoun_mention(ctx, last);
  }
  if (w == ",") {
    // "His lawyer, Ana Torres, said" / "Dr. Ellen Park, an expert ..., said"
    std::size_t comma = last;
    std::size_t a = run_start(ctx, first, comma);
    if (a < comma && a > first && word(ctx, a - 1) == ",") {
      return make_mention(ctx, lex, a, comma);
    }
    std::size_t first_comma = first;
    while (first_comma < comma && word(ctx, first_comma) != ",") {
      ++first_comma;
    }
    for (std::size_t b = first_comma; b > first; --b) {
      if (namey(ctx, ctx.tokens[b - 1])) {
        return make_mention(ctx, lex, run_start(ctx, first, b), b);
      }
    }
    return {};
  }
  if (namey(ctx, ctx.tokens[last])) {
    return make_mention(ctx, lex, run_start(ctx, first, last + 1), last + 1);
  }
  if (is_word(ctx.tokens[last])) {
    return noun_phrase(ctx, lex, first, last);
  }
  return {};
}

mention subject_after(const context &ctx, const speaker_lexicon &lex, std::size_t from,
                      std::size_t last) {
  std::size_t i = from;
  if (i >= last || !is_word(ctx.tokens[i])) {
    return {};
  }
  if (one_of(word(ctx, i), pronouns)) {
    return pronoun_mention(ctx, i);
  }
  // The noun phrase after the verb, up to punctuation or a clause word:
  // "Samoan negotiator Leilani Tuala", "the diplomat", "one delegate".
  std::size_t j = i;
  while (j + 1 < last && is_word(ctx.tokens[j + 1]) && !one_of(word(ctx, j + 1), clause_words) &&
         j - i < 8) {
    ++j;
  }
  if (namey(ctx, ctx.tokens[j]) && !(one_of(word(ctx, i), determiners) && j > i)) {
    return make_mention(ctx, lex, run_start(ctx, i, j + 1), j + 1);
  }
  return noun_phrase(ctx, lex, i, j);
}

} // namespace

mention find_subject(const context &ctx, const speaker_lexicon &lex, std::size_t first,
                     std::size_t verb, std::size_t verb_end, std::size_t last, bool after) {
  return after ? subject_after(ctx, lex, verb_end, last) : subject_before(ctx, lex, first, verb);
}

mention line_subject(name_resolver &names, std::size_t t) {
  const context &ctx = names.ctx();
  std::size_t a = t;
  while (a > 0 && (ctx.tokens[a].flags & line_break_before) == 0) {
    --a;
  }
  std::size_t b = a;
  while (b < ctx.tokens.size() && b - a < 6 && namey(ctx, ctx.tokens[b]) &&
         (b == a || (ctx.tokens[b].flags & line_break_before) == 0)) {
    ++b;
  }
  if (b == a) {
    return {};
  }
  mention m = make_mention(ctx, names.lexicon(), a, b);
  m.name = names.full_name(m);
  // A lone capitalised word names someone only if it stands for a longer name.
  if (m.name.find(' ') == std::string_view::npos) {
    m.name = {};
  }
  return m;
}

std::string_view name_resolver::full_name(const mention &m) {
  return m.end_token > m.first_token ? resolve(m.first_token, m.end_token) : aliased(m.name);
}

void alias_table::add(std::string_view alias, std::string_view canonical) {
  names_.insert_or_assign(std::string(alias), std::string(canonical));
  sketch_.add(alias);
}

const std::string *alias_table::find(std::string_view name) const {
  if (!sketch_.may_contain(name)) {
    return nullptr;
  }
  auto it = names_.find(name);
  return it != names_.end() ? &it->second : nullptr;
}

std::string_view name_resolver::aliased(std::string_view name) const {
  if (const std::string *canonical = lex_.aliases.find(name)) {
    return *canonical;
  }
  return name;
}

std::string_view name_resolver::resolve(std::size_t first_token, std::size_t end_token) {
  for (const resolved_name &r : memo_) {
    if (r.first_token == first_token && r.end_token == end_token) {
      return r.name;
    }
  }
  const std::size_t n = end_token - first_token;
  std::string_view name;
  const bool found = n <= 2 && look_back(first_token, n, name); // three words are a full name
  if (!found) {
    const token &head = ctx_.tokens[first_token];
    name = ctx_.text.substr(head.begin, ctx_.tokens[end_token - 1].end - head.begin);
  }
  name = aliased(name);
  memo_.push_back({first_token, end_token, name});
  return name;
}

// The latest longer form of the mention's n words before it, within reach.
bool name_resolver::look_back(std::size_t first_token, std::size_t n, std::string_view &out) {
  constexpr std::size_t reach = 2048; // tokens looked back
  const std::size_t stop = first_token > reach ? first_token - reach : 0;
  // Only a token of the same text can start the longer form: find the
  // mention's first word in the text before it, then look at the tokens
  // there, latest first. The text is searched backwards a window at a
  // time, each twice the last: the longer form is most often a paragraph
  // or two back, and the search stops there instead of going through the
  // whole article before it.
  constexpr std::size_t first_window = 512; // bytes
  const token &head = ctx_.tokens[first_token];
  const std::string_view needle = token_text(ctx_.text, head);
  const std::uint32_t from = ctx_.tokens[stop].begin;
  std::size_t window = first_window;
  for (std::uint32_t end = head.begin; end > from; window *= 2) {
    const auto begin = static_cast<std::uint32_t>(end - std::min<std::size_t>(window, end - from));
    // Occurrences starting in [begin, end): their bytes may reach past end.
    const std::size_t last_byte = std::min<std::size_t>(end + needle.size() - 1, head.begin);
    find_occurrences(ctx_.text.substr(begin, last_byte - begin), needle, begin, hits_);
    for (auto hit = hits_.rbegin(); hit != hits_.rend(); ++hit) {
      const std::size_t i = token_at_or_after(ctx_.tokens, *hit);
      if (ctx_.tokens[i].begin == *hit && longer_form_at(i, first_token, n, out)) {
        return true;
      }
    }
    end = begin;
  }
  return false;
}

// Whether the mention's n words [first_token, first_token + n) occur at
// token i inside a longer name; `out` gets that name. The name run around
// each such token is kept: a speaker named ten times is looked back at by
// each later mention.
bool name_resolver::longer_form_at(std::size_t i, std::size_t first_token, std::size_t n,
                                   std::string_view &out) {
  const context &ctx = ctx_;
  const token &head = ctx.tokens[first_token];
  const token &t = ctx.tokens[i];
  if (t.end - t.begin != head.end - head.begin) {
    return false;
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (i + k >= first_token || word(ctx, i + k) != word(ctx, first_token + k)) {
      return false;
    }
  }
  const std::size_t key = i * 2 + (n - 1);
  auto known =
      std::find_if(runs_.begin(), runs_.end(), [&](const name_run &r) { return r.key == key; });
  name_run run;
  if (known != runs_.end() && known->end < first_token) {
    run = *known;
  } else {
    std::size_t a = run_start(ctx, 0, i);
    std::size_t b = i + n;
    while (b < ctx.tokens.size() && b < first_token && namey(ctx, ctx.tokens[b]) &&
           (ctx.tokens[b].flags & line_break_before) == 0 && !one_of(word(ctx, b), clause_words)) {
      ++b;
    }
    auto [x, y] = trim_name(ctx, lex_, a, b);
    run = {key, static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y),
           static_cast<std::uint32_t>(b)};
    // A run that ended before the mention ends there for every later one.
    if (known == runs_.end() && b < first_token) {
      runs_.push_back(run);
    }
  }
  const std::size_t x = run.first;
  const std::size_t y = run.last;
  if (y <= x || y - x <= n) {
    return false;
  }
  out = ctx.text.substr(ctx.tokens[x].begin, ctx.tokens[y - 1].end - ctx.tokens[x].begin);
  return true;
}

} // namespace wirespeed::extract_detail
