// pattern_set building and the pattern-file format.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "api/match_util.hpp"
#include "wirespeed/match.hpp"

namespace wm = wirespeed::match;

TEST(match_patterns, add_assigns_dense_ids_and_defaults_label_to_text) {
  wm::pattern_set set;
  EXPECT_TRUE(set.empty());
  EXPECT_EQ(set.add_literal("Paris"), 0u);
  EXPECT_EQ(set.add_regex("[0-9]+", opts(wm::flag::utf8, "number", 9)), 1u);
  ASSERT_EQ(set.size(), 2u);
  EXPECT_EQ(set.at(0).label, "Paris");
  EXPECT_EQ(set.at(0).kind, wm::pattern_kind::literal);
  EXPECT_EQ(set.at(1).label, "number");
  EXPECT_EQ(set.at(1).tag, 9u);
  EXPECT_EQ(set.at(1).kind, wm::pattern_kind::regex);
  EXPECT_TRUE(wm::has(set.at(1).flags, wm::flag::utf8));
  EXPECT_EQ(set.patterns().size(), 2u);
}

TEST(match_patterns, file_format_comments_labels_regex_prefix_and_escapes) {
  wm::pattern_set set;
  set.add_literal("first");
  const auto loaded = set.load_text("# a comment\n"
                                    "\n"
                                    "  # indented comment\n"
                                    "Angela Merkel\r\n"
                                    "person\tOlaf Scholz\n"
                                    "re:[A-Z]{3}\n"
                                    "money\tre:\\$[0-9]+\n"
                                    "\\#hashtag\n"
                                    "\\re:not a regex",
                                    "names.txt", opts(wm::flag::caseless, "", 4));
  ASSERT_TRUE(loaded.ok()) << loaded.err.message;
  EXPECT_EQ(loaded.ids.first, 1u);
  ASSERT_EQ(loaded.ids.count, 6u);
  ASSERT_EQ(set.size(), 7u);
  EXPECT_EQ(set.at(1).expression, "Angela Merkel");
  EXPECT_EQ(set.at(1).label, "Angela Merkel");
  EXPECT_EQ(set.at(1).line, 4u);
  EXPECT_EQ(set.at(1).file, "names.txt");
  EXPECT_EQ(set.at(1).tag, 4u);
  EXPECT_TRUE(wm::has(set.at(1).flags, wm::flag::caseless));
  EXPECT_EQ(set.at(2).label, "person");
  EXPECT_EQ(set.at(2).expression, "Olaf Scholz");
  EXPECT_EQ(set.at(3).kind, wm::pattern_kind::regex);
  EXPECT_EQ(set.at(3).expression, "[A-Z]{3}");
  EXPECT_EQ(set.at(4).label, "money");
  EXPECT_EQ(set.at(4).kind, wm::pattern_kind::regex);
  EXPECT_EQ(set.at(4).expression, "\\$[0-9]+");
  EXPECT_EQ(set.at(5).expression, "#hashtag");
  EXPECT_EQ(set.at(5).kind, wm::pattern_kind::literal);
  EXPECT_EQ(set.at(6).expression, "re:not a regex");
  EXPECT_EQ(set.at(6).kind, wm::pattern_kind::literal);
  EXPECT_EQ(set.at(6).line, 9u);
}

TEST(match_patterns, empty_pattern_names_file_and_line_and_adds_nothing) {
  wm::pattern_set set;
  const auto loaded = set.load_text("one\ntwo\nlabel\t\nthree\n", "list.txt");
  EXPECT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.err.code, wm::error_code::empty_pattern);
  EXPECT_EQ(loaded.err.file, "list.txt");
  EXPECT_EQ(loaded.err.line, 3u);
  EXPECT_EQ(loaded.err.message, "list.txt:3: empty pattern");
  EXPECT_EQ(loaded.ids.count, 0u);
  EXPECT_TRUE(set.empty());
}

TEST(match_patterns, load_file_reads_and_reports_missing_files) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("wirespeed_match_patterns_test_" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(path);
    out << "alpha\nre:b+eta\n";
  }
  wm::pattern_set set;
  const auto loaded = set.load_file(path.string(), opts(wm::flag::none, "greek", 0));
  ASSERT_TRUE(loaded.ok()) << loaded.err.message;
  EXPECT_EQ(loaded.ids.count, 2u);
  EXPECT_EQ(set.at(1).label, "greek");
  EXPECT_EQ(set.at(1).file, path.string());
  std::filesystem::remove(path);

  const auto missing = set.load_file("/nonexistent/wirespeed/patterns.txt");
  EXPECT_EQ(missing.err.code, wm::error_code::io_error);
  EXPECT_NE(missing.err.message.find("/nonexistent/wirespeed/patterns.txt"), std::string::npos);
  EXPECT_EQ(set.size(), 2u);
}

TEST(match_patterns, error_codes_have_stable_names) {
  EXPECT_EQ(wm::to_string(wm::error_code::ok), "ok");
  EXPECT_EQ(wm::to_string(wm::error_code::bad_pattern), "bad_pattern");
  EXPECT_EQ(wm::to_string(wm::error_code::unsupported_pattern), "unsupported_pattern");
  EXPECT_EQ(wm::to_string(wm::error_code::invalid_utf8), "invalid_utf8");
  EXPECT_EQ(wm::to_string(wm::error_code::no_stream_mode), "no_stream_mode");
}

TEST(match_patterns, default_cache_dir_follows_xdg_then_home) {
  const char *xdg = std::getenv("XDG_CACHE_HOME");
  const std::string saved_xdg = xdg != nullptr ? xdg : "";
  setenv("XDG_CACHE_HOME", "/tmp/xdg-test", 1);
  EXPECT_EQ(wm::default_cache_dir(), "/tmp/xdg-test/wirespeed");
  unsetenv("XDG_CACHE_HOME");
  const char *home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') {
    EXPECT_EQ(wm::default_cache_dir(), std::string(home) + "/.cache/wirespeed");
  }
  if (xdg != nullptr) {
    setenv("XDG_CACHE_HOME", saved_xdg.c_str(), 1);
  }
}
