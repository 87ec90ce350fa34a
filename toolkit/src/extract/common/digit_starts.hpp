#pragma once
// The tokens where an amount or a date can start (starts_with_digit), found
// from the bytes of the text instead of a test per token: a number token
// starts with a digit, ASCII or multi-byte, and a word token that counts
// starts with an ASCII digit. News has a digit every few hundred bytes, so a
// SIMD pass marking digits and non-ASCII bytes leaves few tokens to ask.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "wirespeed/tokenize.hpp"

namespace wirespeed::extract_detail {

class digit_starts {
public:
  /// Marks the bytes of `text`, whose tokens are `tokens` (both must outlive
  /// the calls to next()). The storage is kept from one document to the next.
  void reset(std::string_view text, std::span<const token> tokens);

  /// The first token from `i` on for which starts_with_digit() holds, or the
  /// number of tokens when none does.
  [[nodiscard]] std::size_t next(std::size_t i) const noexcept;

private:
  static constexpr std::size_t none = ~std::size_t{0};
  /// The first marked byte at or after `at`, or `none`.
  [[nodiscard]] std::size_t next_mark(std::size_t at) const noexcept;
  /// The first token from `i` on that ends after byte `at` (the one holding
  /// it, or the first after it), or the number of tokens.
  [[nodiscard]] std::size_t token_reaching(std::size_t i, std::size_t at) const noexcept;

  std::string_view text_;
  std::span<const token> tokens_;
  std::vector<std::uint64_t> marks_; ///< bit b of marks_[k]: byte 64k + b may start a number
};

} // namespace wirespeed::extract_detail
