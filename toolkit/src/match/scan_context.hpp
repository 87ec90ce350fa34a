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
    return whole_word_in(reinterpret_cast<const unsigned char *>(text.data()), text.size(), begin,
                         end);
  }
};

error invalid_utf8_error();

int on_block_match(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                   void *context) noexcept;

} // namespace wirespeed::match::detail
