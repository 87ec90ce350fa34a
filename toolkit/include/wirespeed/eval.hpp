#pragma once
/**
 * @file eval.hpp
 * @brief Scores extractions against hand-written gold annotations.
 *
 * Gold is JSON Lines, one object per document (corpora/sample/gold.jsonl):
 * {"id","title","published","byline":[..],"dateline",
 *  "boilerplate":[{"text","kind"}], "quotes":[{"text","speaker","verb","partial"}],
 *  "quantities":[{"text","value","approx","unit","event"}], "dates":[{"text","value","kind"}],
 *  "entities":[{"text","type","canonical"}]}.
 * Spans are given by their exact text. A prediction matches a gold item of
 * the same document with the same text (each gold item matches once), so
 * precision and recall do not depend on offsets; speaker accuracy, quantity
 * details (value, approx and unit all right), quantity events and resolved
 * date values are counted over matched items. Entities are scored per type
 * (person, organization, place) on the distinct texts of each type a document
 * has, as the gold lists them; canonical accuracy is counted over matched
 * entities.
 */
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wirespeed/extract.hpp"

namespace wirespeed {

/// @brief True/false positives and false negatives of one field.
struct eval_counts {
  std::uint64_t true_positives = 0;
  std::uint64_t false_positives = 0;
  std::uint64_t false_negatives = 0;
  [[nodiscard]] double precision() const noexcept;
  [[nodiscard]] double recall() const noexcept;
  [[nodiscard]] double f1() const noexcept;
};

/// @brief The scored fields, in report order.
inline constexpr const char *eval_fields[] = {
    "boilerplate", "quotes", "byline", "dateline",     "published", "title",
    "quantities",  "dates",  "person", "organization", "place"};
inline constexpr std::size_t eval_field_count = std::size(eval_fields);

/// @brief Totals over the documents scored so far.
struct eval_report {
  eval_counts fields[eval_field_count];
  std::uint64_t speakers_right = 0;         ///< matched quotes whose speaker is right
  std::uint64_t speakers_total = 0;         ///< matched quotes
  std::uint64_t quantity_details_right = 0; ///< matched quantities with value, approx, unit right
  std::uint64_t quantity_events_right = 0;  ///< matched quantities with the gold event
  std::uint64_t quantities_total = 0;       ///< matched quantities
  std::uint64_t date_values_right = 0;      ///< matched dates with the gold value
  std::uint64_t dates_total = 0;            ///< matched dates
  std::uint64_t canonical_right = 0;        ///< matched entities whose canonical name is right
  std::uint64_t canonical_total = 0;        ///< matched entities
  std::uint64_t documents = 0;              ///< documents scored
  std::uint64_t without_gold = 0;           ///< documents whose id has no gold record
  /// One line per error ("id: quotes: missed \"...\""), for --verbose.
  std::vector<std::string> errors;

  [[nodiscard]] double speaker_accuracy() const noexcept;
  /// @brief Share of matched quantities whose value, approx and unit are right.
  [[nodiscard]] double quantity_detail_accuracy() const noexcept;
  /// @brief Share of matched quantities whose event is right (null = null).
  [[nodiscard]] double quantity_event_accuracy() const noexcept;
  /// @brief Share of matched dates whose resolved value is right (null = null).
  [[nodiscard]] double date_value_accuracy() const noexcept;
  [[nodiscard]] double canonical_accuracy() const noexcept;
  /// @brief Adds another report's totals (another worker's).
  void merge(const eval_report &other);
};

namespace eval_detail {
struct gold_record;
}

/// @brief Gold annotations by document id; immutable once loaded.
class gold_set {
public:
  gold_set();
  ~gold_set();
  gold_set(gold_set &&) noexcept;
  gold_set &operator=(gold_set &&) noexcept;

  /// @brief Parses gold JSON Lines; false (and `error` says where) when malformed.
  [[nodiscard]] bool load(std::string_view jsonl, std::string &error);
  /// @brief Reads and parses a gold file.
  [[nodiscard]] bool load_file(const std::string &path, std::string &error);
  [[nodiscard]] std::size_t size() const noexcept;

  /// @brief Scores one document's extraction into `report`.
  void score(const document &doc, const extraction &result, eval_report &report) const;

private:
  std::vector<std::unique_ptr<eval_detail::gold_record>> records_;
};

/// @brief The report as a text table: field, tp, fp, fn, precision, recall, F1,
///        then speaker accuracy, quantity detail and event accuracy, date value accuracy
///        and canonical accuracy.
[[nodiscard]] std::string format_eval_table(const eval_report &report);
/// @brief The report as one JSON object (newline-terminated).
[[nodiscard]] std::string format_eval_json(const eval_report &report);

/// @brief The processor of `wirespeed eval`: extracts each document, scores it,
///        and writes the report (table or JSON, then errors when `verbose`) at the end.
[[nodiscard]] std::unique_ptr<document_processor>
make_eval_processor(std::shared_ptr<const extractor_set> set, std::shared_ptr<const gold_set> gold,
                    bool json, bool verbose);

} // namespace wirespeed
