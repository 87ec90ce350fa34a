// The tokenizer's rules on hand-written news sentences (modelled on the
// wire-story phenomena of /work/shared/seeds, not copied from them). Expected
// tokens were written by hand.
#include "wirespeed/tokenize.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace wirespeed {
namespace {

using pieces = std::vector<std::pair<std::string, std::string>>; // text, kind

token_buffer run(std::string_view text) {
  token_buffer out;
  EXPECT_EQ(tokenize(text, out), tokenize_status::ok);
  return out;
}

pieces tokens_of(std::string_view text) {
  pieces out;
  const token_buffer tokens = run(text);
  for (const token &t : tokens.tokens()) {
    out.emplace_back(std::string(text.substr(t.begin, t.end - t.begin)),
                     std::string(to_string(t.kind)));
  }
  return out;
}

std::vector<std::string> texts_of(std::string_view text) {
  std::vector<std::string> out;
  for (auto &[piece, kind] : tokens_of(text)) {
    out.push_back(piece);
  }
  return out;
}

using strings = std::vector<std::string>;

TEST(Tokenize, EmptyAndSpaceOnlyInputsHaveNoTokens) {
  EXPECT_TRUE(run("").tokens().empty());
  const token_buffer spaces = run(" \t\r\n\n \xC2\xA0 ");
  EXPECT_TRUE(spaces.tokens().empty());
  EXPECT_TRUE(spaces.sentence_starts().empty());
  EXPECT_TRUE(spaces.paragraph_starts().empty());
}

TEST(Tokenize, NumbersWithSeparatorsAreOneToken) {
  EXPECT_EQ(tokens_of("killing 30,800 people, 1,139 detainees, 2.3 million on 07.03.2024."),
            (pieces{{"killing", "word"},
                    {"30,800", "number"},
                    {"people", "word"},
                    {",", "punct"},
                    {"1,139", "number"},
                    {"detainees", "word"},
                    {",", "punct"},
                    {"2.3", "number"},
                    {"million", "word"},
                    {"on", "word"},
                    {"07.03.2024", "number"},
                    {".", "punct"}}));
}

TEST(Tokenize, PercentIsANumberThenASymbol) {
  EXPECT_EQ(tokens_of("About 85% fled"),
            (pieces{{"About", "word"}, {"85", "number"}, {"%", "symbol"}, {"fled", "word"}}));
}

TEST(Tokenize, HyphenatedCompoundsAreOneWord) {
  EXPECT_EQ(texts_of("a cease-fire, a six-week pause, Al-Qahera and F-16s"),
            (strings{"a", "cease-fire", ",", "a", "six-week", "pause", ",", "Al-Qahera", "and",
                     "F-16s"}));
  // Between two numbers a hyphen is a range, not a compound; dangling ones are punctuation.
  EXPECT_EQ(texts_of("won 2-3 - pro- anti"),
            (strings{"won", "2", "-", "3", "-", "pro", "-", "anti"}));
}

TEST(Tokenize, ApostrophesInsideWordsStay) {
  EXPECT_EQ(texts_of("Hamas\u2019s envoy: We\u2019ve said we can\u2019t, it's O'Neill's"),
            (strings{"Hamas\u2019s", "envoy", ":", "We\u2019ve", "said", "we", "can\u2019t", ",",
                     "it's", "O'Neill's"}));
  // Quotation marks around a word are separate punctuation.
  EXPECT_EQ(tokens_of("says \u2018mistake\u2019 and 'no'"), (pieces{{"says", "word"},
                                                                    {"\u2018", "punct"},
                                                                    {"mistake", "word"},
                                                                    {"\u2019", "punct"},
                                                                    {"and", "word"},
                                                                    {"'", "punct"},
                                                                    {"no", "word"},
                                                                    {"'", "punct"}}));
}

TEST(Tokenize, AbbreviationsAndInitialsKeepTheirPeriodAndDoNotEndSentences) {
  const std::string text = "Mr. Lew met Dr. Samir J. Fawzi in the U.S. on Feb. 19 and Oct. 7. "
                           "Talks end at 5 p.m. today.";
  EXPECT_EQ(texts_of(text),
            (strings{"Mr.", "Lew",   "met", "Dr.",  "Samir", "J.",   "Fawzi", "in",
                     "the", "U.S.",  "on",  "Feb.", "19",    "and",  "Oct.",  "7",
                     ".",   "Talks", "end", "at",   "5",     "p.m.", "today", "."}));
  const token_buffer out = run(text);
  EXPECT_EQ(std::vector<std::uint32_t>(out.sentence_starts().begin(), out.sentence_starts().end()),
            (std::vector<std::uint32_t>{0, 17}));
}

TEST(Tokenize, SentencesEndAtTerminalsAndKeepClosingQuotes) {
  const std::string text = "He left. \u201CIt\u2019s over!\u201D she said. Why? Because.";
  EXPECT_EQ(texts_of(text), (strings{"He", "left", ".", "\u201C", "It\u2019s", "over", "!",
                                     "\u201D", "she", "said", ".", "Why", "?", "Because", "."}));
  const token_buffer out = run(text);
  // "she" is lowercase: the quote's exclamation does not end the sentence.
  EXPECT_EQ(std::vector<std::uint32_t>(out.sentence_starts().begin(), out.sentence_starts().end()),
            (std::vector<std::uint32_t>{0, 3, 11, 13}));
}

TEST(Tokenize, UnicodeTerminalsEndSentencesAndUnicodeClosersStayInThem) {
  // Each terminal ends its sentence; each closer after one stays in it.
  for (const char *terminal :
       {"\u2026", "\u061F", "\u06D4", "\u3002", "\uFF01", "\uFF1F", ".", "!", "?"}) {
    for (const char *closer : {"\u2019", "\u201D", "\u00BB", "\u203A", "\"", ")", "'", "]", "}"}) {
      const token_buffer out = run(std::string("Wait ") + terminal + closer + " Then go");
      EXPECT_EQ(
          std::vector<std::uint32_t>(out.sentence_starts().begin(), out.sentence_starts().end()),
          (std::vector<std::uint32_t>{0, 3}))
          << terminal << closer;
    }
  }
  // Other marks, one byte or several, end nothing: also those that share
  // all but one byte with a terminal (two-dot leader, U+061E, U+3001).
  for (const char *mark : {"\u2014", "\u201C", ",", ";", "\u00AB", "\u2025", "\u061E", "\u3001"}) {
    const token_buffer out = run(std::string("Wait ") + mark + " Then go");
    EXPECT_EQ(out.sentence_starts().size(), 1u) << mark;
  }
}

TEST(Tokenize, UnicodePunctuationIsPunctuation) {
  for (const char *mark :
       {"\u201C", "\u201D", "\u2018", "\u2019", "\u2014", "\u2013", "\u2026", "\u00AB", "\u00BB"}) {
    EXPECT_EQ(tokens_of(std::string("x ") + mark + " y"),
              (pieces{{"x", "word"}, {mark, "punct"}, {"y", "word"}}))
        << mark;
  }
  EXPECT_EQ(texts_of("draft text\u2026had \u00ABa step\u00BB"),
            (strings{"draft", "text", "\u2026", "had", "\u00AB", "a", "step", "\u00BB"}));
}

TEST(Tokenize, UnicodeSpacesSeparateAndAreNotTokens) {
  EXPECT_EQ(texts_of("10\u00A0000 km\u2009east\u3000of\u202FGaza\uFEFFnow\u200Bthen"),
            (strings{"10", "000", "km", "east", "of", "Gaza", "now", "then"}));
}

TEST(Tokenize, UrlsEmailsHandlesAndHashtagsAreOneTokenEach) {
  EXPECT_EQ(tokens_of("See https://www.aa.com.tr/en/x-y?id=4 or www.bbc.co.uk/news. "
                      "Mail press.office@mfa.gov.eg, follow @EgyptMFA (#Gaza #Ceasefire2024)."),
            (pieces{{"See", "word"},
                    {"https://www.aa.com.tr/en/x-y?id=4", "url"},
                    {"or", "word"},
                    {"www.bbc.co.uk/news", "url"},
                    {".", "punct"},
                    {"Mail", "word"},
                    {"press.office@mfa.gov.eg", "email"},
                    {",", "punct"},
                    {"follow", "word"},
                    {"@EgyptMFA", "mention"},
                    {"(", "punct"},
                    {"#Gaza", "hashtag"},
                    {"#Ceasefire2024", "hashtag"},
                    {")", "punct"},
                    {".", "punct"}}));
  // A sigil alone, or an @ without a domain, is a symbol.
  EXPECT_EQ(
      tokens_of("# 1 @ x@y"),
      (pieces{
          {"#", "symbol"}, {"1", "number"}, {"@", "symbol"}, {"x", "word"}, {"@y", "mention"}}));
}

TEST(Tokenize, OtherScriptsPassThroughAsWords) {
  EXPECT_EQ(tokens_of("\u0642\u0627\u0644\u062A \u0627\u0644\u0648\u0632\u0627\u0631\u0629\u060C "
                      "\u0130stanbul'da T\u00FCrkiye \u041C\u043E\u0441\u043A\u0432\u0430 "
                      "\u0661\u0662"),
            (pieces{{"\u0642\u0627\u0644\u062A", "word"},
                    {"\u0627\u0644\u0648\u0632\u0627\u0631\u0629", "word"},
                    {"\u060C", "punct"},
                    {"\u0130stanbul'da", "word"},
                    {"T\u00FCrkiye", "word"},
                    {"\u041C\u043E\u0441\u043A\u0432\u0430", "word"},
                    {"\u0661\u0662", "number"}}));
}

TEST(Tokenize, SymbolsAreSymbols) {
  EXPECT_EQ(tokens_of("$312 \u00A3 \u20AC \U0001F600"), (pieces{{"$", "symbol"},
                                                                {"312", "number"},
                                                                {"\u00A3", "symbol"},
                                                                {"\u20AC", "symbol"},
                                                                {"\U0001F600", "symbol"}}));
}

TEST(Tokenize, InvalidUtf8BecomesSymbolTokensAtReportedOffsets) {
  // A lone 0xFF; a truncated 3-byte sequence (E2 80) before a valid e-acute;
  // a truncated sequence at the very end.
  const std::string text = "ab\xFF"
                           "cd \xE2\x80\xC3\xA9 ok \xE2\x80";
  const token_buffer out = run(text);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  for (const token &t : out.tokens()) {
    spans.emplace_back(t.begin, t.end);
  }
  EXPECT_EQ(spans, (std::vector<std::pair<std::uint32_t, std::uint32_t>>{
                       {0, 2}, {2, 3}, {3, 5}, {6, 8}, {8, 10}, {11, 13}, {14, 16}}));
  EXPECT_EQ(std::vector<std::uint32_t>(out.invalid_utf8_offsets().begin(),
                                       out.invalid_utf8_offsets().end()),
            (std::vector<std::uint32_t>{2, 6, 14}));
  for (std::size_t i : {1, 3, 6}) {
    EXPECT_EQ(out.tokens()[i].kind, token_kind::symbol);
    EXPECT_TRUE(out.tokens()[i].flags & invalid_utf8);
  }
  EXPECT_EQ(out.tokens()[4].kind, token_kind::word); // the e-acute survives intact
  EXPECT_FALSE(out.tokens()[4].flags & invalid_utf8);
}

TEST(Tokenize, LineAndParagraphBreaksAreRecorded) {
  const std::string text = "JERUSALEM\nUS envoy spoke\r\n\r\nHamas replied.\n \n\nEnd";
  const token_buffer out = run(text);
  const auto t = out.tokens();
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[0].flags, 0);
  EXPECT_EQ(t[1].flags, line_break_before);                          // US
  EXPECT_EQ(t[2].flags, 0);                                          // envoy
  EXPECT_EQ(t[4].flags, line_break_before | paragraph_break_before); // Hamas
  EXPECT_EQ(t[7].flags, line_break_before | paragraph_break_before); // End
  EXPECT_EQ(
      std::vector<std::uint32_t>(out.paragraph_starts().begin(), out.paragraph_starts().end()),
      (std::vector<std::uint32_t>{0, 4, 7}));
  // A paragraph always starts a sentence, even after a headline without a period.
  EXPECT_EQ(std::vector<std::uint32_t>(out.sentence_starts().begin(), out.sentence_starts().end()),
            (std::vector<std::uint32_t>{0, 4, 7}));
}

TEST(Tokenize, EveryLevelGivesTheSameTokens) {
  const std::string text = "Egypt\u2019s Al-Qahera News said 1,200 people (85%) fled \u2014 "
                           "see https://example.org/a. Mr. X. \xF0\x9F";
  const cpu::isa before = cpu::active_isa();
  ASSERT_TRUE(cpu::force_isa(cpu::isa::scalar));
  const token_buffer want = run(text);
  for (cpu::isa level : cpu::available_isas()) {
    ASSERT_TRUE(cpu::force_isa(level));
    const token_buffer got = run(text);
    EXPECT_TRUE(std::equal(got.tokens().begin(), got.tokens().end(), want.tokens().begin(),
                           want.tokens().end()))
        << cpu::to_string(level);
  }
  cpu::force_isa(before);
}

TEST(Tokenize, BufferIsReusedAcrossDocuments) {
  token_buffer out;
  ASSERT_EQ(tokenize("one two three.", out), tokenize_status::ok);
  ASSERT_EQ(out.tokens().size(), 4u);
  ASSERT_EQ(tokenize("four", out), tokenize_status::ok);
  ASSERT_EQ(out.tokens().size(), 1u);
  EXPECT_EQ(out.tokens()[0], (token{0, 4, token_kind::word, 0}));
  out.clear();
  EXPECT_TRUE(out.tokens().empty());
  EXPECT_TRUE(out.sentence_starts().empty());
}

TEST(Tokenize, InputOf4GiBIsRefusedWithoutReadingIt) {
  const char byte = 'x';
  token_buffer out;
  ASSERT_EQ(tokenize("x", out), tokenize_status::ok);
  // Only the length is looked at: nothing behind `byte` is read.
  EXPECT_EQ(tokenize(std::string_view(&byte, std::size_t{1} << 32), out),
            tokenize_status::input_too_large);
  EXPECT_TRUE(out.tokens().empty());
  EXPECT_FALSE(to_string(tokenize_status::input_too_large).empty());
  EXPECT_EQ(to_string(tokenize_status::ok), "ok");
  EXPECT_FALSE(to_string(tokenize_status::out_of_memory).empty());
}

TEST(Tokenize, KindNamesAreShort) {
  EXPECT_EQ(to_string(token_kind::word), "word");
  EXPECT_EQ(to_string(token_kind::number), "number");
  EXPECT_EQ(to_string(token_kind::punctuation), "punct");
  EXPECT_EQ(to_string(token_kind::symbol), "symbol");
  EXPECT_EQ(to_string(token_kind::url), "url");
  EXPECT_EQ(to_string(token_kind::email), "email");
  EXPECT_EQ(to_string(token_kind::mention), "mention");
  EXPECT_EQ(to_string(token_kind::hashtag), "hashtag");
}

TEST(Tokenizer, ChunkedFeedEqualsWholeDocument) {
  const std::string text = "Negotiators returned to Cairo on Friday, a senior U.S. official "
                           "said.\n\n\u201CWe\u2019re not there yet,\u201D Mr. Haddad said. "
                           "Details: https://example.org/x and 30,800 people.";
  const token_buffer whole = run(text);
  for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
    tokenizer stream;
    token_buffer out;
    for (std::size_t at = 0; at < text.size(); at += chunk) {
      ASSERT_EQ(stream.feed(std::string_view(text).substr(at, chunk), out), tokenize_status::ok);
    }
    ASSERT_EQ(stream.finish(out), tokenize_status::ok);
    ASSERT_TRUE(std::equal(out.tokens().begin(), out.tokens().end(), whole.tokens().begin(),
                           whole.tokens().end()))
        << "chunk size " << chunk;
    ASSERT_TRUE(std::equal(out.sentence_starts().begin(), out.sentence_starts().end(),
                           whole.sentence_starts().begin(), whole.sentence_starts().end()));
    ASSERT_TRUE(std::equal(out.paragraph_starts().begin(), out.paragraph_starts().end(),
                           whole.paragraph_starts().begin(), whole.paragraph_starts().end()));
  }
}

TEST(Tokenizer, FinishStartsANewStreamAndResetDropsPendingInput) {
  tokenizer stream(cpu::isa::scalar);
  EXPECT_EQ(stream.level(), cpu::isa::scalar);
  token_buffer out;
  ASSERT_EQ(stream.feed("first doc", out), tokenize_status::ok);
  EXPECT_EQ(out.tokens().size(), 1u); // "doc" may continue in the next chunk
  ASSERT_EQ(stream.finish(out), tokenize_status::ok);
  EXPECT_EQ(out.tokens().size(), 2u);
  out.clear();
  ASSERT_EQ(stream.feed("pending", out), tokenize_status::ok);
  stream.reset();
  ASSERT_EQ(stream.feed("next", out), tokenize_status::ok);
  ASSERT_EQ(stream.finish(out), tokenize_status::ok);
  ASSERT_EQ(out.tokens().size(), 1u);
  EXPECT_EQ(out.tokens()[0], (token{0, 4, token_kind::word, 0}));
}

} // namespace
} // namespace wirespeed
