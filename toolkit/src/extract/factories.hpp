#pragma once
// One factory per extractor; extractor_set.cpp instantiates the enabled ones.
#include <memory>

#include "extract/extractor.hpp"

namespace wirespeed::extract_detail {

[[nodiscard]] std::unique_ptr<extractor> make_boilerplate_extractor();
[[nodiscard]] std::unique_ptr<extractor> make_metadata_extractor();
[[nodiscard]] std::unique_ptr<extractor> make_quotes_extractor();
[[nodiscard]] std::unique_ptr<extractor> make_quantities_extractor();
[[nodiscard]] std::unique_ptr<extractor> make_dates_extractor(const extract_options &options);
[[nodiscard]] std::unique_ptr<extractor> make_entities_extractor(const extract_options &options);

} // namespace wirespeed::extract_detail
