#pragma once
// Tagging the names of one document from list hits, the dateline and
// capitalised runs of tokens, and giving each its canonical name.
#include <string_view>
#include <vector>

#include "extract/common/word_list.hpp"
#include "extract/entities/gazetteer.hpp"
#include "extract/extractor.hpp"

namespace wirespeed::extract_detail {

/// What the tagger knows besides the document.
struct name_lexicon {
  gazetteer names;  ///< list entries and aliases
  word_list titles; ///< "President", "Dr.": a person's name follows
};

/// One gazetteer or alias entry found in the text, [begin, end).
struct list_hit {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  const gazetteer_entry *entry = nullptr;
};

/// Appends the entities of the document to `out`, in text order. `hits` are
/// non-overlapping, in text order; `found` holds the earlier extractors'
/// results (boilerplate lines hold no names; the dateline is a place).
void tag_names(const context &ctx, const name_lexicon &lex, std::span<const list_hit> hits,
               const extraction &found, std::vector<entity> &out);

} // namespace wirespeed::extract_detail
