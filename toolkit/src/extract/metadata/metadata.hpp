#pragma once
// Pieces of the metadata extractor shared between its files.
#include <string>
#include <string_view>
#include <vector>

#include "extract/extractor.hpp"

namespace wirespeed::extract_detail {

/// Author names after a byline cue ("By", "Reporting by"), from `from` to
/// the end of its line: "A and B", "A, B", "A in Ankara", "A, Health Correspondent".
void parse_byline_names(const context &ctx, std::uint64_t from, std::uint64_t line_end,
                        std::vector<std::string> &names);

/// "Selin Yavuz | 07.03.2024": the name left of a '|' whose right side holds
/// a date; empty when `line` is not such a line.
[[nodiscard]] std::string_view name_before_bar(std::string_view line);

} // namespace wirespeed::extract_detail
