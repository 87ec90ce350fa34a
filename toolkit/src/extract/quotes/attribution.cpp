// Who said a quotation: the nearest reporting verb around it, the subject of
// that verb, and for "he", "she" or "the envoy" the last named speaker.
// Named subjects of every reporting verb are remembered in text order, so
// that pronouns resolve to the last named speaker before them.
#include <algorithm>
#include <tuple>

#include "extract/quotes/quotes.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::size_t pronoun_lines = 3; // lines looked back for "she"

bool opens_line(const token &t) {
  return (t.flags & line_break_before) != 0;
}

struct named {
  std::uint32_t at = 0; ///< offset of the mention
  mention who;          ///< resolved on use (full_name)
};

// The sentence around token `t`: [first, last) token indices, bounded by
// sentence punctuation and line breaks.
// The walks test each token's stops with bitwise operators: one branch per
// token, taken once at the end, instead of one per test.
std::pair<std::size_t, std::size_t> sentence_of(const context &ctx, std::size_t t) {
  std::size_t a = t;
  while (a > 0) {
    if (opens_line(ctx.tokens[a]) | sentence_end(ctx, ctx.tokens[a - 1])) {
      break;
    }
    --a;
  }
  std::size_t b = t;
  while (b < ctx.tokens.size()) {
    if (((b != t) & opens_line(ctx.tokens[b])) | sentence_end(ctx, ctx.tokens[b])) {
      break;
    }
    ++b;
  }
  return {a, b};
}

// The subject of verb `vi` in the sentence [a, b): "said Abir" after a
// quote, "…, adding" and "… but said" share the previous verb's subject.
mention subject_of(const context &ctx, const speaker_lexicon &lex,
                   const std::vector<verb_at> &verbs, std::size_t vi, std::size_t a, std::size_t b,
                   int depth = 0) {
  const verb_at &v = verbs[vi];
  if (v.speaker_inside) {
    return find_subject(ctx, lex, v.first, v.first, v.first + 1, v.end, true);
  }
  std::size_t p = v.first;
  while (p > a && (token_text(ctx.text, ctx.tokens[p - 1]) == "," ||
                   ctx.tokens[p - 1].kind == token_kind::punctuation)) {
    --p;
  }
  bool after_quote = p < v.first && is_quote_mark(ctx, ctx.tokens[p]);
  if (p == a || after_quote) {
    return find_subject(ctx, lex, a, v.first, v.end, b, true);
  }
  std::string_view before = token_text(ctx.text, ctx.tokens[v.first - 1]);
  if ((before == "," || before == "and" || before == "but") && vi > 0 && depth < 3 &&
      verbs[vi - 1].end <= v.first && verbs[vi - 1].first >= a) {
    return subject_of(ctx, lex, verbs, vi - 1, a, b, depth + 1);
  }
  return find_subject(ctx, lex, a, v.first, v.end, b, false);
}

// The named subjects of the reporting verbs before offset `at`, latest
// first, found on demand (most quotes never need them).
class named_before {
public:
  named_before(const context &ctx, document_state &doc, std::uint32_t at) : ctx_(ctx), doc_(doc) {
    const std::vector<verb_at> &verbs = doc.verbs;
    next_ = partition_index(std::span<const verb_at>(verbs),
                            [&](const verb_at &v) { return ctx.tokens[v.first].begin < at; });
  }
  bool next(named &out) {
    while (next_ > 0 && looked_ < max_verbs) {
      --next_;
      ++looked_;
      std::optional<mention> &m = doc_.verb_subjects[next_];
      if (!m) {
        auto [a, b] = sentence_of(ctx_, doc_.verbs[next_].first);
        m = subject_of(ctx_, doc_.names.lexicon(), doc_.verbs, next_, a, b);
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
  const context &ctx_;
  document_state &doc_;
  std::size_t next_ = 0;
  std::size_t looked_ = 0;
};

// "he", "she", "the envoy": the last named speaker before, unless a line
// opening with a person's name is closer ("Noa Peretz, whose brother…").
std::string_view antecedent(const context &ctx, document_state &doc, std::uint32_t at,
                            std::size_t quote_tok) {
  name_resolver &names = doc.names;
  // A person is meant: the last speaker with a full name, unless a
  // one-word speaker ("Abir", "Hamas") spoke earlier in the same line.
  named_before before(ctx, doc, at);
  named latest;
  bool found = before.next(latest);
  std::string_view name = found ? names.full_name(latest.who) : std::string_view{};
  if (found && name.find(' ') == std::string_view::npos &&
      ctx.text.substr(latest.at, at - latest.at).find('\n') != std::string_view::npos) {
    named other;
    while (before.next(other)) {
      if (std::string_view candidate = names.full_name(other.who);
          candidate.find(' ') != std::string_view::npos) {
        latest = other;
        name = candidate;
        break;
      }
    }
  }
  std::uint32_t named_at = found ? latest.at : 0;
  std::size_t t = std::min(quote_tok, ctx.tokens.size() - 1);
  for (std::size_t lines = 0; lines < pronoun_lines; ++lines) {
    while (t > 0 && !opens_line(ctx.tokens[t])) {
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

} // namespace

void attribute(const context &ctx, const quote_span &span, const span_tokens &at,
               document_state &doc, quote &q) {
  const std::vector<verb_at> &verbs = doc.verbs;
  const std::size_t open_tok = at.open;
  const std::size_t close_tok = at.close;
  // After the quote: up to the sentence end, the line end or the next quote.
  std::size_t after_end = close_tok;
  while (after_end < ctx.tokens.size()) {
    const token &t = ctx.tokens[after_end];
    if (((after_end != close_tok) & opens_line(t)) | sentence_end(ctx, t) |
        (!q.partial & is_quote_mark(ctx, t))) {
      break;
    }
    ++after_end;
  }
  if (close_tok < ctx.tokens.size() && opens_line(ctx.tokens[close_tok])) {
    after_end = close_tok;
  }
  // Before it: back to the sentence start, the line start or (for a whole
  // quote) the previous quote.
  std::size_t before_begin = open_tok;
  while (before_begin > 0) {
    const token &prev = ctx.tokens[before_begin - 1];
    if (opens_line(ctx.tokens[before_begin]) | sentence_end(ctx, prev) |
        (!q.partial & is_quote_mark(ctx, prev))) {
      break;
    }
    --before_begin;
  }
  std::string_view inside = trim(ctx.text.substr(span.begin, span.end - span.begin));
  bool wants_after =
      !inside.empty() && (inside.back() == ',' || inside.back() == '?' || inside.back() == '!');
  // The index of the first verb at or after token t; the first and the last
  // verb in tokens [a, b) (SIZE_MAX when there is none).
  auto verb_from = [&](std::size_t t) {
    return partition_index(std::span<const verb_at>(verbs),
                           [t](const verb_at &v) { return v.first < t; });
  };
  auto first_in = [&](std::size_t a, std::size_t b) {
    const std::size_t k = verb_from(a);
    return k < verbs.size() && verbs[k].first < b ? k : SIZE_MAX;
  };
  auto last_in = [&](std::size_t a, std::size_t b) {
    const std::size_t k = verb_from(b);
    return k > 0 && verbs[k - 1].first >= a ? k - 1 : SIZE_MAX;
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
  mention m = subject_of(ctx, doc.names.lexicon(), verbs, vi, a, b);
  q.speaker_begin = m.begin;
  q.speaker_end = m.end;
  if (!m.name.empty()) {
    q.speaker = doc.names.full_name(m);
  } else if (m.anaphoric) {
    q.speaker = antecedent(ctx, doc, m.begin, open_tok);
  }
}

} // namespace wirespeed::extract_detail
