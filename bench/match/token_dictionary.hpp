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
  template <class F> void scan(std::string_view text, F &&on_match) const {
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    std::size_t starts[max_tokens] = {};
    std::size_t seen = 0;
    std::size_t i = 0;
    while (i < n) {
      while (i < n && !word(p[i])) {
        ++i;
      }
      if (i == n) {
        break;
      }
      const std::size_t begin = i;
      while (i < n && word(p[i])) {
        ++i;
      }
      starts[seen % max_tokens] = begin;
      ++seen;
      const std::size_t back = seen < tokens_ ? seen : tokens_;
      for (std::size_t k = 1; k <= back; ++k) {
        const std::size_t from = starts[(seen - k) % max_tokens];
        const std::int64_t id = find(text.substr(from, i - from));
        if (id >= 0) {
          on_match(static_cast<std::uint32_t>(id), from, i);
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

  struct slot {
    std::uint64_t hash = 0;
    std::int64_t id = -1;
  };
  std::vector<std::string> keys_;
  std::vector<slot> table_;
  std::uint64_t mask_ = 0;
  std::size_t tokens_ = 1;
};

} // namespace wirespeed::bench
