#pragma once
// Word lists of the form kind<TAB>argument<TAB>phrase (corpora/patterns/
// quantities.txt, dates.txt): the kinds an extractor scans for go into the
// combined pattern set, the rest are looked up on tokens. Matches of the
// scanned phrases come back as token ranges with their entry.
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/common/digit_starts.hpp"
#include "extract/common/string_hash.hpp"
#include "extract/common/word_list.hpp"
#include "extract/extractor.hpp"

namespace wirespeed::extract_detail {

struct lexicon_entry {
  std::string kind;
  std::string argument;
};

/// A scanned phrase found in the text: tokens [first, end) and its entry.
struct lexicon_hit {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  std::uint32_t begin_byte = 0; ///< the phrase itself, which may end inside a
  std::uint32_t end_byte = 0;   ///< token ("six" in "six-week")
  const lexicon_entry *entry = nullptr;
};

/// Calls f(i, h) for each token i where an amount or a date can start: a
/// token starting with a digit, or the first token of a hit (`hits` in text
/// order). h is the index of the first hit whose first token is i or later
/// (hits[h].first == i: a hit starts there). f returns the token to go on
/// from: past what it read, or i (or less) to go on with the next token.
/// `digits` (reset for the document of `tokens`) finds the digits from the
/// text's bytes: most tokens start nothing, and are never looked at one by one.
template <typename F>
void for_each_start(std::span<const token> tokens, std::span<const lexicon_hit> hits,
                    const digit_starts &digits, F &&f) {
  std::size_t h = 0;
  std::size_t digit = digits.next(0);
  for (std::size_t i = 0; i < tokens.size();) {
    while (h < hits.size() && hits[h].first < i) {
      ++h;
    }
    if (digit < i) {
      digit = digits.next(i);
    }
    const std::size_t at = std::min<std::size_t>(digit, h < hits.size() ? hits[h].first : digit);
    if (at >= tokens.size()) {
      return;
    }
    const std::size_t next = f(at, h);
    i = next > at ? next : at + 1;
  }
}

class lexicon {
public:
  /// Parses `text` (`origin` names it in errors). Phrases whose kind is in
  /// `scanned` are added to `set` as whole-word literals (signs such as "$"
  /// and "%" without the whole-word bound), ASCII case ignored when
  /// `caseless`, under `tag`; the others are kept for lookup(). Returns an
  /// error message or "".
  std::string load(std::string_view text, std::string_view origin,
                   std::initializer_list<std::string_view> scanned, match::pattern_set &set,
                   std::uint32_t tag, bool caseless = true);

  /// A looked-up kind ("age", "stop"), found by name once: is() is asked of
  /// the words around every number, where comparing kind names would cost
  /// more than the lookup. A kind no word has is never matched.
  struct word_kind {
    std::uint32_t index = ~std::uint32_t{0};
  };
  [[nodiscard]] word_kind kind(std::string_view name) const noexcept;

  /// Whether the looked-up single word `word` (ASCII case ignored) is listed
  /// under `kind` (a word may be listed under several).
  [[nodiscard]] bool is(std::string_view word, word_kind kind) const;
  [[nodiscard]] bool is(std::string_view word, std::string_view kind) const {
    return is(word, this->kind(kind));
  }

  /// Calls f(entry) for every entry, scanned or looked up.
  template <typename F> void for_each(F &&f) const {
    for (const lexicon_entry &e : scanned_) {
      f(e);
    }
    for (const lexicon_entry &e : looked_up_) {
      f(e);
    }
  }

  /// The scanned phrases among ctx.matches, leftmost-longest and without
  /// overlaps, in text order.
  void hits(const context &ctx, std::vector<lexicon_hit> &out) const;

private:
  // Scanned entries by pattern id - first_id_: an extractor adds its
  // patterns in one go, so their ids are consecutive.
  std::uint32_t first_id_ = 0;
  std::vector<lexicon_entry> scanned_;
  std::vector<lexicon_entry> looked_up_;
  /// Folded word -> its kinds, bit k for kinds_[k].
  std::unordered_map<std::string, std::uint32_t, string_hash, std::equal_to<>> words_;
  /// Each looked-up kind with a sketch of its words: most words asked
  /// about are listed under another kind ("the" is asked whether it is an
  /// "age"), which the kind's own sketch rules out before a hash lookup.
  struct kind_words {
    std::string name;
    word_sketch sketch;
  };
  std::vector<kind_words> kinds_;
  /// Adds a word looked up under entry.kind; an error message or "".
  std::string add_looked_up(std::string_view word, lexicon_entry entry);
};

} // namespace wirespeed::extract_detail
