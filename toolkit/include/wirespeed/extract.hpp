#pragma once
/**
 * @file extract.hpp
 * @brief Extractors: boilerplate lines, article metadata, direct quotes
 *        with their speakers, quantities and dates, on the tokenizer and one
 *        combined pattern scan.
 *
 * An extractor_set is built once (it compiles every extractor's patterns
 * into one database) and is immutable: any number of threads call extract()
 * on it, each with its own extract_scratch.
 *
 * @code
 *   wirespeed::extract_error error;
 *   auto set = wirespeed::extractor_set::create({}, error);
 *   if (!set) report(error.message);
 *   wirespeed::extract_scratch scratch;   // one per thread, reused
 *   wirespeed::extraction result;         // reused
 *   if (auto e = set->extract(doc, scratch, result); !e.ok()) report(e.message);
 *   std::string line;
 *   wirespeed::append_extraction_json(line, doc, result, {});
 * @endcode
 */
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wirespeed/document.hpp"
#include "wirespeed/pipeline.hpp"

namespace wirespeed {

/// @brief What a boilerplate line is.
enum class boilerplate_kind : std::uint8_t {
  paywall,
  share,
  related,
  comments,
  caption,
  credit,
  navigation,
  other,
};

/// @brief The kind's name as written in pattern files and output ("paywall").
[[nodiscard]] std::string_view to_string(boilerplate_kind kind) noexcept;
/// @brief Parses a kind name; false when `name` is none.
[[nodiscard]] bool parse_boilerplate_kind(std::string_view name, boilerplate_kind &kind) noexcept;

/// @brief One line of page furniture: bytes [begin, end) of the text, no line break.
struct boilerplate_line {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  boilerplate_kind kind = boilerplate_kind::other;
  friend bool operator==(const boilerplate_line &, const boilerplate_line &) = default;
};

/// @brief One direct quotation: the text between its marks, [begin, end).
struct quote {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string speaker; ///< full name when known; empty: unknown (null in JSON)
  /// The mention of the speaker nearest the quote ("Lew", "he"); both 0 when
  /// there is none.
  std::uint32_t speaker_begin = 0;
  std::uint32_t speaker_end = 0;
  std::string verb;     ///< reporting verb as written ("said"); empty: none
  bool partial = false; ///< a fragment inside the reporter's own sentence
};

/// @brief How a quantity's number relates to the true figure ("at least 30").
enum class quantity_approx : std::uint8_t {
  exact,
  at_least,
  more_than,
  nearly,
  about,
  at_most,
  less_than,
  range,
};
/// @brief The name as written in output ("at_least").
[[nodiscard]] std::string_view to_string(quantity_approx approx) noexcept;

/// @brief A counted amount: "at least 30,800 Palestinians", "$4.2 million", "dozens of people".
struct quantity {
  std::uint32_t begin = 0;        ///< the hedge, currency sign or number
  std::uint32_t end = 0;          ///< after the counted noun or unit, when there is one
  std::uint32_t number_begin = 0; ///< where the number starts, after hedge and sign
  double value = 0;               ///< the number with its scale (2.3 million -> 2300000)
  /// The upper bound when approx is range ("between 30 and 40": value 30,
  /// value_max 40; JSON "max", written for ranges only); else equal to value.
  double value_max = 0;
  bool has_value = true; ///< false for vague amounts ("dozens of"): null in JSON
  quantity_approx approx = quantity_approx::exact;
  std::string unit;  ///< counted noun or unit ("Palestinians", "percent"); empty: none
  std::string event; ///< what happened to them ("killed"); empty: none stated
};

/// @brief What a date mention is.
enum class date_kind : std::uint8_t { absolute, relative, duration };
/// @brief "absolute", "relative", "duration".
[[nodiscard]] std::string_view to_string(date_kind kind) noexcept;

/// @brief A date or duration in the text, resolved against the reference date.
struct date_mention {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  /// "YYYY-MM-DD", "YYYY-MM" or "YYYY" at the grain the text gives; empty:
  /// unknown (a duration, or a relative date without a reference date).
  std::string value;
  date_kind kind = date_kind::absolute;
};

/// @brief What a named entity is.
enum class entity_type : std::uint8_t { person, organization, place };

/// @brief "person", "organization", "place".
[[nodiscard]] std::string_view to_string(entity_type type) noexcept;
/// @brief Parses a type name; false when `name` is none.
[[nodiscard]] bool parse_entity_type(std::string_view name, entity_type &type) noexcept;

/// @brief One mention of a named entity: bytes [begin, end) of the text.
struct entity {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  entity_type type = entity_type::person;
  /// The name every spelling of this entity maps to ("Ismail Haniyeh" for
  /// "Hanyahu", "Daniel Harlow" for a later "Harlow").
  std::string canonical;
  friend bool operator==(const entity &, const entity &) = default;
};

/// @brief Size of the document as the tokenizer saw it.
struct extract_stats {
  std::uint64_t bytes = 0;
  std::uint64_t tokens = 0;
  std::uint64_t sentences = 0;
  std::uint64_t paragraphs = 0;
};

/// @brief Everything extracted from one document. Reuse one per thread.
struct extraction {
  std::string title;
  std::string published;           ///< "YYYY-MM-DD"; empty: unknown
  std::vector<std::string> byline; ///< author names, in order
  std::string dateline;            ///< as written ("JERUSALEM"); empty: none
  std::vector<boilerplate_line> boilerplate;
  std::vector<quote> quotes;
  std::vector<quantity> quantities;
  std::vector<date_mention> dates;
  std::vector<entity> entities; ///< in text order, never overlapping
  extract_stats stats;

  /// @brief Empties every field, keeping storage.
  void clear() noexcept;
};

/// @brief The extractors, by name, in the order they run.
enum class extractor_id : std::uint8_t {
  boilerplate,
  metadata,
  quotes,
  quantities,
  dates,
  entities
};
/// @brief "boilerplate", "metadata", "quotes", "quantities", "dates", "entities".
[[nodiscard]] std::string_view to_string(extractor_id id) noexcept;

/// @brief Which of two small numbers comes first in "07/03/2024": day (dmy) or month (mdy).
enum class date_order : std::uint8_t { dmy, mdy };
/// @brief Parses "dmy" or "mdy"; false when `name` is neither.
[[nodiscard]] bool parse_date_order(std::string_view name, date_order &order) noexcept;

/// @brief How an extractor_set is built.
struct extract_options {
  /// Extra pattern files (`label<TAB>pattern`, match.hpp syntax). The label
  /// routes a pattern: a boilerplate kind (`share`), `verb` (a reporting
  /// verb) or `title` (a title before names, "Governor"); other labels are
  /// an error.
  std::vector<std::string> pattern_files;
  /// Which extractors run; empty: all. A field whose extractor does not run
  /// stays empty (boilerplate-dependent rules then see no boilerplate).
  std::vector<extractor_id> extractors;
  /// Order of day and month in numeric dates whose order the numbers leave
  /// open ("07/03/2024"); a number above 12 settles the order either way.
  date_order numeric_date_order = date_order::dmy;
  /// "YYYY-MM-DD": resolves relative dates ("on Thursday", "last week") of
  /// documents whose publication date is unknown (neither the record nor the
  /// text gives one); empty: those stay unresolved (null).
  std::string reference_date;
  /// Extra gazetteer files (`type<TAB>name[<TAB>canonical]`, type person,
  /// organization or place); they win over the built-in lists for the same name.
  std::vector<std::string> gazetteer_files = {};
  /// Extra alias files (`canonical<TAB>alias`, as corpora/patterns/aliases.txt).
  std::vector<std::string> alias_files = {};
  /// Whether the built-in gazetteer (corpora/gazetteer/) is loaded; off, only
  /// the user's lists and the rules tag entities (`gazetteer build` mines that way).
  bool builtin_gazetteer = true;
  /// Keep the compiled pattern database on disk (match.hpp's cache, keyed by the
  /// patterns and the CPU), so a start-up loads the ~5,000 built-in names instead
  /// of compiling them.
  bool use_cache = false;
  /// Cache directory; empty: match::default_cache_dir().
  std::string cache_dir = {};
};

/// @brief Why an extractor_set could not be built or a document not processed.
struct extract_error {
  std::string message; ///< empty when all is well
  [[nodiscard]] bool ok() const noexcept { return message.empty(); }
};

namespace extract_detail {
struct scratch_state;
struct set_state;
} // namespace extract_detail

/// @brief Per-thread working memory (tokens, matches). Move-only.
class extract_scratch {
public:
  extract_scratch();
  ~extract_scratch();
  extract_scratch(extract_scratch &&) noexcept;
  extract_scratch &operator=(extract_scratch &&) noexcept;
  extract_scratch(const extract_scratch &) = delete;
  extract_scratch &operator=(const extract_scratch &) = delete;
  /// @brief Seconds the extract() calls with this scratch have spent in
  ///        "tokenise" (tokens and lines), "scan" (the one pattern scan) and
  ///        "extract" (routing the matches and running the extractors).
  [[nodiscard]] std::vector<named_seconds> stage_times() const;

private:
  friend class extractor_set;
  std::unique_ptr<extract_detail::scratch_state> state_;
};

/// @brief The built-in pattern lists plus the user's, compiled once.
class extractor_set {
public:
  /// @brief Builds a set; on error returns null and fills `error`.
  [[nodiscard]] static std::shared_ptr<const extractor_set> create(const extract_options &options,
                                                                   extract_error &error);
  ~extractor_set();
  extractor_set(const extractor_set &) = delete;
  extractor_set &operator=(const extractor_set &) = delete;

  /// @brief Runs every enabled extractor on `doc`; `out` is cleared first.
  [[nodiscard]] extract_error extract(const document &doc, extract_scratch &scratch,
                                      extraction &out) const;
  /// @brief Number of patterns in the combined database.
  [[nodiscard]] std::size_t pattern_count() const noexcept;

private:
  extractor_set();
  std::unique_ptr<extract_detail::set_state> state_;
};

/// @brief Output fields of `wirespeed extract`; id, source and url are always written.
enum extract_field : std::uint32_t {
  field_title = 1u << 0,
  field_published = 1u << 1,
  field_byline = 1u << 2,
  field_dateline = 1u << 3,
  field_boilerplate = 1u << 4,
  field_quotes = 1u << 5,
  field_quantities = 1u << 6,
  field_dates = 1u << 7,
  field_entities = 1u << 8,
  field_stats = 1u << 9,
  field_all = (1u << 10) - 1,
};

/// @brief Parses a field name ("quotes"); 0 when unknown.
[[nodiscard]] std::uint32_t parse_extract_field(std::string_view name) noexcept;
/// @brief The extractors that `fields` need (to skip the rest).
[[nodiscard]] std::vector<extractor_id> extractors_for(std::uint32_t fields);

/// @brief How an extraction is written.
struct extract_output_options {
  std::uint32_t fields = field_all;
  bool clean_text = false; ///< add "text": the text without its boilerplate lines
};

/// @brief The text without its boilerplate lines (each removed with its line break).
[[nodiscard]] std::string clean_text(std::string_view text, const extraction &result);

/// @brief Appends one JSON object (no newline): id, source, url, then the
///        selected fields in the order title, published, byline, dateline,
///        boilerplate, quotes, quantities, dates, entities, stats, text.
void append_extraction_json(std::string &out, const document &doc, const extraction &result,
                            const extract_output_options &options);

/// @brief The processor of `wirespeed extract`: one JSON line per document.
[[nodiscard]] std::unique_ptr<document_processor>
make_extract_processor(std::shared_ptr<const extractor_set> set,
                       const extract_output_options &options);

} // namespace wirespeed
