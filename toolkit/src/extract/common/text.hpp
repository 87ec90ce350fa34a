#pragma once
// Small text helpers shared by the extractors: lines, code points, case.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/partition_index.hpp"
#include "wirespeed/tokenize.hpp"

namespace wirespeed::extract_detail {

/// ASCII letters lower-cased, every other byte as it is: the case folding of
/// the word lists, which hold ASCII keys and UTF-8 bytes matched as written.
[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// An ASCII digit: the only digits numbers and dates are read from.
[[nodiscard]] constexpr bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

/// One line of the text: [begin, end) without its line break.
struct line {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// Splits `text` at '\n' (a preceding '\r' is left out of the line).
void split_lines(std::string_view text, std::vector<line> &out);

/// The code point starting at `text[i]` (U+FFFD for a bad sequence).
[[nodiscard]] char32_t decode_at(std::string_view text, std::size_t i) noexcept;

/// Whether the code point is an upper-case letter (Latin, Greek, Cyrillic).
[[nodiscard]] bool is_upper(char32_t c) noexcept;
/// Whether the code point is a lower-case letter (Latin, Greek, Cyrillic).
[[nodiscard]] bool is_lower(char32_t c) noexcept;

/// The bytes of a token.
[[nodiscard]] inline std::string_view token_text(std::string_view text, const token &t) noexcept {
  return text.substr(t.begin, t.end - t.begin);
}

/// A word token starting with an upper-case letter ("Lew", "U.S.", "JERUSALEM").
/// Inline with an ASCII shortcut: the name tagger asks it of every token.
[[nodiscard]] inline bool is_capitalised(std::string_view text, const token &t) noexcept {
  const auto lead = static_cast<unsigned char>(text[t.begin]); // a token has a byte
  if (lead >= 0x80) {                                          // rare: the one branch
    return t.kind == token_kind::word && is_upper(decode_at(text, t.begin));
  }
  // the kind and the byte in one comparison: another kind is 256 or more away
  const unsigned kind_and_lead = static_cast<unsigned>(t.kind) << 8 | lead;
  return kind_and_lead - (static_cast<unsigned>(token_kind::word) << 8 | 'A') < 26;
}
/// A number token, or a word token starting with an ASCII digit ("14th",
/// "6.1-magnitude"): where a quantity or a date can start. Inline: the
/// quantities and dates extractors ask it of every token.
[[nodiscard]] inline bool starts_with_digit(std::string_view text, const token &t) noexcept {
  // Bitwise: no branch (a token has at least one byte).
  const bool digit = static_cast<unsigned char>(text[t.begin] - '0') < 10;
  return (t.kind == token_kind::number) | ((t.kind == token_kind::word) & digit);
}
/// A word token written in capitals only, with at least two letters.
[[nodiscard]] bool is_all_caps(std::string_view word) noexcept;

/// `s` without leading and trailing ASCII whitespace.
[[nodiscard]] std::string_view trim(std::string_view s) noexcept;

/// ASCII case-insensitive equality.
[[nodiscard]] bool iequals(std::string_view a, std::string_view b) noexcept;

using core::partition_index;

/// Index of the first token with begin >= offset (tokens.size() if none).
[[nodiscard]] std::size_t token_at_or_after(std::span<const token> tokens,
                                            std::uint64_t offset) noexcept;

} // namespace wirespeed::extract_detail
