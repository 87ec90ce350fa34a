// Every SIMD level this machine runs against the scalar reference, which is
// the specification: sample news, random bytes, random valid UTF-8, every
// alignment and length 0..300, and streams cut at every point.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "internal/tokenize_diff.hpp"
#include "tokenize/chars.hpp"
#include "tokenize/kernels.hpp"

namespace wirespeed::tokenize_detail {
namespace {

using testing::difference;
using testing::hex;

std::string sample_news() {
  std::ifstream in(WIRESPEED_SOURCE_DIR "/tests/data/tokenize/news_sample.txt", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Bytes that exercise the rules: joiners, URL and address characters,
// separators, UTF-8 lead and continuation bytes, invalid bytes.
std::string random_bytes(std::mt19937_64 &rng, std::size_t n) {
  static const std::string alphabet = std::string("aZ09 .,-'@#:/_+%\n\r\t\"()wh") +
                                      "\x80\xBF\xC2\xA0\xC3\xD8\xE2\x99\x9C\xF0\x9F\xFF\xED";
  std::string out(n, ' ');
  for (char &c : out) {
    const auto r = rng();
    c = (r & 3) == 0 ? static_cast<char>(r >> 8) : alphabet[(r >> 8) % alphabet.size()];
  }
  return out;
}

void append_utf8(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string random_utf8(std::mt19937_64 &rng, std::size_t code_points) {
  // Ranges news text draws from, plus every kind of separator and symbol.
  static const char32_t pool[][2] = {{0x20, 0x7E},     {0x0A, 0x0A},       {0xA0, 0xFF},
                                     {0x130, 0x15F},   {0x400, 0x44F},     {0x600, 0x6FF},
                                     {0x2000, 0x206F}, {0x20AC, 0x20AC},   {0x3000, 0x3003},
                                     {0xFEFF, 0xFEFF}, {0x1F600, 0x1F64F}, {0x2019, 0x2019}};
  std::string out;
  for (std::size_t i = 0; i < code_points; ++i) {
    const auto &range = pool[rng() % std::size(pool)];
    char32_t cp = range[0] + static_cast<char32_t>(rng() % (range[1] - range[0] + 1));
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 'x';
    }
    append_utf8(out, cp);
  }
  return out;
}

class tokenize_kernels : public ::testing::TestWithParam<cpu::isa> {
protected:
  void SetUp() override {
    k_ = kernels_for(GetParam());
    if (k_ == nullptr) {
      GTEST_SKIP() << "level not available on this machine";
    }
  }

  // Runs `text` at the given misalignment through both and compares.
  void expect_same(std::string_view text, std::size_t align = 0) {
    buffer_.assign(align, '\0');
    buffer_.append(text);
    const std::string_view placed(buffer_.data() + align, text.size());
    ASSERT_EQ(tokenize_with(*k_, placed, got_), tokenize_status::ok);
    ASSERT_EQ(tokenize_with(*kernels_for(cpu::isa::scalar), placed, want_), tokenize_status::ok);
    const std::string diff = difference(got_, want_, placed);
    ASSERT_TRUE(diff.empty()) << cpu::to_string(GetParam()) << ": " << diff << "\ninput ("
                              << text.size() << " bytes): " << hex(text);
  }

  const kernels *k_ = nullptr;
  std::string buffer_;
  token_buffer got_, want_;
};

TEST_P(tokenize_kernels, SampleNewsWhole) {
  const std::string news = sample_news();
  ASSERT_GT(news.size(), 1000u);
  expect_same(news);
  ASSERT_GT(got_.tokens().size(), 300u);
}

TEST_P(tokenize_kernels, EveryAlignmentAndLengthUpTo300) {
  const std::string news = sample_news();
  for (std::size_t align = 0; align < 64; ++align) {
    for (std::size_t len = 0; len <= 300; ++len) {
      // Windows start at different places so each length sees other text.
      const std::size_t start = (align * 37 + len * 11) % (news.size() - len);
      expect_same(std::string_view(news).substr(start, len), align);
      if (HasFatalFailure()) {
        return;
      }
    }
  }
}

TEST_P(tokenize_kernels, RandomBytes) {
  std::mt19937_64 rng(42);
  for (int round = 0; round < 3000; ++round) {
    expect_same(random_bytes(rng, rng() % 301), rng() % 64);
    if (HasFatalFailure()) {
      return;
    }
  }
  expect_same(random_bytes(rng, 200000));
}

TEST_P(tokenize_kernels, RandomValidUtf8) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 2000; ++round) {
    expect_same(random_utf8(rng, rng() % 120), rng() % 64);
    if (HasFatalFailure()) {
      return;
    }
  }
  expect_same(random_utf8(rng, 100000));
}

// News fragments where the mask walker hands over to the reference rules or
// settles a token from the next byte: abbreviations and initials before a
// period, numbers with separators, joins with ASCII and U+2019 apostrophes,
// curly quotes, dashes, NBSP, URLs, addresses, tags, line and paragraph
// breaks. Joined densely and shifted through every offset, so each one meets
// the 64-byte block edges (and the 4 KiB window edges in the long text).
std::string dense_fragments(std::mt19937_64 &rng, std::size_t count) {
  static const char *const fragments[] = {
      "Mr.", "Dr.", "U.S.", "J.", "Feb.", "said.", "etc.", "e.g.", "Co.,", "2.3.", "30,800",
      // Abbreviations of every length and initial, and near misses.
      "Messrs.", "approx.", "vs.", "Sept.", "x.", "Mrs.x", "Messrss.", "MR.", "approxi.", "v.",
      "07.03.2024", "1,139.", "85%", "cease-fire", "six-week", "Al-Qahera", "players'", "can't",
      "Hamas\u2019s", "We\u2019ve", "\u201CYes,\u201D", "\u2018no\u2019", "a\u2014b", "1\u20132",
      "end\u2026", "x\u00A0y", "caf\u00E9's", "www.bbc.co.uk", "http://a.b/c).", "a.b@c.de",
      "@handle", "#tag", "a:b", "x_y", "+44", "\"Why?\"", "(it).", "...", "--", "'", "said:", "\n",
      "\n\n", "\u2029", "3rd", "A-1", "a-",
      // Multi-byte text the mask walker settles itself
      // (multibyte.cpp), and its neighbours that it
      // must leave to the reference rules.
      "\u0645\u0631\u062D\u0628\u0627", "\u0627\u0644\u0633\u0644\u0627\u0645\u060C", "\u061F",
      "\u06D4", "\u0663\u0664", "\u0130stanbul'da", "\u041C\u043E\u0441\u043A\u0432\u0430\u2014",
      "caf\u00E9\u2019s", "\u4E2D\u2019s", "a\u2019\u4E2D", "\u2019", "\u00A0\u00A0", "x\u2009y",
      "a\u0085b", "a\u2028b", "\u00ABquoted\u00BB", "a\u00ADb", "\u00E9-\u00E9", "\u00E9.",
      "Mr.\u00A0", "U.S.\u201D", "a\u200Db", "\xD8", "\xD8\xA7\xA7", "\xE2\x80", "\xE2\x80\x99\xFF",
      "\xC0\xAF", "@\u0645", "#\u0645\u0631"};
  static const char *const separators[] = {" ", " ", " ", "", "\n", "\t", "  "};
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    out += fragments[rng() % std::size(fragments)];
    out += separators[rng() % std::size(separators)];
  }
  return out;
}

TEST_P(tokenize_kernels, DenseFragmentsAtEveryOffset) {
  std::mt19937_64 rng(5);
  const std::string text = dense_fragments(rng, 2000);
  for (std::size_t offset = 0; offset < 64; ++offset) {
    // A prefix of `offset` bytes moves every fragment across a block edge.
    expect_same(std::string(offset, 'a') + " " + text.substr(0, 700), offset % 7);
    if (HasFatalFailure()) {
      return;
    }
  }
  expect_same(text);
  for (int round = 0; round < 500; ++round) {
    expect_same(dense_fragments(rng, rng() % 40), rng() % 64);
    if (HasFatalFailure()) {
      return;
    }
  }
}

// Each multi-byte character the walker settles, between every kind of
// neighbour, placed so that it starts at every byte from 58 to 65: it then
// crosses the edge between the first two blocks at each of its bytes.
TEST_P(tokenize_kernels, MultibyteCharactersAcrossBlockEdges) {
  static const char *const middles[] = {"\u2019", "\u00A0", "\u201C", "\u2014", "\u2026",
                                        "\u0627", "\u00E9", "\u060C", "\u2009", "\u00AB"};
  static const char *const sides[] = {"ab", "9", " ", ".", "-", "\u0644", "\u4E2D", "\xD8", ""};
  for (const char *middle : middles) {
    for (const char *before : sides) {
      for (const char *after : sides) {
        const std::string core = std::string(before) + middle + after;
        for (std::size_t at = 58; at <= 65; ++at) {
          const std::size_t lead = at - std::strlen(before); // bytes before `core`
          expect_same(std::string(lead - 1, 'x') + " " + core + " tail");
          if (HasFatalFailure()) {
            return;
          }
        }
      }
    }
  }
}

// Arabic and Cyrillic runs longer than the mask window (64 blocks), with
// joins, punctuation and spaces that only the multi-byte pass settles.
TEST_P(tokenize_kernels, LongMultibyteRunsCrossWindows) {
  std::string arabic;
  while (arabic.size() < 20000) {
    arabic += "\u0627\u0644\u0639\u0631\u0628\u064A\u0629";
  }
  expect_same(arabic);
  expect_same("x" + arabic + "\u060C " + arabic);
  std::string mixed;
  for (int i = 0; i < 3000; ++i) {
    mixed += i % 3 ? "\u041C\u0438\u0440\u2019\u043E\u00A0" : "\u201CWe\u2019ve\u201D\u2014";
  }
  for (std::size_t align = 0; align < 8; ++align) {
    expect_same(mixed, align);
  }
}

TEST_P(tokenize_kernels, LongTokensCrossManyBlocks) {
  expect_same(std::string(10000, 'a'));
  expect_same(std::string(5000, 'a') + " " + std::string(7000, '7') + "," + std::string(3, '9'));
  std::string dots(9000, '.');
  dots.front() = 'x';
  dots.back() = 'y';
  expect_same(dots);
  std::string compound;
  for (int i = 0; i < 3000; ++i) {
    compound += "ab-";
  }
  expect_same(compound + "end");
}

// The SIMD emitters give each token its kind by its last byte and write a
// fixed number of tokens per block before they test the count: every
// single character, number and word shape ending at each byte around the
// edge of the first two blocks and at the end of the input (the padded last
// block), and blocks holding every count of tokens from 0 to 64.
TEST_P(tokenize_kernels, EveryKindEndsAtEveryByteNearBlockEdges) {
  std::vector<std::string> fragments = {
      "1,000",    "2.5",           "07.03.2024",  "12",   "ab",     "a1",     "1a",
      "e\u2019s", "x-ray",         "Mr.",         "U.S.", "\u2014", "\u2026", "\u00AB",
      "85%",      "\u00E9t\u00E9", "\u0627\u0644"};
  for (char c = 0x21; c < 0x7F; ++c) {
    fragments.emplace_back(1, c);
  }
  for (const std::string &fragment : fragments) {
    for (std::size_t lead = 48; lead <= 72; ++lead) {
      const std::string before = std::string(lead, 'w') + " " + fragment;
      expect_same(before + " q");
      expect_same(before);
      if (HasFatalFailure()) {
        return;
      }
    }
  }
  for (std::size_t count = 0; count <= 64; ++count) {
    std::string block(64, ' ');
    for (std::size_t i = 0; i < count; ++i) {
      block[i] = "(.,;)"[i % 5];
    }
    expect_same(block + block + "end");
    if (HasFatalFailure()) {
      return;
    }
  }
}

// Runs and abbreviations whose last byte, or the period, apostrophe or
// hyphen after it, falls on a block's last byte or its next block's first,
// before every kind of byte or the end of the input: the walker settles them
// from the next block's masks. Also around byte 4032, where the mask window
// (64 blocks) first slides, and beyond the next window edges.
TEST_P(tokenize_kernels, TokensEndingAtBlockAndWindowEdges) {
  static const char *const endings[] = {"said.",  "Mr.",      "U.S.", "J.",  "2005.",
                                        "1,139.", "players'", "a-",   "x.y", "e.g."};
  static const char *const followers[] = {" next", "\n\nNew", "\" q", ") q",     ". q",
                                          ".com",  "",        "a",    "\u00A0q", "\u201D q"};
  for (const char *ending : endings) {
    for (const char *follower : followers) {
      const std::string tail = std::string(ending) + follower;
      for (std::size_t end : {60,   61,   62,   63,   64,   65,   66,   4030, 4031, 4032,
                              4033, 4034, 4094, 4095, 4096, 4097, 8062, 8063, 8064, 8065}) {
        // Filler words, then the ending with its last byte at byte `end`.
        const std::size_t prefix = end + 1 - std::strlen(ending);
        std::string text;
        while (text.size() + 10 < prefix) {
          text += "abc def ";
        }
        text.append(prefix - 1 - text.size(), 'w');
        expect_same(text + " " + tail);
        if (HasFatalFailure()) {
          return;
        }
      }
    }
  }
}

// Streaming: cut the text at every point (and at many random sets of points)
// and compare with the whole document, using this level.
TEST_P(tokenize_kernels, ChunkedEqualsWhole) {
  const std::string news = sample_news();
  tokenizer stream(GetParam());
  ASSERT_EQ(stream.level(), GetParam());
  token_buffer whole, chunked;
  auto check = [&](std::string_view text, const std::vector<std::size_t> &cuts) {
    ASSERT_EQ(tokenize_with(*k_, text, whole), tokenize_status::ok);
    chunked.clear();
    std::size_t from = 0;
    for (std::size_t cut : cuts) {
      ASSERT_EQ(stream.feed(text.substr(from, cut - from), chunked), tokenize_status::ok);
      from = cut;
    }
    ASSERT_EQ(stream.feed(text.substr(from), chunked), tokenize_status::ok);
    ASSERT_EQ(stream.finish(chunked), tokenize_status::ok);
    const std::string diff = difference(chunked, whole, text);
    ASSERT_TRUE(diff.empty()) << diff << " (first cut " << (cuts.empty() ? 0 : cuts[0]) << ")";
  };
  const std::string_view head = std::string_view(news).substr(0, 700);
  for (std::size_t cut = 0; cut <= head.size(); ++cut) {
    check(head, {cut});
    if (HasFatalFailure()) {
      return;
    }
  }
  // Curly quotes, NBSP and Arabic cut through at every byte.
  const std::string multibyte = "\u201CThe\u00A0deal\u2019s off\u201D \u2014 \u0642\u0627\u0644 "
                                "\u0627\u0644\u0648\u0632\u064A\u0631\u060C\u00A0Smith\u2026";
  for (std::size_t cut = 0; cut <= multibyte.size(); ++cut) {
    check(multibyte, {cut});
    if (HasFatalFailure()) {
      return;
    }
  }
  std::mt19937_64 rng(3);
  for (int round = 0; round < 200; ++round) {
    std::string text = round % 2 ? news : random_bytes(rng, 3000);
    std::vector<std::size_t> cuts;
    for (std::size_t at = rng() % 200; at < text.size(); at += 1 + rng() % 300) {
      cuts.push_back(at);
    }
    check(text, cuts);
    if (HasFatalFailure()) {
      return;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Levels, tokenize_kernels,
                         ::testing::Values(cpu::isa::scalar, cpu::isa::sse4_2, cpu::isa::avx2,
                                           cpu::isa::avx512bw, cpu::isa::neon64),
                         [](const auto &p) { return std::string(cpu::to_string(p.param)); });

TEST(TokenizeKernelTable, ScalarAlwaysAndActiveLevelAvailable) {
  ASSERT_NE(kernels_for(cpu::isa::scalar), nullptr);
  EXPECT_EQ(kernels_for(cpu::isa::scalar)->classify, nullptr);
  for (cpu::isa level : cpu::available_isas()) {
    const kernels *k = kernels_for(level);
    ASSERT_NE(k, nullptr) << cpu::to_string(level);
    EXPECT_EQ(k->level, level);
    EXPECT_EQ(k->classify == nullptr, level == cpu::isa::scalar);
  }
}

block_masks classify_one(const kernels &k, const std::string &block) {
  block_masks m{};
  k.classify(reinterpret_cast<const std::uint8_t *>(block.data()), 1, &m);
  return m;
}

TEST(TokenizeKernelTable, ClassifyMarksEachByteClass) {
  std::string block = "ab Z9\n-',.@#";
  block += "\xC3\xA9\t";
  block.resize(64, 'q');
  for (cpu::isa level : cpu::available_isas()) {
    if (kernels_for(level)->classify == nullptr) {
      continue;
    }
    const block_masks m = classify_one(*kernels_for(level), block);
    SCOPED_TRACE(std::string(cpu::to_string(level)));
    EXPECT_EQ(m.space, (1u << 2) | (1u << 5) | (1u << 14));
    EXPECT_EQ(m.newline, 1u << 5);
    EXPECT_EQ(m.alpha, 0xFFFFFFFFFFFF8000ull | 0b1011);
    EXPECT_EQ(m.digit, 1u << 4);
    EXPECT_EQ(m.hyphen, 1u << 6);
    EXPECT_EQ(m.apos, 1u << 7);
    EXPECT_EQ(m.sep, (1u << 8) | (1u << 9));
    EXPECT_EQ(m.fallback, (1u << 10) | (1u << 11) | (1u << 12) | (1u << 13));
    EXPECT_EQ(m.period, 1u << 9);
    EXPECT_EQ(m.ends, 1u << 9);
    EXPECT_EQ(m.link, 0u);
    EXPECT_EQ(m.lead, 1u << 12);
    EXPECT_EQ(m.inner | m.joiner, 0u) << "set by classify_multibyte() only";
  }
}

TEST(TokenizeKernelTable, ClassifyMarksUrlAndAddressCharacters) {
  std::string block = "a:b_c+d.e";
  block.resize(64, ' ');
  block[63] = ':';
  for (cpu::isa level : cpu::available_isas()) {
    if (kernels_for(level)->classify == nullptr) {
      continue;
    }
    const block_masks m = classify_one(*kernels_for(level), block);
    SCOPED_TRACE(std::string(cpu::to_string(level)));
    EXPECT_EQ(m.link, (1u << 1) | (1u << 3) | (1u << 5) | (1ull << 63));
    EXPECT_EQ(m.period, 1u << 7);
  }
}

// The stage 1 class that lets stage 2 skip keeps_period() must hold every
// byte a kept word can start with: checked on all 256 byte values.
TEST(TokenizeKernelTable, ClassifyInitialsAreTheFirstBytesOfKeptWords) {
  for (cpu::isa level : cpu::available_isas()) {
    if (kernels_for(level)->classify == nullptr) {
      continue;
    }
    SCOPED_TRACE(std::string(cpu::to_string(level)));
    for (unsigned first = 0; first < 256; first += 64) {
      std::string block(64, ' ');
      for (unsigned i = 0; i < 64; ++i) {
        block[i] = static_cast<char>(first + i);
      }
      const block_masks m = classify_one(*kernels_for(level), block);
      for (unsigned i = 0; i < 64; ++i) {
        EXPECT_EQ((m.initial >> i) & 1,
                  may_keep_period(static_cast<std::uint8_t>(first + i)) ? 1u : 0u)
            << "byte " << first + i;
      }
    }
  }
}

// keeps_period() is shared by the reference and every level, so the
// differential tests cannot catch a fault in it: each listed abbreviation
// (the README's list, written out here) and single capital keeps the
// period; near misses (a letter more, less or changed, other case) and
// other words do not. The word is followed by its period, as in the text.
TEST(TokenizeChars, KeepsPeriodForInitialsAndListedAbbreviationsOnly) {
  static const char *const listed[] = {
      "Adm", "Apr",    "Ave",  "Capt", "Cmdr", "Co",  "Col",    "Corp", "Dec", "Dept", "Dr",  "Feb",
      "Fr",  "Gen",    "Gov",  "Hon",  "Inc",  "Jan", "Jr",     "Jul",  "Jun", "Lt",   "Ltd", "Maj",
      "Mar", "Messrs", "Mr",   "Mrs",  "Ms",   "Mt",  "No",     "Nov",  "Oct", "Prof", "Rep", "Rev",
      "Sen", "Sep",    "Sept", "Sgt",  "Sr",   "St",  "approx", "etc",  "vs"};
  const auto keeps = [](const std::string &word) {
    const std::string text = word + ".";
    return keeps_period(reinterpret_cast<const std::uint8_t *>(text.data()), 0, word.size());
  };
  std::vector<std::string> kept(std::begin(listed), std::end(listed));
  for (char c = 'A'; c <= 'Z'; ++c) {
    kept.emplace_back(1, c);
  }
  for (const std::string &word : kept) {
    EXPECT_TRUE(keeps(word)) << word;
  }
  // Words of seven bytes whose first six are listed ("approxi") must miss too.
  std::vector<std::string> others = {"a",  "z",  "0",  ".",  "said",  "approxi", "Messrsx",
                                     "MR", "mr", "US", "ab", "pprox", "Sept2"};
  for (const std::string &word : kept) {
    if (word.size() < 2) {
      continue;
    }
    others.push_back(word + "s");
    others.push_back(word.substr(1));
    others.push_back(word.substr(0, word.size() - 1) + "x");
    others.push_back(std::string(1, static_cast<char>(word[0] ^ 0x20)) + word.substr(1));
  }
  for (const std::string &word : others) {
    const bool is_listed = std::find(kept.begin(), kept.end(), word) != kept.end();
    EXPECT_EQ(keeps(word), is_listed) << word;
  }
}

TEST(TokenizeKernelTable, ClassifyMarksSentenceEnds) {
  std::string block = "a!b?c.d,e;";
  block.resize(64, ' ');
  block[63] = '?';
  for (cpu::isa level : cpu::available_isas()) {
    if (kernels_for(level)->classify == nullptr) {
      continue;
    }
    const block_masks m = classify_one(*kernels_for(level), block);
    SCOPED_TRACE(std::string(cpu::to_string(level)));
    EXPECT_EQ(m.ends, (1u << 1) | (1u << 3) | (1u << 5) | (1ull << 63));
  }
}

// Stage 1 names two-byte letters from their bytes alone, with hand-written
// ranges: every two-byte code point it names must be a letter in the
// reference's table, and the common scripts must be named.
TEST(TokenizeKernelTable, ClassifyLetterLeadsAreLettersOfTheReference) {
  for (cpu::isa level : cpu::available_isas()) {
    if (kernels_for(level)->classify == nullptr) {
      continue;
    }
    SCOPED_TRACE(std::string(cpu::to_string(level)));
    std::size_t named = 0;
    for (char32_t cp = 0x80; cp < 0x800; ++cp) {
      std::string block;
      append_utf8(block, cp);
      block.resize(62, ' ');
      append_utf8(block, cp); // bytes 62 and 63: the continuation is in this block
      const block_masks m = classify_one(*kernels_for(level), block);
      const bool letter = two_byte_classes[cp] == char_class::letter;
      ASSERT_EQ(m.letter_leads & ~((std::uint64_t{1} << 0) | (std::uint64_t{1} << 62)), 0u);
      ASSERT_TRUE(letter || m.letter_leads == 0) << "U+" << std::hex << unsigned(cp);
      named += m.letter_leads == ((std::uint64_t{1} << 0) | (std::uint64_t{1} << 62));
    }
    for (char32_t cp : {0x0627, 0x0644, 0x06CC, 0x0410, 0x044F, 0x03C9, 0x011F, 0x05D0}) {
      std::string block;
      append_utf8(block, cp);
      block.resize(64, ' ');
      if (cp == 0x05D0) { // Hebrew's row holds punctuation: looked up, not named
        EXPECT_EQ(classify_one(*kernels_for(level), block).letter_leads, 0u);
      } else {
        EXPECT_EQ(classify_one(*kernels_for(level), block).letter_leads, 1u)
            << "U+" << std::hex << unsigned(cp);
      }
    }
    EXPECT_GT(named, 1000u);
    std::string split(63, ' ');
    append_utf8(split, 0x0627); // lead in byte 63: never named
    split.resize(64);
    EXPECT_EQ(classify_one(*kernels_for(level), split).letter_leads, 0u);
  }
}

TEST(TokenizeKernelTable, BandwidthReferenceAgreesAcrossLevels) {
  std::mt19937_64 rng(11);
  std::string bytes(5000, '\0');
  for (char &c : bytes) {
    c = static_cast<char>(rng());
  }
  const auto *data = reinterpret_cast<const std::uint8_t *>(bytes.data());
  EXPECT_EQ(
      kernels_for(cpu::isa::scalar)->sum_bytes(data, 9), 0u + data[8] + [&] {
        std::uint64_t word;
        std::memcpy(&word, data, 8);
        return word;
      }());
  for (cpu::isa level : cpu::available_isas()) {
    for (std::size_t n : {0u, 1u, 7u, 8u, 63u, 64u, 65u, 200u, 4999u}) {
      EXPECT_EQ(kernels_for(level)->sum_bytes(data + 1, n),
                kernels_for(cpu::isa::scalar)->sum_bytes(data + 1, n))
          << cpu::to_string(level) << " n=" << n;
    }
  }
}

} // namespace
} // namespace wirespeed::tokenize_detail
