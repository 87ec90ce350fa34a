#pragma once
// Pattern sets for the match benchmarks: names and phrases with realistic hit
// rates on news text, and regexes of the kinds extractors use.
#include <cstddef>
#include <string>
#include <vector>

namespace wirespeed::bench {

/// `n` distinct literals: Reuters-21578 people/places/orgs/exchanges (when
/// the shared corpora are present) interleaved with capitalised words and
/// word pairs taken from `text`, then synthetic names (which rarely hit).
/// With `from_text` false, only the Reuters and synthetic names: a sparse
/// gazetteer (a match every few KB instead of every few dozen bytes).
[[nodiscard]] std::vector<std::string> literal_names(std::size_t n, const std::string &text,
                                                     bool from_text = true);

/// `n` regexes (10 hand-written ones, then generated keyword contexts). They
/// are in the syntax Hyperscan, RE2 and PCRE2 share.
[[nodiscard]] std::vector<std::string> news_regexes(std::size_t n);

/// Writes `lines` (one per line) or `text` to a file under the temporary
/// directory and returns its path; the same name is reused within a run.
[[nodiscard]] std::string write_temp(const std::string &name,
                                     const std::vector<std::string> &lines);
[[nodiscard]] std::string write_temp(const std::string &name, const std::string &text);

} // namespace wirespeed::bench
