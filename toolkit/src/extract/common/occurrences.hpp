#pragma once
// Every place a short string occurs in a stretch of text. The speaker rules
// look back through an article for the earlier, longer form of a name
// ("Lew" -> "Jack Lew"): a byte-at-a-time search (memchr on the first byte,
// then a compare) stops at every capital of the same letter and guesses
// wrong at most of those stops.
#include <cstdint>
#include <string_view>
#include <vector>

namespace wirespeed::extract_detail {

/// The offsets at which `needle` occurs in `haystack`, plus `base`, in
/// ascending order, into `out` (cleared first). Occurrences may overlap.
/// An empty needle occurs nowhere.
void find_occurrences(std::string_view haystack, std::string_view needle, std::uint32_t base,
                      std::vector<std::uint32_t> &out);

} // namespace wirespeed::extract_detail
