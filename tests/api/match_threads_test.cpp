// One database, many threads, one scratch each: every thread sees the same
// matches as a single-threaded scan.
#include <gtest/gtest.h>

#include <thread>

#include "api/match_util.hpp"
#include "wirespeed/match.hpp"

TEST(match_threads, per_thread_scratch_gives_identical_matches) {
  wm::pattern_set set;
  for (int i = 0; i < 500; ++i) {
    set.add_literal("name" + std::to_string(i), opts(wm::flag::whole_word, "", i % 3));
  }
  set.add_regex("[0-9]+ (million|billion)", opts(wm::flag::none));
  wm::database db;
  ASSERT_TRUE(db.compile(set).ok());
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    text += "name" + std::to_string(i % 700) + (i % 5 == 0 ? " 12 million, " : " and ");
  }
  wm::scratch space;
  std::vector<wm::match> reference;
  ASSERT_TRUE(db.scan(text, space, reference).ok());
  ASSERT_GT(reference.size(), 10000u);

  constexpr int threads = 4;
  std::vector<std::vector<wm::match>> results(threads);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      wm::scratch mine;
      for (int round = 0; round < 5; ++round) {
        results[t].clear();
        if (!db.scan(text, mine, results[t]).ok()) {
          results[t].clear();
          return;
        }
      }
    });
  }
  for (auto &th : pool) {
    th.join();
  }
  for (int t = 0; t < threads; ++t) {
    EXPECT_EQ(results[t], reference) << "thread " << t;
  }
}
