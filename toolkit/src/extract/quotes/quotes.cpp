// Quotes: pairs quote marks (marks.cpp), judges how each quotation sits in
// its sentence (utterance.cpp), attributes it through the nearest reporting
// verb (attribution.cpp, speaker.cpp), and keeps speech, not scare quotes.
#include <algorithm>

#include "extract/common/builtin_data.hpp"
#include "extract/factories.hpp"
#include "extract/quotes/quotes.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::string_view mark_label = "mark";

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// A document's quote marks, quotations, their tokens and the reporting
// verbs, kept with their capacity from one document to the next.
struct quotes_scratch final : extractor_scratch {
  std::vector<std::uint32_t> marks;
  std::vector<const match::match *> verb_matches;
  std::vector<quote_span> spans;
  std::vector<span_tokens> at;
  std::vector<verb_at> verbs;
  attribution_storage attribution;
};

class quotes_extractor final : public extractor {
public:
  std::string add_patterns(match::pattern_set &set, std::uint32_t tag) override {
    lex_.titles.load(builtin_list("speaker_titles"));
    for_each_list_line(builtin_list("aliases"),
                       [this](std::string_view canonical, std::string_view alias) {
                         lex_.aliases.add(alias, canonical);
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

  [[nodiscard]] std::unique_ptr<extractor_scratch> make_scratch() const override {
    return std::make_unique<quotes_scratch>();
  }

  void run(const context &ctx, extraction &out) const override {
    quotes_scratch own;
    quotes_scratch &s = ctx.scratch != nullptr ? static_cast<quotes_scratch &>(*ctx.scratch) : own;
    split_matches(ctx.matches, s);
    const std::vector<quote_span> &spans = s.spans;
    find_quote_spans(ctx.text, ctx.lines, out.boilerplate, s.marks, s.spans);
    const std::vector<span_tokens> &at = s.at;
    tokens_of_spans(ctx.tokens, spans, s.at);
    find_verbs(ctx, spans, s.verb_matches, s.verbs);
    document_state doc(ctx, lex_, std::move(s.verbs), s.attribution);
    std::size_t prev_line = SIZE_MAX;
    std::size_t prev_index = SIZE_MAX;
    for (std::size_t i = 0; i < spans.size(); ++i) {
      const quote_span &span = spans[i];
      quote q;
      q.begin = span.begin;
      q.end = span.end;
      q.partial = is_partial(ctx, span);
      attribute(ctx, span, at[i], doc, q);
      bool continues = prev_index != SIZE_MAX && prev_line == span.line && !q.partial;
      if (q.verb.empty() && !continues && !is_speech(ctx, at[i], q.partial)) {
        continue; // scare quotes, titles, words mentioned as words
      }
      if (q.verb.empty() && q.speaker.empty() && continues) {
        const quote &prev = out.quotes[prev_index]; // "…," Mori said. "…": he goes on
        q.speaker = prev.speaker;
        q.speaker_begin = prev.speaker_begin;
        q.speaker_end = prev.speaker_end;
      }
      if (!q.verb.empty() && q.partial && is_scare_quote(ctx, at[i])) {
        continue;
      }
      out.quotes.push_back(std::move(q));
      prev_index = out.quotes.size() - 1;
      prev_line = span.line;
    }
    s.verbs = std::move(doc.verbs); // its storage, for the next document
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

  // The reporting verbs outside quotations, in text order, into `out`. Attribution phrases
  // opening with a preposition ("in a statement") mark a source, not a
  // speaker, and give way to a verb.
  static void find_verbs(const context &ctx, const std::vector<quote_span> &spans,
                         std::span<const match::match *const> matches, std::vector<verb_at> &out) {
    out.clear();
    std::size_t s = 0;
    std::size_t cursor = 0;
    for (const match::match *found : matches) {
      const match::match &m = *found;
      while (s < spans.size() && spans[s].end <= m.begin) {
        ++s;
      }
      if (s < spans.size() && spans[s].begin <= m.begin && m.end <= spans[s].end) {
        continue;
      }
      cursor = token_from(ctx.tokens, cursor, m.begin);
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
  }

  // The offsets of the quote marks into s.marks, the verb matches into
  // s.verb_matches, both in text order. Marks and verbs alternate as the
  // text has them: each match is written to both and kept by one, without
  // a branch on which.
  void split_matches(std::span<const match::match> matches, quotes_scratch &s) const {
    s.marks.resize(matches.size());
    s.verb_matches.resize(matches.size());
    std::size_t marks = 0;
    std::size_t verbs = 0;
    for (const match::match &m : matches) {
      const auto mark = static_cast<std::size_t>(is_mark(m));
      s.marks[marks] = static_cast<std::uint32_t>(m.begin);
      s.verb_matches[verbs] = &m;
      marks += mark;
      verbs += 1 - mark;
    }
    s.marks.resize(marks);
    s.verb_matches.resize(verbs);
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
