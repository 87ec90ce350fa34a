// Block scans: spans, flags, modes and compile errors. Expected spans are
// counted by hand from the literal texts below.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "api/match_util.hpp"
#include "wirespeed/match.hpp"

namespace wm = wirespeed::match;

namespace {

std::vector<wm::match> scan(const wm::database &db, std::string_view text,
                            wm::scan_mode mode = wm::scan_mode::all) {
  wm::scratch space;
  std::vector<wm::match> out;
  const wm::error e = db.scan(text, space, out, mode);
  EXPECT_TRUE(e.ok()) << e.message;
  std::sort(out.begin(), out.end(), [](const wm::match &a, const wm::match &b) {
    return std::tie(a.begin, a.end, a.id) < std::tie(b.begin, b.end, b.id);
  });
  return out;
}

wm::database compile(const wm::pattern_set &set) {
  wm::database db;
  const wm::error e = db.compile(set);
  EXPECT_TRUE(e.ok()) << e.message;
  return db;
}

} // namespace

TEST(match_scan, literals_report_every_overlapping_span_with_tags) {
  wm::pattern_set set;
  set.add_literal("New York", opts(wm::flag::none, "", 1));
  set.add_literal("York", opts(wm::flag::none, "", 2));
  set.add_literal("aa", opts(wm::flag::none, "", 3));
  const auto db = compile(set);
  EXPECT_EQ(db.size(), 3u);
  EXPECT_EQ(db.at(1).expression, "York");
  EXPECT_FALSE(db.requires_utf8());
  //                         0123456789012345
  const auto found = scan(db, "in New York aaa");
  const std::vector<wm::match> expected{
      {0, 1, 3, 11}, {1, 2, 7, 11}, {2, 3, 12, 14}, {2, 3, 13, 15}};
  EXPECT_EQ(found, expected);
}

TEST(match_scan, caseless_ascii_and_case_sensitive_default) {
  wm::pattern_set set;
  set.add_literal("merkel", opts(wm::flag::caseless, "", 0));
  set.add_literal("Bonn");
  const auto db = compile(set);
  const auto found = scan(db, "MERKEL in BONN and Bonn");
  const std::vector<wm::match> expected{{0, 0, 0, 6}, {1, 0, 19, 23}};
  EXPECT_EQ(found, expected);
}

TEST(match_scan, whole_word_uses_token_boundaries) {
  wm::pattern_set set;
  set.add_literal("Merkel", opts(wm::flag::whole_word, "", 0));
  set.add_literal("U.S.", opts(wm::flag::whole_word, "", 0));
  const auto db = compile(set);
  // "Merkelism" and "xMerkel" are inside words; "Merkel\u2019s" ends at a
  // curly apostrophe (punctuation); "Merkel_" ends in a word byte.
  const std::string text = "Merkel Merkelism xMerkel Merkel\xE2\x80\x99s Merkel_ (Merkel) "
                           "U.S. U.S.A";
  const auto found = scan(db, text);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0], (wm::match{0, 0, 0, 6}));
  EXPECT_EQ(found[1].begin, 25u);
  EXPECT_EQ(found[2].begin, text.find("(Merkel)") + 1);
  EXPECT_EQ(found[3], (wm::match{1, 0, text.find("U.S. "), text.find("U.S. ") + 4}));
}

TEST(match_scan, whole_word_treats_non_ascii_letters_as_word_characters) {
  wm::pattern_set set;
  set.add_literal("rich", opts(wm::flag::whole_word, "", 0));
  set.add_literal("Stra", opts(wm::flag::whole_word, "", 0));
  const auto db = compile(set);
  // Z\u00fcrich: 'rich' follows a letter; Stra\u00dfe: 'Stra' precedes one.
  // "\u00a0rich\u00a0": no-break spaces are not word characters.
  const auto found = scan(db, "Z\xC3\xBCrich Stra\xC3\x9F"
                              "e \xC2\xA0rich\xC2\xA0");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, 18u);
  EXPECT_EQ(found[0].end, 22u);
}

TEST(match_scan, utf8_caseless_literal_folds_unicode_and_keeps_exact_spans) {
  wm::pattern_set set;
  set.add_literal("\xC3\xA9lys\xC3\xA9"
                  "e",
                  opts(wm::flag::caseless | wm::flag::utf8, "", 0));
  const auto db = compile(set);
  EXPECT_TRUE(db.requires_utf8());
  const std::string text = "L'\xC3\x89LYS\xC3\x89"
                           "E!";
  const auto found = scan(db, text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, 2u);
  EXPECT_EQ(found[0].end, text.size() - 1);
}

TEST(match_scan, utf8_database_rejects_invalid_input) {
  wm::pattern_set set;
  set.add_regex("caf.", opts(wm::flag::utf8, "", 0));
  const auto db = compile(set);
  wm::scratch space;
  std::vector<wm::match> out;
  const wm::error e = db.scan("caf\xC3\xA9 \xFF\xFE", space, out);
  EXPECT_EQ(e.code, wm::error_code::invalid_utf8);
  EXPECT_TRUE(out.empty());
  // '.' is one character, two bytes here.
  const std::vector<wm::match> expected{{0, 0, 0, 5}};
  EXPECT_EQ(scan(db, "caf\xC3\xA9 ok"), expected);
}

TEST(match_scan, literal_database_accepts_any_bytes) {
  wm::pattern_set set;
  set.add_literal("a\xFF"
                  "b");
  set.add_literal(std::string_view("\0z", 2));
  const auto db = compile(set);
  const auto found = scan(db, std::string_view("xa\xFF"
                                               "b\0z",
                                               6));
  const std::vector<wm::match> expected{{0, 0, 1, 4}, {1, 0, 4, 6}};
  EXPECT_EQ(found, expected);
}

TEST(match_scan, regexes_report_leftmost_start_offsets) {
  wm::pattern_set set;
  set.add_regex("[0-9]+ (million|billion)", opts(wm::flag::none, "amount", 0));
  set.add_regex("^Page", {});
  const auto db = compile(set);
  //                           0         1         2
  //                           0123456789012345678901234567
  const auto found = scan(db, "cost 12 million\nPage 3 billion");
  const std::vector<wm::match> expected{{0, 0, 5, 15}, {1, 0, 16, 20}, {0, 0, 21, 30}};
  EXPECT_EQ(found, expected);
}

TEST(match_scan, leftmost_longest_keeps_non_overlapping_longest) {
  wm::pattern_set set;
  set.add_literal("New York");
  set.add_literal("York");
  set.add_literal("New York Times");
  set.add_literal("Times Square");
  const auto db = compile(set);
  const auto found = scan(db, "the New York Times Square", wm::scan_mode::leftmost_longest);
  const std::vector<wm::match> expected{{2, 0, 4, 18}};
  EXPECT_EQ(found, expected);
}

TEST(match_scan, select_leftmost_longest_breaks_ties_by_lower_id) {
  std::vector<wm::match> ms{{5, 0, 10, 12}, {3, 0, 0, 4}, {1, 0, 0, 4}, {2, 0, 2, 6}, {4, 0, 4, 8}};
  wm::select_leftmost_longest(ms);
  const std::vector<wm::match> expected{{1, 0, 0, 4}, {4, 0, 4, 8}, {5, 0, 10, 12}};
  EXPECT_EQ(ms, expected);
}

TEST(match_scan, select_leftmost_longest_agrees_with_sort_then_walk_in_any_order) {
  // The reference: sort by begin, longest first, lower id; keep each match
  // that starts at or after the end of the last one kept.
  const auto reference = [](std::vector<wm::match> ms) {
    std::sort(ms.begin(), ms.end(), [](const wm::match &x, const wm::match &y) {
      return std::tuple(x.begin, y.end, x.id) < std::tuple(y.begin, x.end, y.id);
    });
    std::vector<wm::match> kept;
    for (const wm::match &m : ms) {
      if (kept.empty() || m.begin >= kept.back().end) {
        kept.push_back(m);
      }
    }
    return kept;
  };
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    // Short spans ordered by end (what a scan gives), long overlapping ones
    // in the same order, and any order at all.
    const int longest = round % 3 == 0 ? 6 : 300;
    std::vector<wm::match> ms;
    for (std::uint32_t i = 0; i < 400; ++i) {
      const std::uint64_t begin = random() % 2000;
      ms.push_back({i % 37, 0, begin, begin + 1 + random() % longest});
    }
    if (round % 3 != 2) {
      std::stable_sort(ms.begin(), ms.end(),
                       [](const wm::match &x, const wm::match &y) { return x.end < y.end; });
    }
    const std::vector<wm::match> expected = reference(ms);
    wm::select_leftmost_longest(ms);
    ASSERT_EQ(ms, expected) << "round " << round;
  }
}

TEST(match_scan, scan_appends_and_scratch_serves_several_databases) {
  wm::pattern_set a;
  a.add_literal("cat");
  wm::pattern_set b;
  b.add_regex("d[o]g");
  const auto da = compile(a);
  const auto db = compile(b);
  wm::scratch space;
  std::vector<wm::match> out{{99, 0, 0, 0}};
  ASSERT_TRUE(da.scan("cat dog", space, out).ok());
  ASSERT_TRUE(db.scan("cat dog", space, out).ok());
  ASSERT_TRUE(da.scan("cat dog", space, out).ok());
  const std::vector<wm::match> expected{{99, 0, 0, 0}, {0, 0, 0, 3}, {0, 0, 4, 7}, {0, 0, 0, 3}};
  EXPECT_EQ(out, expected);
}

// A database freed and a new one compiled may share an address; the scratch
// must still grow for the new one (the first needs no Hyperscan scratch at
// all: its one literal is matched by the literal index).
TEST(match_scan, scratch_grows_for_a_new_database_at_a_reused_address) {
  wm::scratch space;
  for (int round = 0; round < 20; ++round) {
    std::vector<wm::match> out;
    {
      wm::pattern_set indexed;
      indexed.add_literal("Cat");
      ASSERT_TRUE(compile(indexed).scan("Cat dog", space, out).ok());
    }
    wm::pattern_set engine;
    engine.add_regex("d[o]g");
    const wm::error e = compile(engine).scan("Cat dog", space, out);
    ASSERT_TRUE(e.ok()) << e.message;
    const std::vector<wm::match> expected{{0, 0, 0, 3}, {0, 0, 4, 7}};
    EXPECT_EQ(out, expected);
  }
}

TEST(match_scan, empty_and_uncompiled_databases_are_errors) {
  wm::database db;
  EXPECT_FALSE(db.compiled());
  wm::scratch space;
  std::vector<wm::match> out;
  EXPECT_EQ(db.scan("x", space, out).code, wm::error_code::not_compiled);
  wm::pattern_set empty;
  EXPECT_EQ(db.compile(empty).code, wm::error_code::no_patterns);
  wm::pattern_set blank;
  blank.add_literal("");
  EXPECT_EQ(db.compile(blank).code, wm::error_code::empty_pattern);
}

TEST(match_scan, bad_regex_names_file_line_and_reason) {
  wm::pattern_set set;
  ASSERT_TRUE(set.load_text("fine\nre:ok[a-z]\nre:broken(\n", "rules.txt").ok());
  wm::database db;
  const wm::error e = db.compile(set);
  EXPECT_EQ(e.code, wm::error_code::bad_pattern);
  EXPECT_EQ(e.file, "rules.txt");
  EXPECT_EQ(e.line, 3u);
  EXPECT_EQ(e.pattern, 2u);
  EXPECT_EQ(e.message.rfind("rules.txt:3: bad pattern in 'broken(': ", 0), 0u) << e.message;
  EXPECT_NE(e.message.find("parenthes"), std::string::npos) << e.message;
  EXPECT_FALSE(db.compiled());
}

TEST(match_scan, unsupported_constructs_say_so) {
  for (const char *expression : {"(a)\\1", "foo(?=bar)", "(?<!x)y", "a++"}) {
    wm::pattern_set set;
    set.add_regex(expression);
    wm::database db;
    const wm::error e = db.compile(set);
    EXPECT_EQ(e.code, wm::error_code::unsupported_pattern) << expression << ": " << e.message;
    EXPECT_NE(e.message.find("unsupported construct"), std::string::npos) << e.message;
  }
}

TEST(match_scan, compile_stats_report_sizes) {
  wm::pattern_set set;
  set.add_literal("alpha");
  set.add_regex("b[e]ta");
  wm::database db;
  wm::compile_stats stats;
  ASSERT_TRUE(db.compile(set, streaming_options(), &stats).ok());
  EXPECT_GT(stats.database_bytes, 0u);
  EXPECT_GT(stats.scratch_bytes, 0u);
  EXPECT_GT(stats.stream_bytes, 0u);
  EXPECT_FALSE(stats.from_cache);
  EXPECT_GE(stats.seconds, 0.0);
}

// Found by match_compile_fuzz: Hyperscan 5.4's literal API compiled these two
// caseless literals into a database whose scan failed with HS_UNKNOWN_ERROR.
TEST(match_scan, literals_with_high_bytes_scan_without_engine_errors) {
  const std::string first = "re':\x08\xFF" + std::string(37, 'y');
  wm::pattern_set set;
  set.add_literal(first, opts(wm::flag::caseless));
  set.add_literal("\xFF", opts(wm::flag::caseless));
  const auto db = compile(set);
  const std::string text = first + "\n\xFF";
  const std::vector<wm::match> expected{{0, 0, 0, 43}, {1, 0, 5, 6}, {1, 0, 44, 45}};
  EXPECT_EQ(scan(db, text), expected);
}
