// The literal index against its references: every byte-range and
// tail-compare kernel against the scalar one, and scans of databases whose literals the index takes
// against the streaming form, which runs every pattern on Hyperscan.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "api/match_util.hpp"
#include "match/byte_ranges.hpp"
#include "match/literal_index.hpp"
#include "match/literal_words.hpp"
#include "match/tail_match.hpp"

namespace wirespeed::match::detail {
namespace {

TEST(ByteRanges, EveryKernelMatchesTheReference) {
  std::mt19937_64 rng(7);
  std::vector<std::uint8_t> text(64 * 9 + 64);
  for (auto &b : text) {
    b = static_cast<std::uint8_t>(rng());
  }
  const std::vector<byte_ranges> cases = {
      {{'A', 0xC0}, {26, 0x40}}, // capitals; UTF-8 leads
      {{0, 0}, {0, 0}},          // nothing
      {{0, 0x80}, {255, 128}},   // all but 0xFF
      {{0xF0, '"'}, {0x20, 1}},  // wraps past 0xFF to 0x0F
  };
  int compared = 0;
  for (const cpu::isa level : cpu::available_isas()) {
    const range_mask_fn kernel = range_masks_for(level);
    ASSERT_NE(kernel, nullptr) << cpu::to_string(level);
    for (const byte_ranges &r : cases) {
      for (std::size_t offset = 0; offset < 64; offset += 7) {
        for (std::size_t blocks = 0; blocks <= 9; ++blocks) {
          std::vector<std::uint64_t> want(blocks + 1, 0xABCD), got(blocks + 1, 0xABCD);
          range_masks_reference(text.data() + offset, blocks, r, want.data());
          kernel(text.data() + offset, blocks, r, got.data());
          EXPECT_EQ(got, want) << cpu::to_string(level) << " offset " << offset << " blocks "
                               << blocks;
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 0);
}

TEST(ByteRanges, ReferenceMarksExactlyTheRangeBytes) {
  std::vector<std::uint8_t> block(64);
  for (unsigned i = 0; i < 64; ++i) {
    block[i] = static_cast<std::uint8_t>(i * 4); // 0, 4, ..., 252
  }
  const byte_ranges r{{'A', 0xF8}, {26, 0x10}}; // 0x41..0x5A and 0xF8..0x07
  std::uint64_t bits = 0;
  range_masks_reference(block.data(), 1, r, &bits);
  std::uint64_t want = 0;
  for (unsigned i = 0; i < 64; ++i) {
    const unsigned b = i * 4;
    want |= std::uint64_t{(b >= 0x41 && b <= 0x5A) || b >= 0xF8 || b <= 0x07} << i;
  }
  EXPECT_EQ(bits, want);
}

// Probes of every count from 0 to 64 at every offset, against tails of
// which about half equal some probe's word (as it is, or upper-cased for a
// caseless literal) on their nonzero bytes, so that both answers are
// common; the arrays end tail_padding entries (and a word of caseless bits)
// after the last literal, as in the index, and the sanitizer build catches
// a kernel reading further.
TEST(TailMatch, EveryKernelMatchesTheReference) {
  std::mt19937_64 rng(11);
  constexpr std::size_t literals = 300;
  std::vector<std::uint64_t> tails(literals + tail_padding);
  std::vector<std::uint64_t> caseless(literals / 64 + 2);
  const std::uint64_t next = 0x2C6C69614C6C6962ull ^ (rng() & 0x0101010101010101ull); // letters
  for (std::size_t i = 0; i < literals; ++i) {
    const bool folded = rng() % 3 == 0;
    caseless[i / 64] |= std::uint64_t{folded} << (i % 64);
    const std::uint64_t word = rng() % 2 == 0 ? (folded ? ascii_upper(next) : next) : rng();
    tails[i] = word & literal_words::low_bytes(rng() % 9); // zeros past its end
  }
  std::vector<tail_probe> probes;
  for (std::uint32_t count = 0; count <= 64; ++count) {
    for (std::uint32_t first = 0; first + count <= literals; first += 1 + rng() % 37) {
      probes.push_back({rng() % 4 == 0 ? rng() : next, first, count});
    }
  }
  std::vector<std::uint64_t> want(probes.size(), 1), got(probes.size(), 2);
  tail_match_reference(probes.data(), probes.size(), tails.data(), caseless.data(), want.data());
  EXPECT_GT(std::count_if(want.begin(), want.end(), [](std::uint64_t w) { return w != 0; }),
            static_cast<std::ptrdiff_t>(probes.size() / 2));
  std::vector<std::uint64_t> exact(probes.size());
  tail_match_reference(probes.data(), probes.size(), tails.data(), nullptr, exact.data());
  EXPECT_NE(exact, want); // the caseless bits matter here
  int compared = 0;
  for (const cpu::isa level : cpu::available_isas()) {
    const tail_match_fn kernel = tail_match_for(level);
    ASSERT_NE(kernel, nullptr) << cpu::to_string(level);
    std::fill(got.begin(), got.end(), 2);
    kernel(probes.data(), probes.size(), tails.data(), caseless.data(), got.data());
    for (std::size_t k = 0; k < probes.size(); ++k) {
      ASSERT_EQ(got[k], want[k]) << cpu::to_string(level) << " first " << probes[k].first
                                 << " count " << probes[k].count;
    }
    // No caseless bits at all: every literal compared as it is.
    kernel(probes.data(), probes.size(), tails.data(), nullptr, got.data());
    for (std::size_t k = 0; k < probes.size(); ++k) {
      ASSERT_EQ(got[k], exact[k]) << cpu::to_string(level) << " first " << probes[k].first;
    }
    ++compared;
  }
  EXPECT_GT(compared, 0);
}

// The reference's rule on a hand-made case: a case-sensitive "lair" after
// "B", a caseless one (stored upper-cased) and a literal of the prefix alone
// (no bytes past it), which every text matches.
TEST(TailMatch, ReferenceComparesTheNonzeroBytes) {
  const std::vector<std::uint64_t> tails = {
      0x7269616Cull /* "lair" */, 0x5249414Cull /* "LAIR" */, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  const std::vector<std::uint64_t> caseless = {0b010, 0};
  const std::vector<tail_probe> probes = {{0x2C7269616Cull /* "lair," */, 0, 3},
                                          {0x2C5249414Cull /* "LAIR," */, 0, 3},
                                          {0x2C7269616Bull /* "kair," */, 0, 3},
                                          {0x2C7269616Cull, 1, 1}};
  std::vector<std::uint64_t> out(probes.size());
  tail_match_reference(probes.data(), probes.size(), tails.data(), caseless.data(), out.data());
  const std::vector<std::uint64_t> want = {0b111, 0b110, 0b100, 0b1};
  EXPECT_EQ(out, want);
}

TEST(TailMatch, UpperCasesAsciiLettersOnly) {
  EXPECT_EQ(ascii_upper(0x7A615B4061407B2Aull /* "*{@a@[az" */), 0x5A415B4041407B2Aull);
  EXPECT_EQ(ascii_upper(0xE9C3ull), 0xE9C3ull); // UTF-8 bytes stay
}

pattern literal(std::string text, flag flags = flag::none) {
  pattern p;
  p.expression = std::move(text);
  p.flags = flags;
  return p;
}

TEST(LiteralIndex, TakesLiteralsWithRareFirstBytes) {
  EXPECT_TRUE(literal_index::accepts(literal("Angela Merkel")));
  EXPECT_TRUE(literal_index::accepts(literal("\xE2\x80\x9C"))); // a curly quote
  EXPECT_TRUE(literal_index::accepts(literal("30,800", flag::caseless)));
  EXPECT_TRUE(
      literal_index::accepts(literal("$500,000 bn", flag::caseless)));    // letters after 8 bytes
  EXPECT_FALSE(literal_index::accepts(literal("said")));                  // lower case: common
  EXPECT_FALSE(literal_index::accepts(literal(" EU")));                   // space: common
  EXPECT_FALSE(literal_index::accepts(literal(std::string("EU\0x", 4)))); // a zero in a tail word
  EXPECT_TRUE(literal_index::accepts(literal(std::string("Angela Merkel, 2\0", 17))));
  EXPECT_FALSE(literal_index::accepts(literal("Merkel", flag::caseless)));
  EXPECT_FALSE(literal_index::accepts(literal("$5bn", flag::caseless))); // letter in the prefix
  EXPECT_FALSE(literal_index::accepts(literal("1 \xC3\x89t\xC3\xA9", flag::caseless | flag::utf8)));
  pattern regex = literal("[A-Z]+");
  regex.kind = pattern_kind::regex;
  EXPECT_FALSE(literal_index::accepts(regex));
}

TEST(LiteralIndex, FindsEveryOccurrenceInOrderOfEnd) {
  const std::vector<pattern> patterns = {literal("South"), literal("South Africa"),
                                         literal("Africa"), literal("EU"), literal("A")};
  literal_index index;
  index.build(patterns, cpu::active_isa());
  std::vector<match> out;
  index.scan("South Africa, EU.", out);
  const std::vector<match> want = {
      {0, 0, 0, 5}, {4, 0, 6, 7}, {1, 0, 0, 12}, {2, 0, 6, 12}, {3, 0, 14, 16}};
  EXPECT_EQ(out, want);
  EXPECT_GT(index.bytes(), 0u);
}

// A prefix's literals are compared under one case rule when they share it
// and each under its own when they mix: a caseless literal matches either
// case, a case-sensitive one only its own, whatever else shares its prefix
// (an 8-byte one and a 4-byte one here), up to the last byte of the text.
TEST(LiteralIndex, PrefixesMixingCaseRulesCompareEachLiteralUnderItsOwn) {
  const std::vector<pattern> patterns = {literal("2024-03-01 gmt", flag::caseless),
                                         literal("2024-03-01 GMT"), literal("30,8"),
                                         literal("30,80", flag::caseless), literal("30,8Z")};
  for (const pattern &p : patterns) {
    ASSERT_TRUE(literal_index::accepts(p)) << p.expression;
  }
  literal_index index;
  index.build(patterns, cpu::active_isa());
  std::vector<match> out;
  index.scan("2024-03-01 Gmt, 30,80 30,8z and 2024-03-01 GMT", out);
  const std::vector<match> want = {{0, 0, 0, 14},  {2, 0, 16, 20}, {3, 0, 16, 21},
                                   {2, 0, 22, 26}, {0, 0, 32, 46}, {1, 0, 32, 46}};
  EXPECT_EQ(out, want);
}

// Literals ending at the last byte of texts of every length around a 64-byte
// block: the positions in the last eight bytes are bounded, the others read
// eight bytes at once. The text is a buffer of its exact size, so that the
// sanitizer build catches a read past its end.
TEST(LiteralIndex, FindsLiteralsEndingTheText) {
  const std::vector<pattern> patterns = {literal("Brown"), literal("Browning"), literal("B")};
  literal_index index;
  index.build(patterns, cpu::active_isa());
  for (std::size_t k = 48; k <= 80; ++k) {
    const std::string text = std::string(k, 'x') + "Browning";
    const std::vector<char> exact(text.begin(), text.end());
    std::vector<match> out;
    index.scan(std::string_view(exact.data(), exact.size()), out);
    const std::vector<match> want = {{2, 0, k, k + 1}, {0, 0, k, k + 5}, {1, 0, k, k + 8}};
    EXPECT_EQ(out, want) << "text of " << exact.size() << " bytes";
  }
}

// The same at the end of the text with case rules mixed behind one prefix:
// a caseless literal matches the text's case there, a case-sensitive one
// only its own, and one longer than what is left of the text none.
TEST(LiteralIndex, FindsMixedCaseLiteralsEndingTheText) {
  const std::vector<pattern> patterns = {
      literal("2024-03-01 gmt", flag::caseless), literal("2024-03-01 GMT"),
      literal("2024-03-01 g", flag::caseless), literal("2024-03-01 GMT+1", flag::caseless)};
  literal_index index;
  index.build(patterns, cpu::active_isa());
  for (std::size_t k = 48; k <= 80; ++k) {
    for (const std::string ending : {"2024-03-01 GMt", "2024-03-01 GMT"}) {
      const std::string text = std::string(k, 'x') + ending;
      const std::vector<char> exact(text.begin(), text.end());
      std::vector<match> out;
      index.scan(std::string_view(exact.data(), exact.size()), out);
      std::vector<match> want = {{2, 0, k, k + 12}, {0, 0, k, k + 14}};
      if (ending.back() == 'T') {
        want.push_back({1, 0, k, k + 14});
      }
      EXPECT_EQ(out, want) << ending << " after " << k << " bytes";
    }
  }
}

// Units of text that cross every rule: capitals and lower case (caseless),
// digits, word joiners, quote marks, non-ASCII letters and punctuation, and
// a zero byte (a literal with one near its start is the engine's).
const std::vector<std::string> &units() {
  static const std::vector<std::string> u = {"A",
                                             "a",
                                             "B",
                                             "b",
                                             "Z",
                                             "0",
                                             "9",
                                             " ",
                                             "_",
                                             "-",
                                             ".",
                                             "\"",
                                             "'",
                                             "\n",
                                             "\xC3\xA9",
                                             "\xC3\x89",
                                             "\xE2\x80\x9C",
                                             "\xE2\x80\x9D",
                                             "\xC2\xA0",
                                             std::string(1, '\0')};
  return u;
}

std::string random_text(std::mt19937_64 &rng, std::size_t units_wanted) {
  std::string out;
  for (std::size_t i = 0; i < units_wanted; ++i) {
    out += units()[rng() % units().size()];
  }
  return out;
}

std::vector<wm::match> sorted(std::vector<wm::match> ms) {
  std::sort(ms.begin(), ms.end(), [](const wm::match &a, const wm::match &b) {
    return std::tie(a.begin, a.end, a.id) < std::tie(b.begin, b.end, b.id);
  });
  return ms;
}

// A block scan (index and engine) finds what the streaming scan, all on the
// engine, finds in `text` and from `middle` on, in order of end; returns the
// matches found.
std::size_t expect_block_scan_like_stream(const wm::database &db, const std::string &text,
                                          std::size_t middle, int round) {
  std::size_t found = 0;
  for (const std::size_t cut : {std::size_t{0}, middle}) {
    const std::string_view piece = std::string_view(text).substr(cut);
    wm::scratch space;
    std::vector<wm::match> block;
    const wm::error scanned = db.scan(piece, space, block);
    EXPECT_TRUE(scanned.ok()) << scanned.message;
    EXPECT_TRUE(
        std::is_sorted(block.begin(), block.end(),
                       [](const wm::match &a, const wm::match &b) { return a.end < b.end; }));
    wm::stream s;
    EXPECT_TRUE(s.open(db, space).ok());
    std::vector<wm::match> streamed;
    EXPECT_TRUE(s.feed(piece, streamed).ok());
    EXPECT_TRUE(s.finish(streamed).ok());
    EXPECT_EQ(sorted(block), sorted(streamed)) << "round " << round << " cut " << cut;
    found += block.size();
  }
  return found;
}

TEST(LiteralIndex, ScansAgreeWithTheEngineOnRandomInput) {
  std::mt19937_64 rng(2024);
  std::size_t indexed = 0, found = 0;
  for (int round = 0; round < 60; ++round) {
    wm::pattern_set set;
    std::vector<std::string> texts;
    const std::size_t count = 1 + rng() % 40;
    for (std::size_t i = 0; i < count; ++i) {
      const std::string text = random_text(rng, 1 + rng() % 10);
      flag flags = flag::none;
      flags = (rng() % 3 == 0) ? (flags | flag::caseless) : flags;
      flags = (rng() % 2 == 0) ? (flags | flag::whole_word) : flags;
      flags = (rng() % 4 == 0) ? (flags | flag::utf8) : flags;
      set.add_literal(text, opts(flags, {}, static_cast<std::uint32_t>(i % 3)));
      texts.push_back(text);
      indexed += literal_index::accepts(set.at(static_cast<std::uint32_t>(i)));
    }
    wm::database db;
    const wm::error e = db.compile(set, streaming_options());
    ASSERT_TRUE(e.ok()) << e.message;
    std::string text = random_text(rng, 50 + rng() % 300);
    // A random character boundary: UTF-8 databases take only valid UTF-8.
    const auto boundary = [&] {
      std::size_t at = rng() % text.size();
      while ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
        --at;
      }
      return at;
    };
    for (int k = 0; k < 5; ++k) { // plant some patterns so that there are hits
      text.insert(boundary(), texts[rng() % texts.size()]);
    }
    found += expect_block_scan_like_stream(db, text, boundary(), round);
  }
  EXPECT_GT(indexed, 200u); // the index took a good share of the patterns
  EXPECT_GT(found, 500u);
}

// Many literals behind one 8-byte prefix, as "Minister ..." among 100,000
// names: the index searches them by the byte after the prefix when they
// share a case rule (all case-sensitive after a name, all caseless after a
// date, whose prefix has no letter) and compares each when they do not.
TEST(LiteralIndex, CrowdedPrefixesAgreeWithTheEngine) {
  std::mt19937_64 rng(7);
  std::size_t found = 0;
  for (int round = 0; round < 40; ++round) {
    const bool caseless = round % 3 == 1;
    const bool mixed = round % 3 == 2;
    const std::string prefix = caseless ? "2024-03-" : "Minister";
    wm::pattern_set set;
    std::vector<std::string> texts;
    const std::size_t count = 16 + rng() % 40;
    for (std::size_t i = 0; i < count; ++i) {
      const std::string text = prefix + random_text(rng, rng() % 6); // some the prefix alone
      flag flags = caseless || (mixed && rng() % 2 == 0) ? flag::caseless : flag::none;
      flags = (rng() % 2 == 0) ? (flags | flag::whole_word) : flags;
      set.add_literal(text, opts(flags, {}, 0));
      texts.push_back(text);
    }
    wm::database db;
    const wm::error e = db.compile(set, streaming_options());
    ASSERT_TRUE(e.ok()) << e.message;
    std::string text;
    for (int k = 0; k < 20; ++k) { // the prefix before random text, and whole literals
      text += random_text(rng, rng() % 4);
      text += rng() % 2 == 0 ? prefix + random_text(rng, 1 + rng() % 6) : texts[rng() % count];
    }
    found += expect_block_scan_like_stream(db, text, text.size() / 2, round);
  }
  EXPECT_GT(found, 400u);
}

} // namespace
} // namespace wirespeed::match::detail
