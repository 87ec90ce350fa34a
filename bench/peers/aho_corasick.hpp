#pragma once
// A plain Aho-Corasick automaton (Debian has no C++ library for one), the
// textbook peer for dictionary matching: a trie with failure links, a dense
// root row, sorted child lists elsewhere, and dictionary-suffix links so every
// (overlapping) occurrence is reported, as Hyperscan's all-matches mode does.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wirespeed::bench {

class aho_corasick {
public:
  explicit aho_corasick(const std::vector<std::string> &patterns);

  /// Calls on_match(pattern id, end offset) for every occurrence.
  template <class F> void scan(std::string_view text, F &&on_match) const {
    std::int32_t at = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      at = next(at, static_cast<unsigned char>(text[i]));
      for (std::int32_t s = states_[at].output ? at : states_[at].dict; s > 0;
           s = states_[s].dict) {
        on_match(states_[s].pattern, i + 1);
      }
    }
  }

  [[nodiscard]] std::size_t memory_bytes() const noexcept;

private:
  struct edge {
    unsigned char byte;
    std::int32_t target;
  };
  struct state {
    std::uint32_t first_edge = 0;
    std::uint32_t edge_count = 0;
    std::int32_t fail = 0;
    std::int32_t dict = 0; ///< nearest proper suffix state that ends a pattern
    std::uint32_t pattern = 0;
    bool output = false;
  };

  [[nodiscard]] std::int32_t child(std::int32_t s, unsigned char b) const noexcept;
  [[nodiscard]] std::int32_t next(std::int32_t s, unsigned char b) const noexcept {
    for (;;) {
      if (s == 0) {
        return root_[b];
      }
      if (const std::int32_t c = child(s, b); c >= 0) {
        return c;
      }
      s = states_[s].fail;
    }
  }

  std::vector<state> states_;
  std::vector<edge> edges_;
  std::int32_t root_[256] = {};
};

} // namespace wirespeed::bench
