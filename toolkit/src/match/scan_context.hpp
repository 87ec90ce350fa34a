#pragma once
// State shared by the Hyperscan match callbacks of block and stream scans.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "match/database_impl.hpp"
#include "match/word.hpp"

namespace wirespeed::match::detail {

struct block_context {
  const pattern_entry *entries;
  std::string_view text;
  std::vector<match> *out;
  bool out_of_memory = false;

  [[nodiscard]] bool whole_word_at(std::uint64_t begin, std::uint64_t end) const noexcept {
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    const std::uint64_t n_before = std::min<std::uint64_t>(begin, word_bytes_before);
    const std::uint64_t n_after = std::min<std::uint64_t>(text.size() - end, word_bytes_after);
    return whole_word(bytes + begin - n_before, n_before, bytes + end, n_after);
  }
};

error invalid_utf8_error();

int on_block_match(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                   void *context) noexcept;

} // namespace wirespeed::match::detail
