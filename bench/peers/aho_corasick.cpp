#include "peers/aho_corasick.hpp"

#include <algorithm>
#include <deque>
#include <map>

namespace wirespeed::bench {

aho_corasick::aho_corasick(const std::vector<std::string> &patterns) {
  // Build with maps, then freeze into sorted edge arrays.
  std::vector<std::map<unsigned char, std::int32_t>> trie(1);
  std::vector<std::int64_t> ends(1, -1);
  for (std::uint32_t id = 0; id < patterns.size(); ++id) {
    std::int32_t s = 0;
    for (const char c : patterns[id]) {
      const auto b = static_cast<unsigned char>(c);
      auto it = trie[s].find(b);
      if (it == trie[s].end()) {
        it = trie[s].emplace(b, static_cast<std::int32_t>(trie.size())).first;
        trie.emplace_back();
        ends.push_back(-1);
      }
      s = it->second;
    }
    if (ends[s] < 0) {
      ends[s] = id; // a duplicate pattern reports its first id
    }
  }
  states_.resize(trie.size());
  for (std::size_t s = 0; s < trie.size(); ++s) {
    states_[s].first_edge = static_cast<std::uint32_t>(edges_.size());
    states_[s].edge_count = static_cast<std::uint32_t>(trie[s].size());
    states_[s].output = ends[s] >= 0;
    states_[s].pattern = ends[s] >= 0 ? static_cast<std::uint32_t>(ends[s]) : 0;
    for (const auto &[b, t] : trie[s]) {
      edges_.push_back({b, t});
    }
  }
  for (int b = 0; b < 256; ++b) {
    root_[b] = 0;
  }
  std::deque<std::int32_t> queue;
  for (const auto &[b, t] : trie[0]) {
    root_[b] = t;
    queue.push_back(t);
  }
  while (!queue.empty()) {
    const std::int32_t s = queue.front();
    queue.pop_front();
    for (const auto &[b, t] : trie[s]) {
      states_[t].fail = next(states_[s].fail, b);
      const std::int32_t f = states_[t].fail;
      states_[t].dict = states_[f].output ? f : states_[f].dict;
      queue.push_back(t);
    }
  }
}

std::int32_t aho_corasick::child(std::int32_t s, unsigned char b) const noexcept {
  const state &st = states_[s];
  const edge *first = edges_.data() + st.first_edge;
  const edge *last = first + st.edge_count;
  const edge *it =
      std::lower_bound(first, last, b, [](const edge &e, unsigned char x) { return e.byte < x; });
  return it != last && it->byte == b ? it->target : -1;
}

std::size_t aho_corasick::memory_bytes() const noexcept {
  return states_.size() * sizeof(state) + edges_.size() * sizeof(edge) + sizeof root_;
}

} // namespace wirespeed::bench
