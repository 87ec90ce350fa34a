#pragma once
// The alternative to engine callbacks for whole-word literal dictionaries:
// split the text into tokens and look every run of up to k tokens up in a
// hash table. Delivery is free (no callback per candidate) but every token is
// hashed k times; the benchmark says which wins on news text.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wirespeed::bench {

class token_dictionary {
public:
  explicit token_dictionary(const std::vector<std::string> &patterns);

  /// Calls on_match(pattern id, begin, end) for every whole-token occurrence.
  /// A token is looked at further only when a pattern starts with it (a
  /// one-hash filter), so most tokens cost one hash and one bit test.
  template <class F> void scan(std::string_view text, F &&on_match) {
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    spans_.clear();
    for (std::size_t i = 0; i < n;) {
      while (i < n && !word(p[i])) {
        ++i;
      }
      const std::size_t begin = i;
      while (i < n && word(p[i])) {
        ++i;
      }
      if (i > begin) {
        spans_.push_back({begin, i});
      }
    }
    for (std::size_t t = 0; t < spans_.size(); ++t) {
      const std::size_t from = spans_[t].first;
      if (!may_start(text.substr(from, spans_[t].second - from))) {
        continue;
      }
      for (std::size_t k = t; k < spans_.size() && k < t + tokens_; ++k) {
        const std::int64_t id = find(text.substr(from, spans_[k].second - from));
        if (id >= 0) {
          on_match(static_cast<std::uint32_t>(id), from, spans_[k].second);
        }
      }
    }
  }

  static constexpr std::size_t max_tokens = 8;

private:
  static constexpr bool word(unsigned char b) noexcept {
    return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') || b == '_' ||
           b >= 0x80;
  }
  [[nodiscard]] std::int64_t find(std::string_view key) const noexcept;
  [[nodiscard]] bool may_start(std::string_view token) const noexcept;

  struct slot {
    std::uint64_t hash = 0;
    std::int64_t id = -1;
  };
  std::vector<std::string> keys_;
  std::vector<slot> table_;
  std::uint64_t mask_ = 0;
  std::size_t tokens_ = 1;
  std::vector<std::uint64_t> first_tokens_; ///< bitset over hashes of first tokens
  std::vector<std::pair<std::size_t, std::size_t>> spans_;
};

} // namespace wirespeed::bench
