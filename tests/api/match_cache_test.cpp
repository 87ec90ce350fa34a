// The on-disk database cache: hits, misses on changed patterns, corrupt files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "api/match_util.hpp"
#include "wirespeed/match.hpp"

namespace fs = std::filesystem;

namespace {

class match_cache : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("wirespeed_match_cache_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  wm::compile_options options(bool streaming = false) const {
    wm::compile_options o;
    o.use_cache = true;
    o.cache_dir = dir_.string();
    o.streaming = streaming;
    return o;
  }

  /// `extra`: one more literal; an upper-case one goes to the literal index,
  /// a lower-case one to the engine, whose database the cache holds.
  static wm::pattern_set names(std::string_view extra = {}) {
    wm::pattern_set set;
    set.add_literal("Angela Merkel", opts(wm::flag::whole_word));
    set.add_regex("[0-9]+ million", opts(wm::flag::none));
    if (!extra.empty()) {
      set.add_literal(extra);
    }
    return set;
  }

  wm::compile_stats compile(const wm::pattern_set &set, bool streaming = false) {
    wm::database db;
    wm::compile_stats stats;
    const wm::error e = db.compile(set, options(streaming), &stats);
    EXPECT_TRUE(e.ok()) << e.message;
    wm::scratch space;
    std::vector<wm::match> out;
    EXPECT_TRUE(db.scan("Angela Merkel said 3 million", space, out).ok());
    EXPECT_EQ(out.size(), 2u) << "a cached database must match like a fresh one";
    return stats;
  }

  fs::path dir_;
};

} // namespace

TEST_F(match_cache, second_compile_is_a_hit) {
  const auto first = compile(names());
  EXPECT_FALSE(first.from_cache);
  EXPECT_FALSE(first.cache_rejected);
  ASSERT_FALSE(first.cache_file.empty());
  EXPECT_TRUE(fs::exists(first.cache_file));
  EXPECT_EQ(fs::path(first.cache_file).parent_path(), dir_);
  const auto second = compile(names());
  EXPECT_TRUE(second.from_cache);
  EXPECT_EQ(second.cache_file, first.cache_file);
}

TEST_F(match_cache, changed_patterns_or_flags_miss) {
  const auto first = compile(names());
  const auto other = compile(names("olaf scholz"));
  EXPECT_FALSE(other.from_cache);
  EXPECT_NE(other.cache_file, first.cache_file);
  // Literals the index takes are not in the engine's database: that one
  // is reused, and the index is built from the patterns (compile() checks
  // that the new database still finds both matches).
  const auto indexed = compile(names("Olaf Scholz"));
  EXPECT_TRUE(indexed.from_cache);
  EXPECT_EQ(indexed.cache_file, first.cache_file);
  wm::pattern_set caseless;
  caseless.add_literal("Angela Merkel", opts(wm::flag::whole_word | wm::flag::caseless));
  caseless.add_regex("[0-9]+ million", opts(wm::flag::none));
  const auto flagged = compile(caseless);
  EXPECT_FALSE(flagged.from_cache);
  EXPECT_NE(flagged.cache_file, first.cache_file);
  // Labels and tags do not change the compiled form.
  wm::pattern_set relabelled;
  relabelled.add_literal("Angela Merkel", opts(wm::flag::whole_word, "person", 3));
  relabelled.add_regex("[0-9]+ million", opts(wm::flag::none, "amount", 4));
  EXPECT_TRUE(compile(relabelled).from_cache);
}

// The engine reports pattern ids: the same engine patterns under other ids
// (here shifted by a literal the index takes, added first) are another database.
TEST_F(match_cache, shifted_ids_miss) {
  const auto first = compile(names());
  wm::pattern_set shifted;
  shifted.add_literal("Olaf Scholz");
  shifted.add_literal("Angela Merkel", opts(wm::flag::whole_word));
  shifted.add_regex("[0-9]+ million", opts(wm::flag::none));
  const auto second = compile(shifted);
  EXPECT_FALSE(second.from_cache);
  EXPECT_NE(second.cache_file, first.cache_file);
  wm::database db;
  ASSERT_TRUE(db.compile(shifted, options()).ok());
  wm::scratch space;
  std::vector<wm::match> out;
  ASSERT_TRUE(db.scan("Angela Merkel said 3 million", space, out).ok());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].id, 1u);
  EXPECT_EQ(out[1].id, 2u);
}

TEST_F(match_cache, streaming_form_is_cached_separately) {
  const auto block = compile(names());
  const auto both = compile(names(), true);
  EXPECT_FALSE(both.from_cache); // the streaming form was missing
  EXPECT_TRUE(compile(names(), true).from_cache);
  EXPECT_TRUE(compile(names()).from_cache);
  EXPECT_EQ(block.cache_file.substr(block.cache_file.size() - 11), ".block.hsdb");
}

TEST_F(match_cache, corrupt_or_truncated_files_are_rebuilt) {
  const auto first = compile(names());
  const std::string path = first.cache_file;
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ASSERT_GT(bytes.size(), 200u);
  const auto write = [&](const std::string &contents) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << contents;
  };
  // One flipped byte in the blob, in the header's key, a truncation, garbage.
  std::string flipped = bytes;
  flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x5a);
  std::string bad_key = bytes;
  bad_key[9] = static_cast<char>(bad_key[9] ^ 1);
  for (const std::string &broken : {flipped, bad_key, bytes.substr(0, bytes.size() - 7),
                                    bytes.substr(0, 20), std::string("not a database")}) {
    write(broken);
    const auto again = compile(names());
    EXPECT_FALSE(again.from_cache);
    EXPECT_TRUE(again.cache_rejected);
    EXPECT_TRUE(compile(names()).from_cache) << "the rebuilt file must be good";
  }
}

TEST_F(match_cache, unwritable_cache_still_compiles) {
  {
    std::ofstream blocker(dir_); // a file where the directory should be
  }
  const auto stats = compile(names());
  EXPECT_FALSE(stats.from_cache);
  EXPECT_FALSE(compile(names()).from_cache);
}

TEST_F(match_cache, default_directory_is_used_and_missing_home_only_skips_caching) {
  const std::string saved_home = std::getenv("HOME") != nullptr ? std::getenv("HOME") : "";
  const char *xdg = std::getenv("XDG_CACHE_HOME");
  const std::string saved_xdg = xdg != nullptr ? xdg : "";
  setenv("XDG_CACHE_HOME", dir_.c_str(), 1);
  wm::compile_options defaults;
  defaults.use_cache = true;
  wm::database db;
  wm::compile_stats stats;
  ASSERT_TRUE(db.compile(names(), defaults, &stats).ok());
  EXPECT_EQ(fs::path(stats.cache_file).parent_path(), dir_ / "wirespeed");
  unsetenv("XDG_CACHE_HOME");
  unsetenv("HOME");
  ASSERT_TRUE(db.compile(names(), defaults, &stats).ok());
  EXPECT_FALSE(stats.from_cache);
  EXPECT_TRUE(stats.cache_file.empty());
  setenv("HOME", saved_home.c_str(), 1);
  if (xdg != nullptr) {
    setenv("XDG_CACHE_HOME", saved_xdg.c_str(), 1);
  }
}
