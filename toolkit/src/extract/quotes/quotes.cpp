// Quotes: pairs quote marks (marks.cpp), decides whether each quotation is
// a whole utterance or a fragment of the reporter's sentence, and attributes
// it through the nearest reporting verb (speaker.cpp). Named subjects of
// every reporting verb are remembered in text order, so that "he", "she" and
// "the envoy" resolve to the last named speaker before them.
#include <algorithm>
#include <array>
#include <optional>

#include "extract/common/builtin_data.hpp"
#include "extract/factories.hpp"
#include "extract/quotes/quotes.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::size_t scare_quote_words = 3;
constexpr std::string_view mark_label = "mark";
constexpr std::array<std::string_view, 6> quote_marks{"\"",     "\u201C", "\u201D",
                                                      "\u201E", "\u00AB", "\u00BB"};
constexpr std::size_t unattributed_words = 5; // shorter quotes need a speaker
constexpr std::size_t pronoun_lines = 3;      // lines looked back for "she"

// Whether token `t` ends a sentence. The walks over a quote's sentence ask
// this of every token: words are turned away before their text is read.
bool sentence_end(const context &ctx, const token &t) {
  if (t.kind == token_kind::word || t.end - t.begin != 1) {
    return false;
  }
  const char c = ctx.text[t.begin];
  return c == '.' || c == '!' || c == '?';
}

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

/// A reporting verb (or attribution phrase) at tokens [first, end).
struct verb_at {
  std::size_t first = 0;
  std::size_t end = 0;
  std::string_view text;
  bool speaker_inside = false; ///< "quoted a senior official as saying"
};

struct named {
  std::uint32_t at = 0; ///< offset of the mention
  mention who;          ///< resolved on use (full_name)
};

// What the quotes of one document share, each found once: full names, and
// the subject of each reporting verb in its own sentence (every pronoun
// looks back through the same verbs).
struct document_state {
  document_state(const context &ctx, const speaker_lexicon &lex, std::vector<verb_at> found)
      : verbs(std::move(found)), names(ctx, lex), verb_subjects(verbs.size()) {}
  std::vector<verb_at> verbs;
  name_resolver names;
  std::vector<std::optional<mention>> verb_subjects;
};

class quotes_extractor final : public extractor {
public:
  std::string add_patterns(match::pattern_set &set, std::uint32_t tag) override {
    lex_.titles.load(builtin_list("speaker_titles"));
    for_each_list_line(builtin_list("aliases"),
                       [this](std::string_view canonical, std::string_view alias) {
                         lex_.aliases[std::string(alias)] = std::string(canonical);
                       });
    // Quote marks come from the same scan as everything else.
    first_mark_ = static_cast<std::uint32_t>(set.size());
    for (std::string_view m : quote_marks) {
      set.add_literal(m,
                      {.flags = match::flag::none, .label = std::string(mark_label), .tag = tag});
    }
    match::pattern_set verbs;
    auto loaded =
        verbs.load_text(builtin_list("reporting_verbs"), "corpora/patterns/reporting_verbs.txt");
    if (!loaded.ok()) {
      return loaded.err.message;
    }
    for (const match::pattern &p : verbs.patterns()) {
      add_verb(set, tag, p);
    }
    return {};
  }

  std::string add_user_pattern(match::pattern_set &set, std::uint32_t tag,
                               const match::pattern &p) override {
    if (p.label == "title") {
      lex_.titles.add(p.expression);
    } else {
      add_verb(set, tag, p);
    }
    return {};
  }

  void run(const context &ctx, extraction &out) const override {
    std::vector<std::uint32_t> marks;
    for (const match::match &m : ctx.matches) {
      if (is_mark(m)) {
        marks.push_back(static_cast<std::uint32_t>(m.begin));
      }
    }
    std::vector<quote_span> spans;
    find_quote_spans(ctx.text, ctx.lines, out.boilerplate, marks, spans);
    document_state doc(ctx, lex_, find_verbs(ctx, spans));
    std::size_t prev_line = SIZE_MAX;
    std::size_t prev_index = SIZE_MAX;
    for (const quote_span &span : spans) {
      quote q;
      q.begin = span.begin;
      q.end = span.end;
      q.partial = is_partial(ctx, span);
      attribute(ctx, span, doc, q);
      bool continues = prev_index != SIZE_MAX && prev_line == span.line && !q.partial;
      if (q.verb.empty() && !continues && !is_speech(ctx, span, q)) {
        continue; // scare quotes, titles, words mentioned as words
      }
      if (q.verb.empty() && q.speaker.empty() && continues) {
        const quote &prev = out.quotes[prev_index]; // "…," Mori said. "…": he goes on
        q.speaker = prev.speaker;
        q.speaker_begin = prev.speaker_begin;
        q.speaker_end = prev.speaker_end;
      }
      if (!q.verb.empty() && q.partial && is_scare_quote(ctx, span)) {
        continue;
      }
      out.quotes.push_back(std::move(q));
      prev_index = out.quotes.size() - 1;
      prev_line = span.line;
    }
  }

private:
  static void add_verb(match::pattern_set &set, std::uint32_t tag, const match::pattern &p) {
    match::flag flags = match::flag::caseless | match::flag::whole_word;
    if (has_non_ascii(p.expression)) {
      flags = flags | match::flag::utf8;
    }
    match::pattern_options options{.flags = flags, .label = "verb", .tag = tag};
    if (p.kind == match::pattern_kind::regex) {
      set.add_regex(p.expression, options);
    } else {
      set.add_literal(p.expression, options);
    }
  }

  // Reporting verbs outside quotations, in text order. Attribution phrases
  // opening with a preposition ("in a statement") mark a source, not a
  // speaker, and give way to a verb.
  std::vector<verb_at> find_verbs(const context &ctx, const std::vector<quote_span> &spans) const {
    std::vector<verb_at> out;
    std::size_t s = 0;
    std::size_t cursor = 0;
    for (const match::match &m : ctx.matches) {
      while (s < spans.size() && spans[s].end <= m.begin) {
        ++s;
      }
      if (s < spans.size() && spans[s].begin <= m.begin && m.end <= spans[s].end) {
        continue;
      }
      if (is_mark(m)) {
        continue;
      }
      while (cursor < ctx.tokens.size() && ctx.tokens[cursor].begin < m.begin) {
        ++cursor;
      }
      std::size_t first = cursor;
      std::size_t end = first;
      while (end < ctx.tokens.size() && ctx.tokens[end].begin < m.end) {
        ++end;
      }
      if (first >= end || (!out.empty() && out.back().end > first)) {
        continue;
      }
      std::string_view text = ctx.text.substr(m.begin, m.end - m.begin);
      if (text.starts_with("in ") || text.starts_with("In ")) {
        continue;
      }
      verb_at v{first, end, text, false};
      if (ctx.db.at(m.id).kind == match::pattern_kind::regex && end - first > 2) {
        v.text = token_text(ctx.text, ctx.tokens[first]); // "quoted … as saying"
        v.speaker_inside = true;
      }
      out.push_back(v);
    }
    return out;
  }

  // The sentence around token `t`: [first, last) token indices, bounded by
  // sentence punctuation and line breaks.
  static std::pair<std::size_t, std::size_t> sentence_of(const context &ctx, std::size_t t) {
    std::size_t a = t;
    while (a > 0 && (ctx.tokens[a].flags & line_break_before) == 0 &&
           !sentence_end(ctx, ctx.tokens[a - 1])) {
      --a;
    }
    std::size_t b = t;
    while (b < ctx.tokens.size() && (b == t || (ctx.tokens[b].flags & line_break_before) == 0) &&
           !sentence_end(ctx, ctx.tokens[b])) {
      ++b;
    }
    return {a, b};
  }

  static bool is_mark(const context &ctx, const token &t) {
    if (t.kind == token_kind::word) {
      return false; // most tokens: no need to read their text
    }
    std::string_view w = token_text(ctx.text, t);
    return w.size() <= 3 &&
           std::find(quote_marks.begin(), quote_marks.end(), w) != quote_marks.end();
  }

  // The subject of verb `vi` in the sentence [a, b): "said Abir" after a
  // quote, "…, adding" and "… but said" share the previous verb's subject.
  mention subject_of(const context &ctx, const std::vector<verb_at> &verbs, std::size_t vi,
                     std::size_t a, std::size_t b, int depth = 0) const {
    const verb_at &v = verbs[vi];
    if (v.speaker_inside) {
      return find_subject(ctx, lex_, v.first, v.first, v.first + 1, v.end, true);
    }
    std::size_t p = v.first;
    while (p > a && (token_text(ctx.text, ctx.tokens[p - 1]) == "," ||
                     ctx.tokens[p - 1].kind == token_kind::punctuation)) {
      --p;
    }
    bool after_quote = p < v.first && is_mark(ctx, ctx.tokens[p]);
    if (p == a || after_quote) {
      return find_subject(ctx, lex_, a, v.first, v.end, b, true);
    }
    std::string_view before = token_text(ctx.text, ctx.tokens[v.first - 1]);
    if ((before == "," || before == "and" || before == "but") && vi > 0 && depth < 3 &&
        verbs[vi - 1].end <= v.first && verbs[vi - 1].first >= a) {
      return subject_of(ctx, verbs, vi - 1, a, b, depth + 1);
    }
    return find_subject(ctx, lex_, a, v.first, v.end, b, false);
  }

  // Whole utterances open a sentence, or follow "said," / "said:" with a
  // capital letter; anything else is a fragment of the reporter's sentence.
  static bool is_partial(const context &ctx, const quote_span &span) {
    std::string_view before = ctx.text.substr(0, span.open);
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) {
      before.remove_suffix(1);
    }
    char32_t first = decode_at(ctx.text, span.begin);
    if (before.empty() || before.back() == '\n') {
      return is_lower(first);
    }
    char last = before.back();
    if (last == '.' || last == '!' || last == '?' || last == ',' || last == ':') {
      return is_lower(first);
    }
    return true;
  }

  // A quotation with no reporting verb is speech only when it is long enough
  // not to be a scare quote, a title ("The Pale Reef") or a word as a word.
  static bool is_speech(const context &ctx, const quote_span &span, const quote &q) {
    std::size_t a = token_at_or_after(ctx.tokens, span.begin);
    std::size_t b = token_at_or_after(ctx.tokens, span.end);
    std::size_t words = 0;
    bool title_case = true;
    for (std::size_t i = a; i < b; ++i) {
      if (ctx.tokens[i].kind == token_kind::word) {
        ++words;
        title_case = title_case && !is_lower(decode_at(ctx.text, ctx.tokens[i].begin));
      }
    }
    return !q.partial && words > unattributed_words && !title_case;
  }

  // "a "ghost" signal", "the word "phase-out"": a short fragment used as a
  // modifier or mentioned as a word, even in a sentence with a verb.
  static bool is_scare_quote(const context &ctx, const quote_span &span) {
    std::size_t a = token_at_or_after(ctx.tokens, span.open);
    std::size_t b = token_at_or_after(ctx.tokens, span.close);
    std::size_t words = 0;
    for (std::size_t i = a; i < b; ++i) {
      words += ctx.tokens[i].kind == token_kind::word;
    }
    if (words > scare_quote_words || a == 0 || b >= ctx.tokens.size()) {
      return false;
    }
    std::string_view before = token_text(ctx.text, ctx.tokens[a - 1]);
    std::string_view after = token_text(ctx.text, ctx.tokens[b]);
    static constexpr std::string_view mention_nouns[] = {"word",  "term", "phrase",  "slogan",
                                                         "label", "name", "nickname"};
    if (std::find(std::begin(mention_nouns), std::end(mention_nouns), before) !=
        std::end(mention_nouns)) {
      return true;
    }
    static constexpr std::string_view function_words[] = {
        "and", "or",   "but",  "to", "of", "in",  "on",   "at",  "for",   "that", "which", "who",
        "as",  "from", "with", "by", "is", "was", "were", "are", "would", "will", "could"};
    bool article = before == "a" || before == "an" || before == "the";
    return article && ctx.tokens[b].kind == token_kind::word && is_lower(decode_at(after, 0)) &&
           std::find(std::begin(function_words), std::end(function_words), after) ==
               std::end(function_words);
  }

  void attribute(const context &ctx, const quote_span &span, document_state &doc, quote &q) const {
    const std::vector<verb_at> &verbs = doc.verbs;
    std::size_t open_tok = token_at_or_after(ctx.tokens, span.open);
    std::size_t close_tok = token_at_or_after(ctx.tokens, span.close);
    // After the quote: up to the sentence end, the line end or the next quote.
    std::size_t after_end = close_tok;
    while (after_end < ctx.tokens.size() &&
           (after_end == close_tok || (ctx.tokens[after_end].flags & line_break_before) == 0) &&
           !sentence_end(ctx, ctx.tokens[after_end]) &&
           (!is_mark(ctx, ctx.tokens[after_end]) || q.partial)) {
      ++after_end;
    }
    if (close_tok < ctx.tokens.size() && (ctx.tokens[close_tok].flags & line_break_before) != 0) {
      after_end = close_tok;
    }
    // Before it: back to the sentence start, the line start or (for a whole
    // quote) the previous quote.
    std::size_t before_begin = open_tok;
    while (before_begin > 0 && (ctx.tokens[before_begin].flags & line_break_before) == 0 &&
           !sentence_end(ctx, ctx.tokens[before_begin - 1]) &&
           (!is_mark(ctx, ctx.tokens[before_begin - 1]) || q.partial)) {
      --before_begin;
    }
    std::string_view inside = trim(ctx.text.substr(span.begin, span.end - span.begin));
    bool wants_after =
        !inside.empty() && (inside.back() == ',' || inside.back() == '?' || inside.back() == '!');
    auto first_in = [&](std::size_t a, std::size_t b) {
      auto it = std::lower_bound(verbs.begin(), verbs.end(), a,
                                 [](const verb_at &v, std::size_t t) { return v.first < t; });
      return it != verbs.end() && it->first < b ? static_cast<std::size_t>(it - verbs.begin())
                                                : SIZE_MAX;
    };
    auto last_in = [&](std::size_t a, std::size_t b) {
      auto it = std::lower_bound(verbs.begin(), verbs.end(), b,
                                 [](const verb_at &v, std::size_t t) { return v.first < t; });
      return it != verbs.begin() && (it - 1)->first >= a
                 ? static_cast<std::size_t>(it - 1 - verbs.begin())
                 : SIZE_MAX;
    };
    std::size_t vi = SIZE_MAX;
    if (wants_after && !q.partial) {
      vi = first_in(close_tok, after_end);
    }
    if (vi == SIZE_MAX) {
      vi = last_in(before_begin, open_tok);
    }
    if (vi == SIZE_MAX) {
      vi = first_in(close_tok, after_end);
    }
    if (vi == SIZE_MAX) {
      return;
    }
    const verb_at &v = verbs[vi];
    q.verb = v.text;
    std::size_t a = v.first < open_tok ? before_begin : close_tok;
    std::size_t b = v.first < open_tok ? open_tok : after_end;
    if (q.partial) {
      std::tie(a, b) = sentence_of(ctx, v.first);
    }
    mention m = subject_of(ctx, verbs, vi, a, b);
    q.speaker_begin = m.begin;
    q.speaker_end = m.end;
    if (!m.name.empty()) {
      q.speaker = doc.names.full_name(m);
    } else if (m.anaphoric) {
      q.speaker = antecedent(ctx, doc, m.begin, open_tok);
    }
  }

  // "he", "she", "the envoy": the last named speaker before, unless a line
  // opening with a person's name is closer ("Noa Peretz, whose brother…").
  // The named subjects of the reporting verbs before offset `at`, latest
  // first, found on demand (most quotes never need them).
  class named_before {
  public:
    named_before(const quotes_extractor &self, const context &ctx, document_state &doc,
                 std::uint32_t at)
        : self_(self), ctx_(ctx), doc_(doc) {
      const std::vector<verb_at> &verbs = doc.verbs;
      next_ = static_cast<std::size_t>(std::lower_bound(verbs.begin(), verbs.end(), at,
                                                        [&](const verb_at &v, std::uint32_t o) {
                                                          return ctx.tokens[v.first].begin < o;
                                                        }) -
                                       verbs.begin());
    }
    bool next(named &out) {
      while (next_ > 0 && looked_ < max_verbs) {
        --next_;
        ++looked_;
        std::optional<mention> &m = doc_.verb_subjects[next_];
        if (!m) {
          auto [a, b] = sentence_of(ctx_, doc_.verbs[next_].first);
          m = self_.subject_of(ctx_, doc_.verbs, next_, a, b);
        }
        if (!m->name.empty()) {
          out = {m->begin, *m};
          return true;
        }
      }
      return false;
    }

  private:
    static constexpr std::size_t max_verbs = 64;
    const quotes_extractor &self_;
    const context &ctx_;
    document_state &doc_;
    std::size_t next_ = 0;
    std::size_t looked_ = 0;
  };

  // "he", "she", "the envoy": the last named speaker before, unless a line
  // opening with a person's name is closer ("Noa Peretz, whose brother…").
  std::string antecedent(const context &ctx, document_state &doc, std::uint32_t at,
                         std::size_t quote_tok) const {
    name_resolver &names = doc.names;
    // A person is meant: the last speaker with a full name, unless a
    // one-word speaker ("Abir", "Hamas") spoke earlier in the same line.
    named_before before(*this, ctx, doc, at);
    named latest;
    bool found = before.next(latest);
    std::string name = found ? names.full_name(latest.who) : std::string{};
    if (found && name.find(' ') == std::string::npos &&
        ctx.text.substr(latest.at, at - latest.at).find('\n') != std::string_view::npos) {
      named other;
      while (before.next(other)) {
        if (std::string candidate = names.full_name(other.who);
            candidate.find(' ') != std::string::npos) {
          latest = std::move(other);
          name = std::move(candidate);
          break;
        }
      }
    }
    std::uint32_t named_at = found ? latest.at : 0;
    std::size_t t = std::min(quote_tok, ctx.tokens.size() - 1);
    for (std::size_t lines = 0; lines < pronoun_lines; ++lines) {
      while (t > 0 && (ctx.tokens[t].flags & line_break_before) == 0) {
        --t;
      }
      if (ctx.tokens[t].begin < named_at) {
        break;
      }
      if (mention m = line_subject(names, t); !m.name.empty() && m.begin < at) {
        return m.name;
      }
      if (t == 0) {
        break;
      }
      --t;
    }
    return name;
  }

  // Quote marks are the patterns [first_mark_, first_mark_ + quote_marks.size()).
  [[nodiscard]] bool is_mark(const match::match &m) const {
    return m.id - first_mark_ < quote_marks.size();
  }

  speaker_lexicon lex_;
  std::uint32_t first_mark_ = 0;
};

} // namespace

std::unique_ptr<extractor> make_quotes_extractor() {
  return std::make_unique<quotes_extractor>();
}

} // namespace wirespeed::extract_detail
