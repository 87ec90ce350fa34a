// core::load_bytes against a byte-by-byte reference, at every length and
// alignment, reading from the end of a buffer that ends exactly there.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>

#include "core/load_bytes.hpp"

namespace wirespeed::core {
namespace {

TEST(load_bytes, every_length_and_offset_gives_the_bytes_and_zeros_above) {
  for (std::size_t n = 0; n <= 8; ++n) {
    for (std::size_t offset = 0; offset < 8; ++offset) {
      // exactly offset + n bytes: a read past them is a heap overflow under ASan
      const auto buffer = std::make_unique<unsigned char[]>(offset + n);
      std::uint64_t want = 0;
      for (std::size_t i = 0; i < n; ++i) {
        buffer[offset + i] = static_cast<unsigned char>(0xA1 + 7 * i + offset);
        want |= std::uint64_t{buffer[offset + i]} << (8 * i);
      }
      EXPECT_EQ(load_bytes(buffer.get() + offset, n), want) << n << " at " << offset;
    }
  }
}

} // namespace
} // namespace wirespeed::core
