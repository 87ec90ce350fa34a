#pragma once
/**
 * @file processors.hpp
 * @brief Ready-made document processors: the work of `wirespeed cat` and
 *        `wirespeed stats`, usable from any program.
 */
#include <memory>

#include "wirespeed/pipeline.hpp"

namespace wirespeed {

/// Writes each document as one JSON Lines record (append_document_json).
[[nodiscard]] std::unique_ptr<document_processor> make_cat_processor();

/**
 * Counts documents and writes one JSON object once at the end:
 * {"documents","rejects","input_bytes","bytes","lines"}, where
 * bytes and lines are those of the document texts (a final line without '\n'
 * counts), input_bytes the uncompressed input read.
 */
[[nodiscard]] std::unique_ptr<document_processor> make_stats_processor();

} // namespace wirespeed
