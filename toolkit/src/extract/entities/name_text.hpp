#pragma once
// The spelling of one name or word, as the name tagger reads it: where a
// possessive or case ending starts, whether a word is camel case, and title
// case for datelines written in capitals.
#include <cstddef>
#include <string>
#include <string_view>

namespace wirespeed::extract_detail {

/// The byte offset in `word` of the apostrophe ("'" or U+2019) that starts a
/// possessive or case ending of at most five bytes not starting with a
/// capital ("Rafa's", "NDM’s", Turkish "Malatya'nın"), or npos ("O'Brien",
/// "'90s", "rock'n'roll's" past the ending's length). Only the last apostrophe
/// of each kind counts, "'" before U+2019.
[[nodiscard]] std::size_t possessive_at(std::string_view word) noexcept;

/// A word with an ASCII capital after an ASCII small letter ("NightKraken",
/// "LinkedIn").
[[nodiscard]] bool is_camel_case(std::string_view word) noexcept;

/// "PORT ALDER" -> "Port Alder" (Latin, Latin-1 and Cyrillic capitals).
[[nodiscard]] std::string title_case(std::string_view upper);

} // namespace wirespeed::extract_detail
