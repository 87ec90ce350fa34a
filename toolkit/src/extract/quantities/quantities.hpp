#pragma once
// Pieces of the quantities extractor shared between its files.
#include <cstdint>
#include <vector>

#include "extract/common/lexicon.hpp"
#include "extract/common/word_list.hpp"
#include "extract/extractor.hpp"

namespace wirespeed::extract_detail {

/// The extractor's word lists.
struct quantity_lexicon {
  lexicon words;        ///< corpora/patterns/quantities.txt
  word_list time_units; ///< corpora/patterns/time_units.txt: no event for durations
  /// The looked-up kinds of `words` asked about around every number.
  lexicon::word_kind age, time, stop;
};

/// The scanned phrases of one document by the tokens they start and end
/// at. The arrays are kept between documents, all -1 but for the last
/// document's hits, which index() unsets first: a document costs its hits,
/// not a fill per token.
struct hit_index {
  std::vector<int> starting;             ///< token -> index of the hit starting there, or -1
  std::vector<int> ending;               ///< token -> index of the hit ending just before it, or -1
  std::vector<std::uint32_t> set_tokens; ///< the entries set, to unset next time

  /// Indexes `hits` (in text order) of a document of `tokens` tokens.
  void index(const std::vector<lexicon_hit> &hits, std::size_t tokens);
};

/// One document's scanned phrases, indexed by the tokens they start and end at.
struct quantity_scan {
  const context &ctx;
  const quantity_lexicon &lex;
  const std::vector<lexicon_hit> &hits;
  const hit_index &by_token;

  [[nodiscard]] const lexicon_hit *hit_at(std::size_t token) const {
    const auto &at = by_token.starting;
    return token < at.size() && at[token] >= 0 ? &hits[static_cast<std::size_t>(at[token])]
                                               : nullptr;
  }
  [[nodiscard]] const lexicon_hit *hit_ending(std::size_t token) const {
    const auto &at = by_token.ending;
    return token < at.size() && at[token] >= 0 ? &hits[static_cast<std::size_t>(at[token])]
                                               : nullptr;
  }
};

/// A quantity with the tokens it spans.
struct found_quantity {
  quantity q;
  std::size_t first_token = 0;  ///< hedge, sign or number
  std::size_t number_token = 0; ///< the number (or vague phrase)
  std::size_t end_token = 0;    ///< one past the unit or number
};

/// Storage of the above, kept between documents.
struct quantity_buffers {
  std::vector<lexicon_hit> hits;
  hit_index by_token;
  std::vector<found_quantity> found;
};

/// Sets each quantity's event from its sentence: a verb right before it
/// ("killed at least 30"), one shortly after it ("82 people had been killed",
/// across an apposition), a noun that is one ("49 deaths"), or the event of
/// the amount it is part of ("dozens of people, 11 of them").
void assign_events(const quantity_scan &s, std::vector<found_quantity> &found);

} // namespace wirespeed::extract_detail
