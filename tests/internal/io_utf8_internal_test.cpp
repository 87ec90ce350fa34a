// The scalar UTF-8 walker that locates the first bad byte for messages (and
// drives U+FFFD replacement in the writer), against simdjson's validator as
// the oracle, on hand-picked sequences and on random bytes.
#include <gtest/gtest.h>

#include <simdjson.h>

#include <random>
#include <string>

#include "io/utf8.hpp"

namespace wirespeed::io {
namespace {

TEST(utf8_walker, HandPickedSequences) {
  // Valid: ASCII, 2-, 3-, 4-byte forms and the edges of each range.
  for (const char *valid :
       {"a", "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xee\x80\x80", "\xef\xbf\xbf",
        "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf"}) {
    EXPECT_EQ(first_invalid_utf8(valid), std::string_view(valid).size()) << valid;
  }
  // Invalid at byte 1: overlongs (c0, c1, e0 80, f0 80), surrogates (ed a0),
  // past U+10FFFF (f4 90, f5), stray continuation, truncation.
  for (const char *invalid :
       {"x\xc0\xaf", "x\xc1\xbf", "x\xe0\x80\x80", "x\xf0\x80\x80\x80", "x\xed\xa0\x80",
        "x\xf4\x90\x80\x80", "x\xf5\x80\x80\x80", "x\x80", "x\xe2\x82", "x\xf0\x9f\x98"}) {
    EXPECT_EQ(first_invalid_utf8(invalid), 1u) << invalid + 1;
  }
}

TEST(utf8_walker, AgreesWithSimdjsonOnRandomBytes) {
  std::mt19937_64 random(20240301);
  // Bytes drawn mostly from lead/continuation ranges so that valid and
  // invalid sequences both occur often.
  const unsigned char alphabet[] = {'a',  ' ',  0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2,
                                    0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf3, 0xf4, 0xf5};
  for (int round = 0; round < 200000; ++round) {
    std::string text(random() % 9, '\0');
    for (char &c : text) {
      c = static_cast<char>(alphabet[random() % sizeof alphabet]);
    }
    const bool valid = simdjson::validate_utf8(text.data(), text.size());
    const std::size_t bad = first_invalid_utf8(text);
    ASSERT_EQ(bad == text.size(), valid) << "round " << round;
    if (!valid) {
      // Everything before the reported byte is valid, and it is not.
      ASSERT_TRUE(simdjson::validate_utf8(text.data(), bad)) << "round " << round;
      ASSERT_EQ(utf8_sequence_length(std::string_view(text).substr(bad)), 0u);
    }
  }
}

} // namespace
} // namespace wirespeed::io
