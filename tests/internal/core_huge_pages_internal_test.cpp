// The arithmetic behind the huge-page hints: which span of a buffer may be
// advised (never memory outside the buffer's own first and last pages), and
// the allocation sizes that glibc maps as whole 2 MiB pages; then the
// reserve helpers on real strings and vectors.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/huge_pages.hpp"

namespace wirespeed::core {
namespace {

constexpr std::uintptr_t mib2 = huge_page_bytes;
constexpr std::uintptr_t base = 0x7f0000000000; // 2 MiB-aligned

TEST(huge_span, WidensToTheBoundaryInsideTheFirstAndLastPage) {
  // glibc's layout: a block 16 bytes into a mapping of exactly 5 x 2 MiB.
  const huge_span span = huge_span_of(base + 16, 5 * mib2 - 32);
  EXPECT_EQ(span.begin, base);
  EXPECT_EQ(span.end, base + 5 * mib2);
  EXPECT_TRUE(span.starts_before_buffer);
}

TEST(huge_span, KeepsToWholePagesWhenTheBoundaryIsAnotherPage) {
  // 8 KiB past a boundary: the bytes before the buffer may be another
  // allocation's, so the span starts at the next boundary; likewise at the end.
  const huge_span span = huge_span_of(base + 8192, 6 * mib2);
  EXPECT_EQ(span.begin, base + mib2);
  EXPECT_EQ(span.end, base + 6 * mib2);
  EXPECT_FALSE(span.starts_before_buffer);
}

TEST(huge_span, AnAlignedBufferIsItsOwnSpan) {
  const huge_span span = huge_span_of(base, 2 * mib2);
  EXPECT_EQ(span.begin, base);
  EXPECT_EQ(span.end, base + 2 * mib2);
  EXPECT_FALSE(span.starts_before_buffer);
}

TEST(huge_span, EndWidensOnlyWithinItsLastPage) {
  EXPECT_EQ(huge_span_of(base, 2 * mib2 - 100).end, base + 2 * mib2);
  EXPECT_EQ(huge_span_of(base, 3 * mib2 - base_page_bytes).end, base + 2 * mib2);
}

TEST(huge_span, EmptyWhenNoWholeHugePageFits) {
  for (const auto &[start, bytes] :
       {std::pair{base + 16, std::size_t{100}}, std::pair{base + 8192, mib2},
        std::pair{base + 8192, std::size_t{0}}, std::pair{base, std::size_t{0}}}) {
    const huge_span span = huge_span_of(start, bytes);
    EXPECT_EQ(span.begin, span.end) << start - base << " " << bytes;
  }
}

TEST(huge_page_capacity, SmallSizesStay) {
  EXPECT_EQ(huge_page_capacity(0), 0u);
  EXPECT_EQ(huge_page_capacity(100), 100u);
  EXPECT_EQ(huge_page_capacity(mib2 / 2 - 1), mib2 / 2 - 1);
}

TEST(huge_page_capacity, LargeSizesFillWholeHugePagesLessTheAllocatorsBytes) {
  EXPECT_EQ(huge_page_capacity(mib2 / 2), mib2 - 32);
  EXPECT_EQ(huge_page_capacity(3 * mib2), 4 * mib2 - 32);
  EXPECT_EQ(huge_page_capacity(4 * mib2 - 32), 4 * mib2 - 32);
  EXPECT_EQ(huge_page_capacity(4 * mib2 - 31), 5 * mib2 - 32);
}

TEST(reserve_in_huge_pages, StringGrowsKeepingItsTextAndNeverShrinks) {
  std::string text = "kept";
  reserve_in_huge_pages(text, 3 * mib2);
  EXPECT_EQ(text, "kept");
  EXPECT_GE(text.capacity(), 3 * mib2);
  const char *data = text.data();
  reserve_in_huge_pages(text, 10); // already room: the buffer stays
  EXPECT_EQ(text.data(), data);
  text.assign(3 * mib2, 'x'); // and the room is usable
  EXPECT_EQ(text.data(), data);
}

TEST(reserve_in_huge_pages, VectorGrowsKeepingItsItems) {
  std::vector<std::uint64_t> items{1, 2, 3};
  reserve_in_huge_pages(items, mib2);
  EXPECT_EQ(items, (std::vector<std::uint64_t>{1, 2, 3}));
  EXPECT_GE(items.capacity(), mib2);
  const std::uint64_t *data = items.data();
  reserve_in_huge_pages(items, 4);
  EXPECT_EQ(items.data(), data);
}

TEST(reserve_in_huge_pages, GrowsAtLeastTwofoldSoThatSmallStepsStayLinear) {
  std::vector<std::uint32_t> items;
  std::string text;
  std::size_t vector_growths = 0;
  std::size_t string_growths = 0;
  for (std::size_t wanted = 1; wanted <= 100000; wanted += 10) {
    const std::size_t vector_before = items.capacity();
    reserve_in_huge_pages(items, wanted);
    vector_growths += items.capacity() != vector_before;
    const std::size_t string_before = text.capacity();
    reserve_in_huge_pages(text, wanted);
    string_growths += text.capacity() != string_before;
  }
  EXPECT_LE(vector_growths, 20u); // log2(100,000)
  EXPECT_LE(string_growths, 20u);
}

} // namespace
} // namespace wirespeed::core
