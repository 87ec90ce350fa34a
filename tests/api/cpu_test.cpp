#include "wirespeed/cpu.hpp"
#include "wirespeed/version.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace wirespeed::cpu {
namespace {

TEST(Cpu, ScalarIsAlwaysAvailableAndFirst) {
  auto levels = available_isas();
  ASSERT_FALSE(levels.empty());
  EXPECT_EQ(levels.front(), isa::scalar);
}

TEST(Cpu, ActiveLevelIsOneOfTheAvailableOnes) {
  auto levels = available_isas();
  EXPECT_NE(std::find(levels.begin(), levels.end(), active_isa()), levels.end());
}

TEST(Cpu, NamesRoundTrip) {
  for (isa level : {isa::scalar, isa::sse4_2, isa::avx2, isa::avx512bw, isa::neon64}) {
    isa parsed{};
    ASSERT_TRUE(parse_isa(to_string(level), parsed)) << to_string(level);
    EXPECT_EQ(parsed, level);
  }
  isa untouched = isa::avx2;
  EXPECT_FALSE(parse_isa("avx3", untouched));
  EXPECT_EQ(untouched, isa::avx2);
}

TEST(Cpu, ForcingAnAvailableLevelSticksAndAnUnavailableOneIsRefused) {
  const isa before = active_isa();
  for (isa level : available_isas()) {
    ASSERT_TRUE(force_isa(level));
    EXPECT_EQ(active_isa(), level);
  }
  for (isa level : {isa::scalar, isa::sse4_2, isa::avx2, isa::avx512bw, isa::neon64}) {
    auto levels = available_isas();
    if (std::find(levels.begin(), levels.end(), level) == levels.end()) {
      const isa current = active_isa();
      EXPECT_FALSE(force_isa(level));
      EXPECT_EQ(active_isa(), current);
    }
  }
  force_isa(before);
}

TEST(Version, ReportsToolkitAndEngineVersions) {
  EXPECT_FALSE(wirespeed::version().empty());
  EXPECT_NE(wirespeed::hyperscan_version().find('.'), std::string::npos);
  EXPECT_NE(wirespeed::simdjson_version().find('.'), std::string::npos);
}

} // namespace
} // namespace wirespeed::cpu
