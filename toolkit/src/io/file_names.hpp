#pragma once
// What a file's name says about its format (".jsonl.gz" is JSON Lines).
#include <string>

namespace wirespeed::io {

/// .jsonl, .json or .ndjson, optionally followed by .gz or .zst.
[[nodiscard]] bool is_jsonl_name(const std::string &path);

} // namespace wirespeed::io
