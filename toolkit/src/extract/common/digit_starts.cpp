// The bytes are marked by the literal index's byte-range kernels (two ranges,
// 64 bytes a mask, the active SIMD level): the same question, "which bytes
// can start something", asked of other bytes.
#include "extract/common/digit_starts.hpp"

#include <algorithm>

#include "extract/common/text.hpp"
#include "match/byte_ranges.hpp"

namespace wirespeed::extract_detail {
namespace {

/// ASCII digits, and every byte of a multi-byte character (a digit of
/// another script, "٣", starts with one).
constexpr match::detail::byte_ranges number_bytes{{'0', 0x80}, {10, 0x80}};

match::detail::range_mask_fn mask_kernel() noexcept {
  static const match::detail::range_mask_fn kernel = [] {
    const match::detail::range_mask_fn active = match::detail::range_masks_for(cpu::active_isa());
    return active != nullptr ? active : &match::detail::range_masks_reference;
  }();
  return kernel;
}

} // namespace

void digit_starts::reset(std::string_view text, std::span<const token> tokens) {
  text_ = text;
  tokens_ = tokens;
  const std::size_t whole = text.size() / 64;
  marks_.resize(whole + 1);
  const auto *bytes = reinterpret_cast<const std::uint8_t *>(text.data());
  mask_kernel()(bytes, whole, number_bytes, marks_.data());
  std::uint8_t last[64] = {}; // the partial block, padded with bytes that are no mark
  std::copy(bytes + 64 * whole, bytes + text.size(), last);
  mask_kernel()(last, 1, number_bytes, &marks_[whole]);
}

std::size_t digit_starts::next_mark(std::size_t at) const noexcept {
  std::size_t k = at / 64;
  if (k >= marks_.size()) {
    return none;
  }
  std::uint64_t bits = marks_[k] & (~std::uint64_t{0} << (at % 64));
  while (bits == 0) {
    if (++k == marks_.size()) {
      return none;
    }
    bits = marks_[k];
  }
  return 64 * k + static_cast<std::size_t>(__builtin_ctzll(bits));
}

std::size_t digit_starts::token_reaching(std::size_t i, std::size_t at) const noexcept {
  // Marks are a few tokens apart in news: gallop from i, then bisect.
  const std::size_t n = tokens_.size();
  const auto before = [at](const token &t) { return t.end <= at; };
  std::size_t from = i;
  std::size_t step = 1;
  while (from + step < n && before(tokens_[from + step - 1])) {
    from += step;
    step *= 2;
  }
  const std::size_t span = std::min(step, n - from);
  return from + partition_index(tokens_.subspan(from, span), before);
}

std::size_t digit_starts::next(std::size_t i) const noexcept {
  const std::size_t n = tokens_.size();
  while (i < n) {
    const std::size_t mark = next_mark(tokens_[i].begin);
    if (mark == none) {
      return n;
    }
    i = token_reaching(i, mark);
    if (i == n) {
      return n;
    }
    if (tokens_[i].begin == mark && starts_with_digit(text_, tokens_[i])) {
      return i;
    }
    // A token that starts no number: go on after it. (A mark between
    // tokens, a non-ASCII space, leaves i at the token after it.)
    i += tokens_[i].begin <= mark ? 1 : 0;
  }
  return n;
}

} // namespace wirespeed::extract_detail
