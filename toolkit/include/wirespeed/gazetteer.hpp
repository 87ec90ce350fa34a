#pragma once
/**
 * @file gazetteer.hpp
 * @brief `wirespeed gazetteer build`: mine candidate names and their
 *        frequency from a corpus, so a user can bootstrap the entity lists.
 *
 * The miner runs the entities extractor with its rules only (no built-in
 * lists, so every name it reports is one the lists lack), counts each
 * multi-word name under its type and canonical spelling, and writes a
 * gazetteer file that `wirespeed extract --gazetteer` loads:
 *
 * @code
 *   # 12 mentions
 *   person<TAB>Daniel Mayer
 *   organization<TAB>Gaza Media Office
 * @endcode
 */
#include <cstdint>
#include <memory>

#include "wirespeed/extract.hpp"
#include "wirespeed/pipeline.hpp"

namespace wirespeed {

/// @brief What the miner keeps.
struct gazetteer_build_options {
  std::uint64_t min_count = 2; ///< names mentioned fewer times are left out
  std::uint32_t min_words = 2; ///< names of fewer words are left out (lone words are ambiguous)
};

/// @brief The extractor set the miner runs (boilerplate, metadata and the
///        entity rules, no built-in lists); null and `error` filled on failure.
[[nodiscard]] std::shared_ptr<const extractor_set> make_gazetteer_build_set(extract_error &error);

/// @brief The processor of `wirespeed gazetteer build`: counts names per
///        document; at the end writes the gazetteer file, most frequent first,
///        each group of equal counts under a `# N mentions` comment.
[[nodiscard]] std::unique_ptr<document_processor>
make_gazetteer_build_processor(std::shared_ptr<const extractor_set> set,
                               const gazetteer_build_options &options);

} // namespace wirespeed
