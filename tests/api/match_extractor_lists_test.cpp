// The extractors' own pattern lists (reporting verbs, boilerplate) compiled
// the way the extractors compile them, scanned in block mode (literal index
// and Hyperscan) and as a stream (Hyperscan alone): the two must agree on
// news text, in every case and script the lists are written in. Any engine
// change that takes patterns out of Hyperscan's block database is held to
// this; so are the whole-word and Unicode caseless rules, spelled out below.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "api/match_util.hpp"

namespace {

bool has_non_ascii(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// As quotes.cpp (verbs: caseless whole words) and boilerplate.cpp (caseless
// phrases and line regexes) add them; utf8 where a pattern has a non-ASCII byte.
void add_list(wm::pattern_set &set, const std::string &file, wm::flag flags) {
  wm::pattern_set list;
  const wm::load_result loaded = list.load_file(file);
  ASSERT_TRUE(loaded.ok()) << loaded.err.message;
  for (const wm::pattern &p : list.patterns()) {
    const wm::flag f = flags | wm::flag::caseless |
                       (has_non_ascii(p.expression) ? wm::flag::utf8 : wm::flag::none);
    if (p.kind == wm::pattern_kind::regex) {
      set.add_regex(p.expression, opts(f));
    } else {
      set.add_literal(p.expression, opts(f));
    }
  }
}

std::vector<wm::match> sorted(std::vector<wm::match> ms) {
  std::sort(ms.begin(), ms.end(), [](const wm::match &a, const wm::match &b) {
    return std::tie(a.begin, a.end, a.id) < std::tie(b.begin, b.end, b.id);
  });
  return ms;
}

// The block scan's matches, after checking that a stream finds the same.
std::vector<wm::match> block_scan_like_stream(const wm::database &db, std::string_view text) {
  wm::scratch space;
  std::vector<wm::match> block;
  const wm::error scanned = db.scan(text, space, block);
  EXPECT_TRUE(scanned.ok()) << scanned.message;
  EXPECT_TRUE(std::is_sorted(block.begin(), block.end(),
                             [](const wm::match &a, const wm::match &b) { return a.end < b.end; }));
  wm::stream s;
  EXPECT_TRUE(s.open(db, space).ok());
  std::vector<wm::match> streamed;
  EXPECT_TRUE(s.feed(text, streamed).ok());
  EXPECT_TRUE(s.finish(streamed).ok());
  EXPECT_EQ(sorted(block), sorted(streamed));
  return block;
}

std::string read(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string ascii_upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  return text;
}

TEST(match_extractor_lists, block_scan_finds_what_the_stream_finds_on_news_text) {
  const std::string dir = std::string(WIRESPEED_SOURCE_DIR) + "/corpora/";
  wm::pattern_set set;
  add_list(set, dir + "patterns/reporting_verbs.txt", wm::flag::whole_word);
  add_list(set, dir + "patterns/boilerplate.txt", wm::flag::none);
  wm::database db;
  const wm::error e = db.compile(set, streaming_options());
  ASSERT_TRUE(e.ok()) << e.message;
  std::string text = read(dir + "sample/articles.jsonl");
  ASSERT_GT(text.size(), 10000u);
  // Every pattern written as is, in ASCII upper case, inside a longer word
  // and before a word byte, each on a line of its own and inside prose.
  for (const wm::pattern &p : set.patterns()) {
    if (p.kind == wm::pattern_kind::literal) {
      const std::string &x = p.expression;
      text += x + "\n" + ascii_upper(x) + ", he " + x + " re" + x + " " + x + "s _" + x +
              " \xE2\x80\x9C" + x + "\xE2\x80\x9D\n";
    }
  }
  // Mixed-case Cyrillic, Latin-1 and Turkish, and Arabic (no case).
  text += "\xD0\xA1\xD0\x9A\xD0\x90\xD0\x97\xD0\x90\xD0\x9B \xD0\xA1\xD0\xBA\xD0\xB0\xD0\xB7"
          "\xD0\xB0\xD0\xBB\xD0\xB0, A D\xC3\x89\x43LAR\xC3\x89 ; S\xC3\x96YLED\xC4\xB0 "
          "s\xC3\xB6yled\xC4\xB1 \xD9\x82\xD8\xA7\xD9\x84 \xD9\x88\xD9\x82\xD8\xA7\xD9\x84\n";
  const std::vector<wm::match> found = block_scan_like_stream(db, text);
  EXPECT_GT(found.size(), 2 * set.size());
  // Spot checks of the Unicode caseless rule: upper-case Cyrillic and
  // Latin-1 forms match the lists' lower-case verbs.
  const auto found_at = [&](std::string_view what) {
    const std::size_t begin = text.rfind(what);
    return std::any_of(found.begin(), found.end(), [&](const wm::match &m) {
      return m.begin == begin && m.end == begin + what.size();
    });
  };
  EXPECT_TRUE(found_at("\xD0\xA1\xD0\x9A\xD0\x90\xD0\x97\xD0\x90\xD0\x9B"));
  EXPECT_TRUE(found_at("A D\xC3\x89\x43LAR\xC3\x89"));
}

// The whole-word rule (match.hpp) on the cases that decide it, for an ASCII
// caseless verb, a Cyrillic one (Unicode caseless) and an Arabic one.
TEST(match_extractor_lists, verbs_match_only_as_whole_words) {
  wm::pattern_set set;
  const wm::flag verb = wm::flag::caseless | wm::flag::whole_word;
  set.add_literal("said", opts(verb));
  set.add_literal("\xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB", opts(verb | wm::flag::utf8));
  set.add_literal("\xD9\x82\xD8\xA7\xD9\x84", opts(verb | wm::flag::utf8));
  wm::database db;
  const wm::error e = db.compile(set, streaming_options());
  ASSERT_TRUE(e.ok()) << e.message;
  using span = std::tuple<std::uint32_t, std::uint64_t, std::uint64_t>;
  const auto spans = [&](std::string_view text) {
    std::vector<span> out;
    for (const wm::match &m : block_scan_like_stream(db, text)) {
      out.emplace_back(m.id, m.begin, m.end);
    }
    return out;
  };
  EXPECT_EQ(spans("said"), (std::vector<span>{{0, 0, 4}}));
  EXPECT_EQ(spans("SAID it, Said."), (std::vector<span>{{0, 0, 4}, {0, 9, 13}}));
  EXPECT_EQ(spans("resaid saidx _said 9said"), std::vector<span>{});
  EXPECT_EQ(spans("\xC3\xA9said"), std::vector<span>{}); // é is a word character
  EXPECT_EQ(spans("\xE2\x80\x9Csaid\xE2\x80\x9D"), (std::vector<span>{{0, 3, 7}}));
  EXPECT_EQ(spans("\xC2\xA0said"), (std::vector<span>{{0, 2, 6}})); // NBSP is not
  // "СКАЗАЛ" alone; not inside "пересказал" ("retold").
  EXPECT_EQ(spans("\xD0\xA1\xD0\x9A\xD0\x90\xD0\x97\xD0\x90\xD0\x9B \xD0\xBF\xD0\xB5\xD1\x80"
                  "\xD0\xB5\xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB"),
            (std::vector<span>{{1, 0, 12}}));
  // Arabic "qala" alone, not inside "wa-qala".
  EXPECT_EQ(spans("\xD9\x82\xD8\xA7\xD9\x84 \xD9\x88\xD9\x82\xD8\xA7\xD9\x84"),
            (std::vector<span>{{2, 0, 6}}));
}

} // namespace
