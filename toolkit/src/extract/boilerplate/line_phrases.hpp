#pragma once
// Line-anchored boilerplate patterns that are a finite set of phrases
// ("^(share|print|email)$", "^get (unlimited|full) access"), checked per line
// by the boilerplate extractor instead of the shared Hyperscan scan. In the
// scan every such regex costs on every line break of every document (about
// 1 % of scan speed each, 60 % for the list); here a line costs one table
// probe on its first byte.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wirespeed/extract.hpp"

namespace wirespeed::extract_detail {

/// Where a phrase must sit in its line.
enum class line_anchor : std::uint8_t {
  opens,      ///< "^x": the line starts with the phrase
  opens_word, ///< "^x\b": ... and a word boundary follows it
  whole,      ///< "^x$": the phrase is the whole line
};

/// The phrases a regex stands for, and where they sit.
struct line_phrase_set {
  std::vector<std::string> phrases;
  line_anchor anchor = line_anchor::opens;
};

/// The phrases of an ASCII regex made of "^", literal characters, escaped
/// punctuation, groups ("(...)", "(?:...)"), alternation and "?", ending in
/// "$", "\b" or neither; phrases are lower-cased, since boilerplate patterns
/// ignore case. nullopt for any other regex (classes, repeats, non-ASCII,
/// an empty phrase, more than `max_phrases`): the scan runs those.
[[nodiscard]] std::optional<line_phrase_set> line_phrases_of(std::string_view regex,
                                                             std::size_t max_phrases = 256);

/// The phrases of many patterns, each with its boilerplate kind.
class line_phrase_table {
public:
  void add(const line_phrase_set &set, boilerplate_kind kind);

  struct hit {
    std::uint32_t length = 0; ///< bytes of the phrase, from the line start
    boilerplate_kind kind{};
  };
  /// The longest phrase at the start of `line` (its bytes up to the '\n',
  /// a '\r' included: "$" is a line break or the end of the text), ignoring
  /// ASCII case.
  [[nodiscard]] std::optional<hit> longest(std::string_view line) const noexcept;

  [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }

private:
  struct entry {
    std::string phrase;
    line_anchor anchor{};
    boilerplate_kind kind{};
  };
  using buckets = std::array<std::vector<std::uint32_t>, 256>;
  /// `bucket` of the phrase's first byte holds it, longest phrases first.
  void index(buckets &by_first_byte, std::uint32_t entry);

  std::vector<entry> entries_;
  /// Whole-line phrases apart: a line longer than all of them (most prose)
  /// skips them with one comparison.
  buckets whole_;
  buckets opening_;
  std::size_t longest_whole_ = 0;
};

} // namespace wirespeed::extract_detail
