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

/// What `make_tokenize_processor` writes per document.
enum class tokenize_output {
  offsets, ///< {"id","tokens":[[begin,end,"kind"],...],"sentences":[...],"paragraphs":[...]}
  text,    ///< the same with each token's text instead of begin,end: [["text","kind"],...]
  count,   ///< nothing per document; once at the end {"documents","rejects","bytes",
           ///< "tokens","sentences","paragraphs","isa"}
};

/**
 * Tokenises each document's text (wirespeed/tokenize.hpp, active SIMD level).
 * Byte offsets are into the text field; sentences and paragraphs are the
 * indices of their first tokens.
 */
[[nodiscard]] std::unique_ptr<document_processor> make_tokenize_processor(tokenize_output mode);

} // namespace wirespeed
