#pragma once
// Words around and inside a capitalised run that say what kind of name it
// is: "Ministry", "News", "Inc." end organisations; "Street", "Airport" end
// places; honorifics and role words ("spokesman") precede people.
#include <optional>
#include <string_view>

#include "wirespeed/extract.hpp"

namespace wirespeed::extract_detail {

/// The type a run's last word gives it ("Interior Ministry": organization,
/// "Kaplan Street": place), or nothing.
[[nodiscard]] std::optional<entity_type> type_from_last_word(std::string_view word) noexcept;
/// The type a run's first word gives it ("Cape Canaveral", "Lake Tahoe": place).
[[nodiscard]] std::optional<entity_type> type_from_first_word(std::string_view word) noexcept;
/// A word after which "of"/"for the" continues the same name ("University of
/// Edinburgh", "Centre for Cyber Security", "Court of Appeals for the D.C. Circuit").
[[nodiscard]] bool continues_over_connector(std::string_view word) noexcept;
/// A lower-case word joining two parts of one name ("of", "for", "the", "de").
[[nodiscard]] bool is_connector(std::string_view word) noexcept;
/// A lower-case word naming a role that precedes a person's name ("spokesman").
[[nodiscard]] bool is_role_word(std::string_view word) noexcept;
/// A capitalised word that is not a name by itself: sentence openers,
/// pronouns, weekdays and months.
[[nodiscard]] bool is_common_capitalised(std::string_view word) noexcept;
/// A reporting verb next to a run of capitalised words ("said", "told"):
/// the run is the speaker, a person.
[[nodiscard]] bool is_speech_verb(std::string_view word) noexcept;
/// A preposition ("on", "of", "in"): a lone capitalised word after it is a
/// name worth looking up by spelling distance.
[[nodiscard]] bool is_preposition(std::string_view word) noexcept;
/// A preposition after which a lone capitalised word is a place ("in Rafah").
[[nodiscard]] bool is_place_preposition(std::string_view word) noexcept;

/// A lower-case noun after a name that makes it a place ("the Ayalon
/// highway", "the Yeşilyurt district") or, before "of", introduces one ("the
/// town of Faenza").
[[nodiscard]] bool is_place_noun(std::string_view word) noexcept;
/// An all-capitals word that is not an organisation: time zones, "TV", "CEO".
[[nodiscard]] bool is_common_acronym(std::string_view word) noexcept;
/// A company suffix left out of the canonical name ("Meridian Freight Inc.").
[[nodiscard]] bool is_company_suffix(std::string_view word) noexcept;

} // namespace wirespeed::extract_detail
