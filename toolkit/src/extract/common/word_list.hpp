#pragma once
// A list of words or phrases read from pattern-file text, for lookups on
// tokens where a pattern match would be overkill (titles before a name).
#include <bitset>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "extract/common/string_hash.hpp"
#include "extract/common/text.hpp"

namespace wirespeed::extract_detail {

/// A summary of a set of words (their length, first and last byte, ASCII
/// case ignored) in 4096 bits. Most words looked up are in no list: it says
/// so before they are folded and hashed. A word it may hold is looked up.
class word_sketch {
public:
  void add(std::string_view word) noexcept { bits_.set(slot(word)); }
  [[nodiscard]] bool may_contain(std::string_view word) const noexcept {
    return bits_.test(slot(word));
  }

private:
  // Inline: asked of the words next to every number and of every name token.
  static std::size_t slot(std::string_view word) noexcept {
    if (word.empty()) {
      return 0;
    }
    const auto first = static_cast<unsigned char>(ascii_lower(word.front()));
    const auto last = static_cast<unsigned char>(ascii_lower(word.back()));
    return ((word.size() * 31 + first) * 31 + last) % 4096;
  }
  std::bitset<4096> bits_;
};

class word_list {
public:
  /// Adds each non-comment line of `text` (trimmed); ASCII case is ignored.
  void load(std::string_view text);
  void add(std::string_view word);
  [[nodiscard]] bool contains(std::string_view word) const;

private:
  std::unordered_set<std::string, string_hash, std::equal_to<>> words_;
  word_sketch sketch_;
};

/// Calls f(label, pattern) for each `label<TAB>pattern` or `pattern` line.
template <typename F> void for_each_list_line(std::string_view text, F &&f) {
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') {
      continue;
    }
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      f(std::string_view{}, line);
    } else {
      f(line.substr(0, tab), line.substr(tab + 1));
    }
  }
}

} // namespace wirespeed::extract_detail
