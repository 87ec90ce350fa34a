#pragma once
// Words around and inside a capitalised run that say what kind of name it
// is: "Ministry", "News", "Inc." end organisations; "Street", "Airport" end
// places; honorifics and role words ("spokesman") precede people.
#include <cstdint>
#include <optional>
#include <string_view>

#include "wirespeed/extract.hpp"

namespace wirespeed::extract_detail {

/// The closed lists a word is in, as bits of `cue`.
using cue_set = std::uint16_t;
namespace cue {
inline constexpr cue_set organization_tail = 1 << 0;  ///< "Ministry", "Inc."
inline constexpr cue_set place_tail = 1 << 1;         ///< "Street", "River"
inline constexpr cue_set place_head = 1 << 2;         ///< "Cape", "Lake"
inline constexpr cue_set organization_head = 1 << 3;  ///< "Deportivo", "Banco"
inline constexpr cue_set connector_head = 1 << 4;     ///< "University" (of ...)
inline constexpr cue_set connector = 1 << 5;          ///< "of", "von", "bin"
inline constexpr cue_set role_word = 1 << 6;          ///< "spokeswoman", "minister"
inline constexpr cue_set common_capitalised = 1 << 7; ///< "The", "Monday"
inline constexpr cue_set place_preposition = 1 << 8;  ///< "near", "outside"
inline constexpr cue_set place_noun = 1 << 9;         ///< "border", "village"
inline constexpr cue_set common_acronym = 1 << 10;    ///< "GMT", "CEO"
inline constexpr cue_set company_suffix = 1 << 11;    ///< "Ltd", "GmbH"
inline constexpr cue_set speech_verb = 1 << 12;       ///< "said", "told"
inline constexpr cue_set preposition = 1 << 13;       ///< "on", "with"
// (token_cues keeps the top two bits for itself)
} // namespace cue

/// Which of the lists in `wanted` hold `word` (exact bytes, case counts):
/// one table answers all the questions below.
[[nodiscard]] cue_set cues_of(std::string_view word, cue_set wanted = ~cue_set{0}) noexcept;

/// The type a run's last word gives it, from the lists the word is in
/// (cues_of(word)): "Interior Ministry" organization, "Kaplan Street" place.
[[nodiscard]] constexpr std::optional<entity_type> type_from_last_word(cue_set lists) noexcept {
  if ((lists & cue::organization_tail) != 0) {
    return entity_type::organization;
  }
  if ((lists & cue::place_tail) != 0) {
    return entity_type::place;
  }
  return std::nullopt;
}
/// The type a run's first word gives it: "Lake Mead" place, "Banco Santander"
/// organization.
[[nodiscard]] constexpr std::optional<entity_type> type_from_first_word(cue_set lists) noexcept {
  if ((lists & cue::place_head) != 0) {
    return entity_type::place;
  }
  if ((lists & (cue::connector_head | cue::organization_head)) != 0) {
    return entity_type::organization;
  }
  return std::nullopt;
}

[[nodiscard]] inline bool is_company_suffix(std::string_view word) noexcept {
  return cues_of(word, cue::company_suffix) != 0;
}

} // namespace wirespeed::extract_detail
