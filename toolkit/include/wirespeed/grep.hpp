#pragma once
/**
 * @file grep.hpp
 * @brief The work of `wirespeed grep`: match a pattern database against each
 *        document's text and write the matches (or counts) as JSON Lines.
 *
 * @code
 *   auto db = std::make_shared<wirespeed::match::database>();
 *   // ... db->compile(set) ...
 *   auto totals = std::make_shared<wirespeed::grep_totals>();
 *   auto factory = [=] { return wirespeed::make_grep_processor(db, {}, totals); };
 *   wirespeed::run_pipeline(options, factory);
 *   bool matched = totals->matches > 0;
 * @endcode
 */
#include <atomic>
#include <cstdint>
#include <memory>

#include "wirespeed/match.hpp"
#include "wirespeed/pipeline.hpp"

namespace wirespeed {

/// What a grep processor writes.
enum class grep_output {
  /// one line per match: {"id","pattern","label","begin","end","text"}; id is
  /// the document's id, begin/end byte offsets in its text
  matches,
  /// one line per matching document: {"id","matches","labels":{label: n}},
  /// then a last line {"total","documents","labels":{label: n}}
  counts,
  /// one line per matching document: {"id"}
  documents,
};

struct grep_options {
  grep_output output = grep_output::matches;
  /// leftmost_longest reports what grep -o does; all adds overlapping ones.
  match::scan_mode mode = match::scan_mode::leftmost_longest;
};

/// Shared across workers: how much matched, for the exit status.
struct grep_totals {
  std::atomic<std::uint64_t> matches{0};
  std::atomic<std::uint64_t> documents{0}; ///< documents with at least one match
};

/// @brief A processor for one worker (it owns its scratch). A document whose
/// text cannot be scanned (invalid UTF-8 for a UTF-8 database) is rejected.
[[nodiscard]] std::unique_ptr<document_processor>
make_grep_processor(std::shared_ptr<const match::database> db, grep_options options,
                    std::shared_ptr<grep_totals> totals);

} // namespace wirespeed
