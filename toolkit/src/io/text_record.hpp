#pragma once
// One plain-text file -> one document.
#include <string>

#include "io/byte_source.hpp"
#include "wirespeed/document.hpp"

namespace wirespeed::io {

/// Reads all of `source` (at most `max_bytes`) as one article: text = the
/// whole file, title = its first non-empty line. False, with the reason in
/// `why`, for an empty, over-long, unreadable, NUL-carrying or non-UTF-8 file.
/// `size_hint` (opened_source::size_hint; 0 unknown) sizes the text once
/// instead of growing it chunk by chunk.
bool read_text_record(byte_source &source, std::size_t max_bytes, std::uint64_t size_hint,
                      document &doc, std::string &why, std::uint64_t &bytes_read);

} // namespace wirespeed::io
