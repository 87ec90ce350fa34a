// Quotes: pairs quote marks (marks.cpp), decides whether each quotation is
// a whole utterance or a fragment of the reporter's sentence, and attributes
// it through the nearest reporting verb (speaker.cpp). Named subjects of
// every reporting verb are remembered in text order, so that "he", "she" and
// "the envoy" resolve to the last named speaker before them.
#include <algorithm>

#include "extract/common/builtin_data.hpp"
#include "extract/factories.hpp"
#include "extract/quotes/quotes.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::size_t scare_quote_words = 3;

bool sentence_end(std::string_view w) {
  return w == "." || w == "!" || w == "?";
}

std::size_t count_words(const context &ctx, std::uint32_t begin, std::uint32_t end) {
  std::size_t i = token_at_or_after(ctx.tokens, begin);
  std::size_t n = 0;
  for (; i < ctx.tokens.size() && ctx.tokens[i].end <= end; ++i) {
    n += ctx.tokens[i].kind == token_kind::word || ctx.tokens[i].kind == token_kind::number;
  }
  return n;
}

struct named {
  std::uint32_t at = 0; ///< offset of the verb
  std::string name;
};

class quotes_extractor final : public extractor {
public:
  std::string add_patterns(match::pattern_set &set, std::uint32_t tag) override {
    lex_.titles.load(builtin_list("speaker_titles"));
    auto loaded = set.load_text(
        builtin_list("reporting_verbs"), "corpora/patterns/reporting_verbs.txt",
        {.flags = match::flag::caseless | match::flag::whole_word, .label = "verb", .tag = tag});
    return loaded.ok() ? std::string{} : loaded.err.message;
  }

  std::string add_user_pattern(match::pattern_set &set, std::uint32_t tag,
                               const match::pattern &p) override {
    if (p.label == "title") {
      lex_.titles.add(p.expression);
      return {};
    }
    match::pattern_options options{
        .flags = match::flag::caseless | match::flag::whole_word, .label = "verb", .tag = tag};
    if (p.kind == match::pattern_kind::regex) {
      set.add_regex(p.expression, options);
    } else {
      set.add_literal(p.expression, options);
    }
    return {};
  }

  void run(const context &ctx, extraction &out) const override {
    std::vector<quote_span> spans;
    find_quote_spans(ctx.text, ctx.lines, out.boilerplate, spans);
    std::vector<std::size_t> verbs = verb_tokens(ctx, spans);
    std::vector<named> speakers = named_speakers(ctx, verbs);
    std::size_t prev_line = SIZE_MAX;
    const quote *prev = nullptr;
    for (const quote_span &span : spans) {
      quote q;
      q.begin = span.begin;
      q.end = span.end;
      q.partial = is_partial(ctx, span);
      attribute(ctx, span, verbs, speakers, q);
      if (q.verb.empty() && q.partial &&
          count_words(ctx, span.begin, span.end) <= scare_quote_words) {
        continue; // scare quotes: a short fragment nobody is said to have said
      }
      if (q.verb.empty() && q.speaker.empty() && prev && prev_line == span.line) {
        q.speaker = prev->speaker; // "…," Mori said. "…": the same speaker goes on
        q.speaker_begin = prev->speaker_begin;
        q.speaker_end = prev->speaker_end;
      }
      out.quotes.push_back(std::move(q));
      prev = &out.quotes.back();
      prev_line = span.line;
    }
  }

private:
  // Token indices of reporting verbs outside any quotation.
  static std::vector<std::size_t> verb_tokens(const context &ctx,
                                              const std::vector<quote_span> &spans) {
    std::vector<std::size_t> out;
    std::size_t s = 0;
    for (const match::match &m : ctx.matches) {
      while (s < spans.size() && spans[s].end <= m.begin) {
        ++s;
      }
      if (s < spans.size() && spans[s].begin <= m.begin && m.end <= spans[s].end) {
        continue;
      }
      std::size_t t = token_at_or_after(ctx.tokens, m.begin);
      if (t < ctx.tokens.size() && (out.empty() || out.back() != t)) {
        out.push_back(t);
      }
    }
    return out;
  }

  // The sentence around token `t`: [first, last) token indices, bounded by
  // sentence punctuation and line breaks.
  static std::pair<std::size_t, std::size_t> sentence_of(const context &ctx, std::size_t t) {
    std::size_t a = t;
    while (a > 0 && (ctx.tokens[a].flags & line_break_before) == 0 &&
           !sentence_end(token_text(ctx.text, ctx.tokens[a - 1]))) {
      --a;
    }
    std::size_t b = t;
    while (b < ctx.tokens.size() && (b == t || (ctx.tokens[b].flags & line_break_before) == 0) &&
           !sentence_end(token_text(ctx.text, ctx.tokens[b]))) {
      ++b;
    }
    return {a, b};
  }

  std::vector<named> named_speakers(const context &ctx,
                                    const std::vector<std::size_t> &verbs) const {
    std::vector<named> out;
    for (std::size_t v : verbs) {
      auto [a, b] = sentence_of(ctx, v);
      bool after_quote = v > 0 && (is_mark(ctx, ctx.tokens[v - 1]) ||
                                   (v > 1 && token_text(ctx.text, ctx.tokens[v - 1]) == "," &&
                                    is_mark(ctx, ctx.tokens[v - 2])));
      mention m = find_subject(ctx, lex_, a, v, b, after_quote);
      if (!m.name.empty()) {
        out.push_back({ctx.tokens[v].begin, std::move(m.name)});
      }
    }
    return out;
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
    if (last == '.' || last == '!' || last == '?') {
      return is_lower(first);
    }
    if (last == ',' || last == ':') {
      return is_lower(first);
    }
    return true;
  }

  void attribute(const context &ctx, const quote_span &span, const std::vector<std::size_t> &verbs,
                 const std::vector<named> &speakers, quote &q) const {
    std::size_t open_tok = token_at_or_after(ctx.tokens, span.open);
    std::size_t close_tok = token_at_or_after(ctx.tokens, span.close);
    // After the quote: up to the sentence end, the line end or the next quote.
    std::size_t after_end = close_tok;
    while (after_end < ctx.tokens.size() &&
           (after_end == close_tok || (ctx.tokens[after_end].flags & line_break_before) == 0) &&
           !sentence_end(token_text(ctx.text, ctx.tokens[after_end])) &&
           !is_mark(ctx, ctx.tokens[after_end])) {
      ++after_end;
    }
    if (close_tok < ctx.tokens.size() && (ctx.tokens[close_tok].flags & line_break_before) != 0) {
      after_end = close_tok;
    }
    // Before it: back to the sentence start or the line start.
    std::size_t before_begin = open_tok;
    while (before_begin > 0 && (ctx.tokens[before_begin].flags & line_break_before) == 0 &&
           !sentence_end(token_text(ctx.text, ctx.tokens[before_begin - 1])) &&
           !is_mark(ctx, ctx.tokens[before_begin - 1])) {
      --before_begin;
    }
    std::string_view inside = trim(ctx.text.substr(span.begin, span.end - span.begin));
    bool wants_after = !inside.empty() && (inside.back() == ',' || inside.back() == '?' ||
                                           inside.back() == '!' || q.partial);
    std::size_t verb = SIZE_MAX;
    bool verb_after = false;
    auto first_in = [&](std::size_t a, std::size_t b) {
      auto it = std::lower_bound(verbs.begin(), verbs.end(), a);
      return it != verbs.end() && *it < b ? *it : SIZE_MAX;
    };
    auto last_in = [&](std::size_t a, std::size_t b) {
      auto it = std::lower_bound(verbs.begin(), verbs.end(), b);
      return it != verbs.begin() && *(it - 1) >= a ? *(it - 1) : SIZE_MAX;
    };
    if (q.partial) {
      verb = last_in(before_begin, open_tok);
      if (verb == SIZE_MAX) {
        verb = first_in(close_tok, after_end);
        verb_after = verb != SIZE_MAX;
      }
    } else if (wants_after && (verb = first_in(close_tok, after_end)) != SIZE_MAX) {
      verb_after = true;
    } else if ((verb = last_in(before_begin, open_tok)) == SIZE_MAX) {
      verb = first_in(close_tok, after_end);
      verb_after = verb != SIZE_MAX;
    }
    if (verb == SIZE_MAX) {
      return;
    }
    q.verb = token_text(ctx.text, ctx.tokens[verb]);
    mention m;
    if (verb_after) {
      // "…," Lew said / "…," said Abir
      bool verb_first = verb == close_tok || (verb == close_tok + 1 &&
                                              token_text(ctx.text, ctx.tokens[close_tok]) == ",");
      m = verb_first ? find_subject(ctx, lex_, close_tok, verb, after_end, true)
                     : find_subject(ctx, lex_, close_tok, verb, after_end, false);
    } else {
      auto [a, b] = sentence_of(ctx, verb);
      m = find_subject(ctx, lex_, a, verb, std::min(b, open_tok), false);
      if (m.name.empty() && !m.anaphoric && verb == a) {
        m = find_subject(ctx, lex_, a, verb, open_tok, true); // verb-first languages
      }
    }
    q.speaker_begin = m.begin;
    q.speaker_end = m.end;
    if (!m.name.empty()) {
      q.speaker = std::move(m.name);
    } else if (m.anaphoric) {
      std::uint32_t at = m.begin;
      auto it = std::find_if(speakers.rbegin(), speakers.rend(),
                             [&](const named &n) { return n.at < at; });
      if (it != speakers.rend()) {
        q.speaker = it->name;
      }
    }
  }

  static bool is_mark(const context &ctx, const token &t) {
    std::string_view w = token_text(ctx.text, t);
    return w == "\"" || w == "\u201C" || w == "\u201D" || w == "\u00AB" || w == "\u00BB" ||
           w == "\u201E";
  }

  speaker_lexicon lex_;
};

} // namespace

std::unique_ptr<extractor> make_quotes_extractor() {
  return std::make_unique<quotes_extractor>();
}

} // namespace wirespeed::extract_detail
