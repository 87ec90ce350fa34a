// The extractors' shared walkers against plain loops that define them.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "extract/common/digit_starts.hpp"
#include "extract/common/lexicon.hpp"
#include "extract/common/occurrences.hpp"
#include "extract/common/text.hpp"

namespace wirespeed::extract_detail {
namespace {

// for_each_start as a per-token loop: the specification.
template <typename F>
void starts_one_by_one(std::string_view text, std::span<const token> tokens,
                       std::span<const lexicon_hit> hits, F &&f) {
  std::size_t h = 0;
  for (std::size_t i = 0; i < tokens.size();) {
    while (h < hits.size() && hits[h].first < i) {
      ++h;
    }
    const bool hit_here = h < hits.size() && hits[h].first == i;
    if (!hit_here && !starts_with_digit(text, tokens[i])) {
      ++i;
      continue;
    }
    const std::size_t next = f(i, h);
    i = next > i ? next : i + 1;
  }
}

// A random document: tokens of ASCII and multi-byte text (numbers in other
// scripts, words with a digit or a curly apostrophe inside, signs) with
// nothing, spaces or non-ASCII spaces between them, across 64-byte blocks.
struct random_document {
  std::string text;
  std::vector<token> tokens;
};

random_document make_document(std::mt19937 &rng) {
  struct piece {
    const char *bytes;
    token_kind kind;
  };
  static constexpr piece pieces[] = {
      {"30,800", token_kind::number},
      {"7", token_kind::number},
      {"\u0663\u0664", token_kind::number}, // Arabic-Indic digits
      {"14th", token_kind::word},
      {"six", token_kind::word},
      {"F-16", token_kind::word},
      {"Hamas\u2019s", token_kind::word},
      {"\u0661x", token_kind::word}, // a word led by a non-ASCII digit
      {"\u00e9t\u00e9", token_kind::word},
      {",", token_kind::punctuation},
      {"\u201c", token_kind::punctuation},
      {"8", token_kind::punctuation},
      {"%", token_kind::symbol}};
  static constexpr const char *gaps[] = {"", " ", " ", "\n", "\u00a0"};
  random_document d;
  const std::size_t n = rng() % 300;
  for (std::size_t i = 0; i < n; ++i) {
    d.text += gaps[rng() % std::size(gaps)];
    const piece &p = pieces[rng() % std::size(pieces)];
    const auto begin = static_cast<std::uint32_t>(d.text.size());
    d.text += p.bytes;
    d.tokens.push_back({begin, static_cast<std::uint32_t>(d.text.size()), p.kind, 0});
  }
  return d;
}

TEST(digit_starts, finds_what_a_test_per_token_finds) {
  std::mt19937 rng(11);
  digit_starts digits;
  for (int round = 0; round < 300; ++round) {
    const random_document d = make_document(rng);
    digits.reset(d.text, d.tokens);
    for (std::size_t from = 0; from <= d.tokens.size(); ++from) {
      std::size_t want = from;
      while (want < d.tokens.size() && !starts_with_digit(d.text, d.tokens[want])) {
        ++want;
      }
      ASSERT_EQ(digits.next(from), want) << "round " << round << " from " << from;
    }
  }
}

// Random documents, random hits, and a visitor that sometimes reads ahead:
// every visit, its hit index and every jump must agree.
TEST(for_each_start, visits_what_a_per_token_loop_visits) {
  std::mt19937 rng(7);
  digit_starts digits;
  for (int round = 0; round < 300; ++round) {
    const random_document d = make_document(rng);
    const std::size_t n = d.tokens.size();
    std::vector<lexicon_hit> hits;
    for (std::size_t i = 0; i < n; i += 1 + rng() % 40) {
      const std::size_t length = 1 + rng() % 3;
      hits.push_back({static_cast<std::uint32_t>(i),
                      static_cast<std::uint32_t>(std::min(n, i + length)), 0, 0, nullptr});
      i += length;
    }
    const std::uint32_t seed = rng();
    auto visit = [](std::vector<std::pair<std::size_t, std::size_t>> &seen, std::mt19937 &jumps) {
      return [&](std::size_t i, std::size_t h) {
        seen.emplace_back(i, h);
        const std::uint32_t r = jumps() % 4;
        return r == 0 ? i : r == 1 ? i + 1 : i + 1 + jumps() % 80; // none, one token, a reach
      };
    };
    std::vector<std::pair<std::size_t, std::size_t>> got, want;
    std::mt19937 got_jumps(seed), want_jumps(seed);
    digits.reset(d.text, d.tokens);
    for_each_start(d.tokens, hits, digits, visit(got, got_jumps));
    starts_one_by_one(d.text, d.tokens, hits, visit(want, want_jumps));
    ASSERT_EQ(got, want) << "round " << round;
  }
}

// Looked-up words by kind: a word may have several kinds, case is ignored,
// and scanned phrases are patterns, not lookups.
TEST(lexicon, looks_up_words_by_kind) {
  lexicon lex;
  match::pattern_set set;
  const std::string list = "stop\t-\tthe\nage\t-\tAged\nstop\t-\tsince\npast\t-\tsince\n"
                           "hedge\tabout\tabout\n";
  ASSERT_EQ(lex.load(list, "test", {"hedge"}, set, 0), "");
  EXPECT_EQ(set.size(), 1u);
  const lexicon::word_kind stop = lex.kind("stop");
  const lexicon::word_kind age = lex.kind("age");
  EXPECT_TRUE(lex.is("The", stop));
  EXPECT_FALSE(lex.is("the", age));
  EXPECT_TRUE(lex.is("AGED", age));
  EXPECT_TRUE(lex.is("since", stop));
  EXPECT_TRUE(lex.is("since", "past"));
  EXPECT_FALSE(lex.is("sinc", "past"));
  EXPECT_FALSE(lex.is("about", "hedge")); // scanned, not looked up
  EXPECT_FALSE(lex.is("the", "unlisted"));
  EXPECT_FALSE(lex.is("", stop));
  std::size_t entries = 0;
  lex.for_each([&](const lexicon_entry &) { ++entries; });
  EXPECT_EQ(entries, 5u);
}

TEST(starts_with_digit, numbers_and_words_with_a_leading_digit) {
  const std::string text = "30,800 14th six ,";
  EXPECT_TRUE(starts_with_digit(text, {0, 6, token_kind::number, 0}));
  EXPECT_TRUE(starts_with_digit(text, {7, 11, token_kind::word, 0}));
  EXPECT_FALSE(starts_with_digit(text, {12, 15, token_kind::word, 0}));
  EXPECT_FALSE(starts_with_digit(text, {16, 17, token_kind::punctuation, 0}));
  EXPECT_FALSE(starts_with_digit(text, {3, 4, token_kind::punctuation, 0})); // "8" as punctuation
}

// Every kind with every lead byte: only a word starting with a capital
// (ASCII or not) is capitalised, whatever byte the other kinds start with.
TEST(is_capitalised, words_with_a_capital_lead_only) {
  const std::string text = "Lew lew Zed @ [ AB Émile émile Ñ";
  EXPECT_TRUE(is_capitalised(text, {0, 3, token_kind::word, 0}));
  EXPECT_FALSE(is_capitalised(text, {4, 7, token_kind::word, 0}));
  EXPECT_TRUE(is_capitalised(text, {8, 11, token_kind::word, 0}));   // 'Z': the last capital
  EXPECT_FALSE(is_capitalised(text, {12, 13, token_kind::word, 0})); // '@': before 'A'
  EXPECT_FALSE(is_capitalised(text, {14, 15, token_kind::word, 0})); // '[': after 'Z'
  for (token_kind kind : {token_kind::number, token_kind::punctuation, token_kind::symbol,
                          token_kind::url, token_kind::email}) {
    EXPECT_FALSE(is_capitalised(text, {16, 18, kind, 0}));
    EXPECT_FALSE(is_capitalised(text, {19, 25, kind, 0}));
  }
  EXPECT_TRUE(is_capitalised(text, {19, 25, token_kind::word, 0}));
  EXPECT_FALSE(is_capitalised(text, {26, 32, token_kind::word, 0}));
  EXPECT_TRUE(is_capitalised(text, {33, 35, token_kind::word, 0}));
}

// find_occurrences as a compare at every start: the specification.
std::vector<std::uint32_t> occurrences_one_by_one(std::string_view haystack,
                                                  std::string_view needle, std::uint32_t base) {
  std::vector<std::uint32_t> out;
  for (std::size_t at = 0; !needle.empty() && at + needle.size() <= haystack.size(); ++at) {
    if (haystack.substr(at, needle.size()) == needle) {
      out.push_back(base + static_cast<std::uint32_t>(at));
    }
  }
  return out;
}

TEST(find_occurrences, names_in_text) {
  std::vector<std::uint32_t> out{99}; // cleared first
  const std::string text = "Jack Lew met Lewis. Lew said Lew.";
  find_occurrences(text, "Lew", 1000, out);
  EXPECT_EQ(out, (std::vector<std::uint32_t>{1005, 1013, 1020, 1029}));
  find_occurrences(text, "", 0, out);
  EXPECT_TRUE(out.empty());
  find_occurrences("Le", "Lew", 0, out); // haystack shorter than the needle
  EXPECT_TRUE(out.empty());
  find_occurrences("aaaa", "aa", 0, out); // overlapping
  EXPECT_EQ(out, (std::vector<std::uint32_t>{0, 1, 2}));
}

// Random haystacks of every length up to a few SIMD blocks over a small
// alphabet (so that first and last bytes agree often without a match),
// needles of one to nine bytes, some cut from the haystack itself: the
// blocks, the overlapping last block and the short-haystack path must all
// find what a compare at every start finds.
TEST(find_occurrences, finds_what_a_compare_at_every_start_finds) {
  std::mt19937 rng(11);
  const std::string alphabet = "abA ";
  auto random_text = [&](std::size_t n) {
    std::string s(n, ' ');
    for (char &c : s) {
      c = alphabet[rng() % alphabet.size()];
    }
    return s;
  };
  std::vector<std::uint32_t> out;
  for (std::size_t size = 0; size < 200; ++size) {
    const std::string haystack = random_text(size);
    for (int trial = 0; trial < 20; ++trial) {
      const std::size_t n = 1 + rng() % 9;
      std::string needle = random_text(n);
      if (trial % 2 == 0 && size >= n) {
        needle = haystack.substr(rng() % (size - n + 1), n);
      }
      find_occurrences(haystack, needle, 7, out);
      ASSERT_EQ(out, occurrences_one_by_one(haystack, needle, 7))
          << "haystack '" << haystack << "' needle '" << needle << "'";
    }
  }
}

// Every kernel this machine runs (the scalar one is the reference) finds
// what a compare at every start finds, on haystacks around each batch width.
TEST(find_occurrences, every_level_finds_what_a_compare_at_every_start_finds) {
  std::mt19937 rng(12);
  const std::string alphabet = "abA \n";
  std::vector<std::uint32_t> out;
  for (const cpu::isa level : cpu::available_isas()) {
    const occurrences_fn kernel = occurrences_for(level);
    ASSERT_NE(kernel, nullptr) << cpu::to_string(level);
    for (std::size_t size = 0; size < 300; ++size) {
      std::string haystack(size, ' ');
      for (char &c : haystack) {
        c = alphabet[rng() % alphabet.size()];
      }
      for (int trial = 0; trial < 8; ++trial) {
        const std::size_t n = 1 + rng() % 9;
        std::string needle = size >= n && trial % 2 == 0
                                 ? haystack.substr(rng() % (size - n + 1), n)
                                 : std::string(n, alphabet[rng() % alphabet.size()]);
        kernel(haystack, needle, 3, out);
        ASSERT_EQ(out, occurrences_one_by_one(haystack, needle, 3))
            << cpu::to_string(level) << " haystack '" << haystack << "' needle '" << needle << "'";
      }
    }
  }
}

// Lines as a reader of the text would cut them: every '\n' ends one, a '\r'
// before it is not content, and text after the last '\n' is a last line.
TEST(split_lines, cuts_at_every_break_of_every_block) {
  auto reference = [](std::string_view text) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> lines;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() ? begin < text.size() : text[i] == '\n') {
        const std::size_t end = i > begin && text[i - 1] == '\r' ? i - 1 : i;
        lines.emplace_back(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end));
        begin = i + 1;
      }
    }
    return lines;
  };
  auto cut = [](std::string_view text) {
    std::vector<line> got;
    split_lines(text, got);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> lines;
    for (const line &l : got) {
      lines.emplace_back(l.begin, l.end);
    }
    return lines;
  };
  using spans = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
  EXPECT_EQ(cut(""), spans{});
  EXPECT_EQ(cut("\n"), (spans{{0, 0}}));
  EXPECT_EQ(cut("a\r\n\nb"), (spans{{0, 1}, {3, 3}, {4, 5}}));
  EXPECT_EQ(cut("\r"), (spans{{0, 0}}));
  std::mt19937 random(7);
  const std::string_view alphabet = "ab \r\n\n";
  for (std::size_t size = 0; size < 300; ++size) {
    std::string text(size, 'x');
    for (char &c : text) {
      c = alphabet[random() % alphabet.size()];
    }
    EXPECT_EQ(cut(text), reference(text)) << size;
  }
}

} // namespace
} // namespace wirespeed::extract_detail
