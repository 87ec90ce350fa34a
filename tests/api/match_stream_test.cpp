// Streaming scans find what one block scan of the whole text finds.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "api/match_util.hpp"
#include "wirespeed/match.hpp"

namespace {

void sort_matches(std::vector<wm::match> &ms) {
  std::sort(ms.begin(), ms.end(), [](const wm::match &a, const wm::match &b) {
    return std::tie(a.begin, a.end, a.id) < std::tie(b.begin, b.end, b.id);
  });
}

wm::database streaming_db() {
  wm::pattern_set set;
  set.add_literal("New York", opts(wm::flag::whole_word));
  set.add_literal("York", opts(wm::flag::none));
  set.add_literal("york", opts(wm::flag::caseless | wm::flag::whole_word));
  set.add_literal("Z\xC3\xBCrich", opts(wm::flag::whole_word));
  set.add_literal("\xC3\xBC", opts(wm::flag::none));
  set.add_regex("[0-9]+(\\.[0-9]+)? (million|billion)", opts(wm::flag::whole_word));
  set.add_regex("caf.", opts(wm::flag::utf8));
  set.add_regex("^[A-Z][a-z]+", opts(wm::flag::none));
  set.add_literal("aa", opts(wm::flag::none));
  wm::database db;
  const wm::error e = db.compile(set, streaming_options());
  EXPECT_TRUE(e.ok()) << e.message;
  return db;
}

// Text assembled from pieces that hit the patterns at and across boundaries.
std::string random_text(std::mt19937 &rng, std::size_t pieces) {
  static const char *const parts[] = {
      "New York",   " ",           "York",        "yorkshire",    "Z\xC3\xBCrich", "\xC3\xBC",
      "12 million", "3.5 billion", "caf\xC3\xA9", "\n",           "Paris",         "aaa",
      "x",          "_",           ".",           "\xE2\x80\x99", "\xC2\xA0"};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(parts) - 1);
  std::string text;
  for (std::size_t i = 0; i < pieces; ++i) {
    text += parts[pick(rng)];
  }
  return text;
}

std::vector<wm::match> block_scan(const wm::database &db, std::string_view text,
                                  wm::scan_mode mode) {
  wm::scratch space;
  std::vector<wm::match> out;
  const wm::error e = db.scan(text, space, out, mode);
  EXPECT_TRUE(e.ok()) << e.message;
  sort_matches(out);
  return out;
}

std::vector<wm::match> stream_scan(const wm::database &db, std::string_view text, std::mt19937 &rng,
                                   std::size_t max_chunk, wm::scan_mode mode) {
  wm::scratch space;
  wm::stream s;
  std::vector<wm::match> out;
  EXPECT_TRUE(s.open(db, space, mode).ok());
  std::uniform_int_distribution<std::size_t> size(0, max_chunk);
  while (!text.empty()) {
    const std::size_t n = std::min(size(rng), text.size());
    const wm::error e = s.feed(text.substr(0, n), out);
    EXPECT_TRUE(e.ok()) << e.message;
    text.remove_prefix(n);
  }
  const wm::error e = s.finish(out);
  EXPECT_TRUE(e.ok()) << e.message;
  sort_matches(out);
  return out;
}

} // namespace

TEST(match_stream, chunked_scan_equals_block_scan) {
  const auto db = streaming_db();
  std::mt19937 rng(20240501);
  for (int round = 0; round < 200; ++round) {
    const std::string text = random_text(rng, 1 + round % 60);
    const std::size_t max_chunk = 1 + static_cast<std::size_t>(round % 13);
    for (const auto mode : {wm::scan_mode::all, wm::scan_mode::leftmost_longest}) {
      const auto block = block_scan(db, text, mode);
      const auto streamed = stream_scan(db, text, rng, max_chunk, mode);
      ASSERT_EQ(block, streamed) << "round " << round << " text '" << text << "'";
    }
  }
}

TEST(match_stream, whole_document_example_by_hand) {
  const auto db = streaming_db();
  std::mt19937 rng(7);
  //                   0123456789012345678
  const std::string t = "New York Yorkshire";
  const auto found = stream_scan(db, t, rng, 3, wm::scan_mode::all);
  // "New York" (0) and its "York" (1, 2); "York" in Yorkshire (1 only: not
  // a whole word); "^[A-Z][a-z]+" matches at every end: "Ne" and "New".
  const std::vector<wm::match> expected{{7, 0, 0, 2}, {7, 0, 0, 3}, {0, 0, 0, 8},
                                        {1, 0, 4, 8}, {2, 0, 4, 8}, {1, 0, 9, 13}};
  EXPECT_EQ(found, expected);
}

TEST(match_stream, invalid_utf8_split_across_chunks_is_rejected) {
  const auto db = streaming_db();
  wm::scratch space;
  wm::stream s;
  std::vector<wm::match> out;
  ASSERT_TRUE(s.open(db, space).ok());
  ASSERT_TRUE(s.feed("caf\xC3", out).ok()); // incomplete, held back
  EXPECT_EQ(s.feed("(", out).code, wm::error_code::invalid_utf8);

  ASSERT_TRUE(s.open(db, space).ok());
  ASSERT_TRUE(s.feed("caf\xC3", out).ok());
  EXPECT_EQ(s.finish(out).code, wm::error_code::invalid_utf8);
}

TEST(match_stream, misuse_is_reported) {
  wm::pattern_set set;
  set.add_literal("x");
  wm::database block_only;
  ASSERT_TRUE(block_only.compile(set).ok());
  wm::scratch space;
  wm::stream s;
  std::vector<wm::match> out;
  EXPECT_EQ(s.open(block_only, space).code, wm::error_code::no_stream_mode);
  EXPECT_EQ(s.open(wm::database{}, space).code, wm::error_code::not_compiled);
  EXPECT_EQ(s.feed("x", out).code, wm::error_code::not_compiled);
  EXPECT_EQ(s.finish(out).code, wm::error_code::not_compiled);
}
