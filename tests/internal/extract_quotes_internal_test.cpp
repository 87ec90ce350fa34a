// Pieces of the quotes extractor on hand-built documents: the tokens at a
// quotation's marks, how it sits in its sentence, and its attribution.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/quotes/quotes.hpp"

namespace wirespeed::extract_detail {
namespace {

// A document as the extractor sees it, without matches.
class doc_fixture {
public:
  explicit doc_fixture(std::string text) {
    doc_.text = std::move(text);
    EXPECT_EQ(tokenize(doc_.text, tokens_), tokenize_status::ok);
    split_lines(doc_.text, lines_);
    std::vector<std::uint32_t> marks;
    for (std::size_t i = 0; i < doc_.text.size(); ++i) {
      if (doc_.text[i] == '"') {
        marks.push_back(static_cast<std::uint32_t>(i));
      }
    }
    find_quote_spans(doc_.text, lines_, {}, marks, spans_);
    tokens_of_spans(tokens_.tokens(), spans_, at_);
  }

  [[nodiscard]] context ctx() const {
    return {doc_,
            doc_.text,
            tokens_.tokens(),
            tokens_.sentence_starts(),
            tokens_.paragraph_starts(),
            lines_,
            {},
            db_};
  }
  [[nodiscard]] const std::vector<quote_span> &spans() const { return spans_; }
  [[nodiscard]] const std::vector<span_tokens> &at() const { return at_; }
  /// The token index of the first token spelled `word`.
  [[nodiscard]] std::size_t token_of(std::string_view word) const {
    auto tokens = tokens_.tokens();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (token_text(doc_.text, tokens[i]) == word) {
        return i;
      }
    }
    ADD_FAILURE() << "no token " << word;
    return 0;
  }

private:
  document doc_;
  token_buffer tokens_;
  std::vector<line> lines_;
  match::database db_;
  std::vector<quote_span> spans_;
  std::vector<span_tokens> at_;
};

TEST(tokens_of_spans, agrees_with_a_binary_search_for_every_mark) {
  doc_fixture d("\"One,\" she said. \"Two\" and \"three\".\nThen \"four\n\"five\" ends.");
  ASSERT_EQ(d.spans().size(), 4u); // "four goes on in the next line
  auto tokens = d.ctx().tokens;
  for (std::size_t i = 0; i < d.spans().size(); ++i) {
    const quote_span &s = d.spans()[i];
    EXPECT_EQ(d.at()[i].open, token_at_or_after(tokens, s.open)) << i;
    EXPECT_EQ(d.at()[i].begin, token_at_or_after(tokens, s.begin)) << i;
    EXPECT_EQ(d.at()[i].end, token_at_or_after(tokens, s.end)) << i;
    EXPECT_EQ(d.at()[i].close, token_at_or_after(tokens, s.close)) << i;
  }
}

TEST(tokens_of_spans, searches_again_when_offsets_go_back) {
  doc_fixture d("\"One,\" she said. \"Two\" and \"three\".");
  std::vector<quote_span> backwards(d.spans().rbegin(), d.spans().rend());
  std::vector<span_tokens> at;
  tokens_of_spans(d.ctx().tokens, backwards, at);
  ASSERT_EQ(at.size(), backwards.size());
  for (std::size_t i = 0; i < at.size(); ++i) {
    EXPECT_EQ(at[i].open, token_at_or_after(d.ctx().tokens, backwards[i].open)) << i;
    EXPECT_EQ(at[i].close, token_at_or_after(d.ctx().tokens, backwards[i].close)) << i;
  }
}

TEST(alias_table, maps_aliases_as_written_and_nothing_else) {
  alias_table aliases;
  aliases.add("UN", "United Nations");
  aliases.add("IDF", "Israel Defense Forces");
  aliases.add("UN", "the United Nations"); // a later line wins
  ASSERT_NE(aliases.find("UN"), nullptr);
  EXPECT_EQ(*aliases.find("UN"), "the United Nations");
  ASSERT_NE(aliases.find("IDF"), nullptr);
  EXPECT_EQ(*aliases.find("IDF"), "Israel Defense Forces");
  EXPECT_EQ(aliases.find("un"), nullptr); // the sketch folds case; the table does not
  EXPECT_EQ(aliases.find("Un"), nullptr);
  EXPECT_EQ(aliases.find("UNO"), nullptr);
  EXPECT_EQ(aliases.find(""), nullptr);
  EXPECT_EQ(alias_table{}.find("UN"), nullptr);
}

// Against std::partition_point on every length up to 9 and every split.
TEST(partition_index, finds_where_the_predicate_turns_false) {
  std::vector<int> items;
  for (int n = 0; n <= 9; ++n) {
    for (int key = -1; key <= 2 * n + 1; ++key) {
      const auto below = [key](int v) { return v < key; };
      const auto expected = static_cast<std::size_t>(
          std::partition_point(items.begin(), items.end(), below) - items.begin());
      EXPECT_EQ(partition_index(std::span<const int>(items), below), expected) << n << " " << key;
    }
    items.push_back(2 * n); // even values: keys fall on items and between them
  }
}

// Every offset of the text (and past it), over every prefix of the tokens,
// from none to all: the first token beginning at or after it.
TEST(token_at_or_after, finds_the_first_token_at_or_after_every_offset) {
  doc_fixture d("Sie sagte: \"Ja.\" Then, at 9.30 a.m., he left;  twice.\n\nEnd");
  const auto tokens = d.ctx().tokens;
  ASSERT_GT(tokens.size(), 16u);
  for (std::size_t n = 0; n <= tokens.size(); ++n) {
    const auto prefix = tokens.first(n);
    for (std::uint64_t offset = 0; offset <= d.ctx().text.size() + 1; ++offset) {
      std::size_t expected = 0;
      while (expected < n && prefix[expected].begin < offset) {
        ++expected;
      }
      EXPECT_EQ(token_at_or_after(prefix, offset), expected) << n << " " << offset;
    }
  }
}

TEST(token_from, finds_near_and_far_tokens_from_any_start) {
  doc_fixture d("A long sentence, with many words in it, goes on and on; then it ends here.");
  auto tokens = d.ctx().tokens;
  ASSERT_GT(tokens.size(), 10u); // past the few steps: the binary search is taken too
  for (std::size_t from = 0; from <= tokens.size(); ++from) {
    const std::uint64_t start = from < tokens.size() ? tokens[from].begin : 0;
    for (std::uint64_t offset = start; offset <= d.ctx().text.size() + 1; ++offset) {
      EXPECT_EQ(token_from(tokens, from, offset), std::max(from, token_at_or_after(tokens, offset)))
          << from << " " << offset;
    }
  }
}

TEST(quote_tokens, sentence_ends_and_marks) {
  doc_fixture d("He left. \"Yes!\" she said?");
  const context ctx = d.ctx();
  EXPECT_TRUE(sentence_end(ctx, ctx.tokens[d.token_of(".")]));
  EXPECT_TRUE(sentence_end(ctx, ctx.tokens[d.token_of("!")]));
  EXPECT_TRUE(sentence_end(ctx, ctx.tokens[d.token_of("?")]));
  EXPECT_FALSE(sentence_end(ctx, ctx.tokens[d.token_of("He")]));
  EXPECT_TRUE(is_quote_mark(ctx, ctx.tokens[d.token_of("\"")]));
  EXPECT_FALSE(is_quote_mark(ctx, ctx.tokens[d.token_of(".")]));
}

// sentence_end and is_quote_mark answer without reading most tokens' text;
// on every token of a text with each kind of mark, dash, symbol, number and
// one-letter word, they must agree with their plain definitions.
TEST(quote_tokens, agree_with_their_definitions_on_every_token) {
  doc_fixture d("I said \u201CNo.\u201D \u201EJa\u201C, \u00ABnon\u00BB \u2014 a 2.5% rise "
                "\u00A3 3! Mr. Lew\u2019s \u2026 \"why?\" 'so' x.y a? b!\n\u00BB");
  const context ctx = d.ctx();
  ASSERT_GT(ctx.tokens.size(), 30u);
  for (const token &t : ctx.tokens) {
    const std::string_view w = token_text(ctx.text, t);
    const bool word = t.kind == token_kind::word;
    const bool ends = !word && (w == "." || w == "!" || w == "?");
    const bool mark =
        !word && std::find(quote_marks.begin(), quote_marks.end(), w) != quote_marks.end();
    EXPECT_EQ(sentence_end(ctx, t), ends) << w;
    EXPECT_EQ(is_quote_mark(ctx, t), mark) << w;
  }
}

TEST(utterance, whole_quotes_fragments_and_scare_quotes) {
  doc_fixture whole("\"We will rebuild every house on this street,\" she said.");
  ASSERT_EQ(whole.spans().size(), 1u);
  EXPECT_FALSE(is_partial(whole.ctx(), whole.spans()[0]));
  EXPECT_TRUE(is_speech(whole.ctx(), whole.at()[0], false));
  EXPECT_FALSE(is_scare_quote(whole.ctx(), whole.at()[0]));

  doc_fixture fragment("The mayor called it \"a disgrace\" on Monday.");
  ASSERT_EQ(fragment.spans().size(), 1u);
  EXPECT_TRUE(is_partial(fragment.ctx(), fragment.spans()[0]));

  doc_fixture title("She read \"The Pale Reef Of The North Sea Again\".");
  EXPECT_FALSE(is_speech(title.ctx(), title.at()[0], false)); // title case

  doc_fixture scare("It sent a \"ghost\" signal. They used the word \"phase-out\" twice.");
  ASSERT_EQ(scare.spans().size(), 2u);
  EXPECT_TRUE(is_scare_quote(scare.ctx(), scare.at()[0]));
  EXPECT_TRUE(is_scare_quote(scare.ctx(), scare.at()[1]));
}

// The subject before "said" in `text`, titles "Governor" and "Mayor".
std::string subject_before_said(const std::string &text) {
  doc_fixture d(text);
  speaker_lexicon lex;
  lex.titles.add("Governor");
  lex.titles.add("Mayor");
  const std::size_t verb = d.token_of("said");
  return std::string(find_subject(d.ctx(), lex, 0, verb, verb + 1, verb + 1, false).name);
}

TEST(find_subject, trims_titles_possessives_and_function_words_off_a_name) {
  EXPECT_EQ(subject_before_said("Governor Ida Strand said"), "Ida Strand");
  EXPECT_EQ(subject_before_said("Mayor Governor Ida Strand said"), "Ida Strand");
  EXPECT_EQ(subject_before_said("NDM\u2019s Bernard Okafor said"), "Bernard Okafor");
  EXPECT_EQ(subject_before_said("Ambassador to Israel Jack Lew said"), "Jack Lew");
  EXPECT_EQ(subject_before_said("The Governor said"), "");       // a title alone
  EXPECT_EQ(subject_before_said("The Mayor Governor said"), ""); // titles alone
  EXPECT_EQ(subject_before_said("Ida Strand Governor said"), "Ida Strand Governor"); // kept last
  EXPECT_EQ(
      subject_before_said(
          "\u0418\u0433\u043e\u0440\u044c \u0421\u043e\u043a\u043e\u043b\u043e\u0432 said"),
      "\u0418\u0433\u043e\u0440\u044c \u0421\u043e\u043a\u043e\u043b\u043e\u0432"); // Cyrillic
                                                                                    // capitals
  EXPECT_EQ(subject_before_said("\u0438\u0433\u043e\u0440\u044c said"), ""); // lower case: no name
  EXPECT_EQ(subject_before_said("3M said"), "");               // a digit starts no name
  EXPECT_EQ(subject_before_said("ida Strand said"), "Strand"); // the run stops at lower case
}

TEST(attribute, takes_the_verb_after_a_whole_quote_and_its_subject) {
  doc_fixture d(
      "\"We will rebuild,\" said Mayor Ana Torres. \"It will take years,\" Torres added.");
  const context ctx = d.ctx();
  speaker_lexicon lex;
  lex.titles.add("Mayor");
  std::vector<verb_at> verbs{{d.token_of("said"), d.token_of("said") + 1, "said", false},
                             {d.token_of("added"), d.token_of("added") + 1, "added", false}};
  attribution_storage store;
  document_state state(ctx, lex, verbs, store);
  ASSERT_EQ(d.spans().size(), 2u);
  quote first;
  attribute(ctx, d.spans()[0], d.at()[0], state, first);
  EXPECT_EQ(first.verb, "said");
  EXPECT_EQ(first.speaker, "Ana Torres");
  quote second;
  attribute(ctx, d.spans()[1], d.at()[1], state, second);
  EXPECT_EQ(second.verb, "added");
  EXPECT_EQ(second.speaker, "Ana Torres"); // "Torres": the longer name before
  quote none;
  attribution_storage other_store;
  document_state no_verbs(ctx, lex, {}, other_store);
  attribute(ctx, d.spans()[0], d.at()[0], no_verbs, none);
  EXPECT_TRUE(none.verb.empty());
  EXPECT_TRUE(none.speaker.empty());
}

} // namespace
} // namespace wirespeed::extract_detail
