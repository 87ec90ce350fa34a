#pragma once
// Line-anchored boilerplate regexes that are not a few fixed phrases
// ("^\d+ comments?$", "^[\w ]*desk ?\| ?[\w ]+$"), run by the boilerplate
// extractor on each line it walks instead of in the shared Hyperscan scan.
// In the scan such a regex runs an automaton over every byte of every
// document (the 13 of the built-in list cost about a third of the scan);
// here it starts at a line start only, after a first-byte check, and most
// lines end it within a few bytes.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "extract/boilerplate/line_phrases.hpp"
#include "wirespeed/extract.hpp"

namespace wirespeed::extract_detail {

struct glushkov;

/// One ASCII regex opening with "^", matched as Hyperscan matches it with
/// the caseless and multiline flags (byte mode: \w, \d, \s are ASCII): a
/// position (Glushkov) automaton of at most max_positions positions, made a
/// DFA so that a line costs one table step per byte.
class line_regex {
public:
  static constexpr std::size_t max_positions = 256;

  /// The regex made of literal characters, escaped punctuation, ".", \d \w
  /// \s \D \W \S, bracket classes, groups, "|", and the greedy quantifiers
  /// ? * + {n} {n,} {n,m}, ending in "$", "\b" or neither. nullopt for any
  /// other regex (non-ASCII, assertions inside, lazy quantifiers, one that
  /// matches the empty line, too many positions): the scan runs those.
  [[nodiscard]] static std::optional<line_regex> compile(std::string_view regex);

  /// The length of the longest match at the start of `line` (its bytes up to
  /// the '\n', a '\r' included: "$" is a line break or the end of the text)
  /// that ends at or before `limit`; 0 when none does.
  [[nodiscard]] std::size_t longest(std::string_view line, std::size_t limit) const noexcept;

  /// Whether a match can open with byte `b`.
  [[nodiscard]] bool may_open_with(unsigned char b) const noexcept;

  using bytes = std::array<std::uint64_t, 4>;     ///< a set of byte values
  using positions = std::array<std::uint64_t, 4>; ///< a set of positions

private:
  static constexpr std::size_t max_states = 1024;
  line_regex() = default;
  /// Builds the DFA of the position automaton; false past max_states.
  bool determinize(const glushkov &nfa);

  std::array<std::uint8_t, 256> column_of_{}; ///< bytes alike for the regex share one
  std::size_t columns_ = 0;
  std::vector<std::uint16_t> next_;     ///< state * columns_ + column -> state (0: dead)
  std::vector<std::uint8_t> accepting_; ///< the state may end a match
  int required_ = -1;                   ///< a byte every match holds ('|' of "desk ?\|"), or -1
  bytes opening_bytes_{};               ///< bytes a match may open with
  line_anchor anchor_ = line_anchor::opens;
};

/// Many line regexes, each with its boilerplate kind, indexed by the bytes
/// a match may open with.
class line_regex_table {
public:
  void add(line_regex regex, boilerplate_kind kind);

  /// Calls f(length, kind) for each regex matching at the start of `line`
  /// (as line_regex::longest), in the order they were added.
  template <class F> void each_match(std::string_view line, std::size_t limit, F &&f) const {
    if (line.empty()) {
      return;
    }
    for (std::uint32_t i : by_first_byte_[static_cast<unsigned char>(line[0])]) {
      if (std::size_t n = entries_[i].regex.longest(line, limit); n != 0) {
        f(n, entries_[i].kind);
      }
    }
  }

private:
  struct entry {
    line_regex regex;
    boilerplate_kind kind{};
  };
  std::vector<entry> entries_;
  std::array<std::vector<std::uint32_t>, 256> by_first_byte_;
};

} // namespace wirespeed::extract_detail
