#pragma once
// find_occurrences over xsimd batches, instantiated by each
// isa/occurrences_<isa>.cpp with that ISA's flags: the first and the last
// byte of the needle are compared at a batch of starts at once, so only
// starts where both agree, almost always true occurrences, cost a branch
// and a compare. A template on the architecture only, so no code compiled
// for one level can be linked into another.
#include <cstring>

#include <xsimd/xsimd.hpp>

#include "extract/common/occurrences.hpp"
#include "simd/to_bits.hpp"

namespace wirespeed::extract_detail {

template <class Arch>
void occurrences_kernel(std::string_view haystack, std::string_view needle, std::uint32_t base,
                        std::vector<std::uint32_t> &out) {
  out.clear();
  const std::size_t n = needle.size();
  if (n == 0 || haystack.size() < n) {
    return;
  }
  const std::size_t starts = haystack.size() - n + 1;
  const char *const text = haystack.data();
  using batch = xsimd::batch<std::uint8_t, Arch>;
  constexpr std::size_t width = batch::size;
  if (starts < width) {
    occurrences_reference(haystack, needle, base, out);
    return;
  }
  // A needle of one or two bytes is its first and last byte: every
  // candidate is an occurrence (split_lines looks for '\n' in every
  // document, and a call to memcmp per line cost more than the scan).
  const bool candidates_are_occurrences = n <= 2;
  auto keep = [&](std::size_t at) {
    if (candidates_are_occurrences || std::memcmp(text + at, needle.data(), n) == 0) {
      out.push_back(base + static_cast<std::uint32_t>(at));
    }
  };
  const batch first(static_cast<std::uint8_t>(needle.front()));
  const batch last(static_cast<std::uint8_t>(needle.back()));
  const auto *bytes = reinterpret_cast<const std::uint8_t *>(text);
  // The starts [at, at + width) whose first and last bytes agree, as bits.
  auto candidates = [&](std::size_t at) {
    const batch heads = batch::load_unaligned(bytes + at);
    const batch tails = batch::load_unaligned(bytes + at + n - 1);
    return simd::to_bits<Arch>((heads == first) & (tails == last), Arch{});
  };
  auto visit = [&](std::size_t at, std::uint64_t bits) {
    while (bits != 0) {
      keep(at + static_cast<std::size_t>(__builtin_ctzll(bits)));
      bits &= bits - 1;
    }
  };
  // 64 starts a round, one branch for all of them when none is a candidate.
  constexpr std::size_t round = 64;
  std::size_t at = 0;
  for (; at + round <= starts; at += round) {
    std::uint64_t bits = 0;
    for (std::size_t k = 0; k < round; k += width) {
      bits |= candidates(at + k) << k;
    }
    visit(at, bits);
  }
  for (; at + width <= starts; at += width) {
    visit(at, candidates(at));
  }
  if (at < starts) {
    // The last block overlaps the one before: drop the starts seen there.
    const std::size_t tail = starts - width;
    visit(tail, candidates(tail) & (~std::uint64_t{0} << (at - tail)));
  }
}

} // namespace wirespeed::extract_detail
