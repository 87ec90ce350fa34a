#include "match/token_dictionary.hpp"

#include <algorithm>

namespace wirespeed::bench {
namespace {

std::uint64_t hash_bytes(std::string_view s) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ull;
  std::size_t i = 0;
  // Eight bytes at a time: FNV per byte would dominate on long phrases.
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w = 0;
    for (int k = 0; k < 8; ++k) {
      w |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i + k])) << (8 * k);
    }
    h = (h ^ w) * 0x9e3779b97f4a7c15ull;
    h ^= h >> 29;
  }
  for (; i < s.size(); ++i) {
    h = (h ^ static_cast<unsigned char>(s[i])) * 0x100000001b3ull;
  }
  return h ^ (h >> 32);
}

} // namespace

token_dictionary::token_dictionary(const std::vector<std::string> &patterns) : keys_(patterns) {
  std::size_t size = 16;
  while (size < 2 * patterns.size()) {
    size *= 2;
  }
  table_.resize(size);
  mask_ = size - 1;
  first_tokens_.assign(size / 8 + 1, 0); // 8 bits per pattern
  for (std::size_t id = 0; id < keys_.size(); ++id) {
    const std::string &k = keys_[id];
    std::size_t tokens = 1;
    for (std::size_t i = 1; i < k.size(); ++i) {
      tokens +=
          !word(static_cast<unsigned char>(k[i - 1])) && word(static_cast<unsigned char>(k[i]));
    }
    tokens_ = std::min(max_tokens, std::max(tokens_, tokens));
    std::size_t first_end = 0;
    while (first_end < k.size() && word(static_cast<unsigned char>(k[first_end]))) {
      ++first_end;
    }
    const std::uint64_t bit =
        hash_bytes(std::string_view(k).substr(0, first_end)) % (first_tokens_.size() * 64);
    first_tokens_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    const std::uint64_t h = hash_bytes(k);
    for (std::uint64_t s = h & mask_;; s = (s + 1) & mask_) {
      if (table_[s].id < 0) {
        table_[s] = {h, static_cast<std::int64_t>(id)};
        break;
      }
    }
  }
}

bool token_dictionary::may_start(std::string_view token) const noexcept {
  const std::uint64_t bit = hash_bytes(token) % (first_tokens_.size() * 64);
  return (first_tokens_[bit / 64] >> (bit % 64) & 1) != 0;
}

std::int64_t token_dictionary::find(std::string_view key) const noexcept {
  const std::uint64_t h = hash_bytes(key);
  for (std::uint64_t s = h & mask_;; s = (s + 1) & mask_) {
    const slot &e = table_[s];
    if (e.id < 0) {
      return -1;
    }
    if (e.hash == h && keys_[static_cast<std::size_t>(e.id)] == key) {
      return e.id;
    }
  }
}

} // namespace wirespeed::bench
