#pragma once
// One JSON Lines record -> one document, through simdjson's on-demand parser
// (kept out of this header so only jsonl_record.cpp compiles simdjson).
#include <memory>
#include <string>
#include <string_view>

#include "wirespeed/document.hpp"
#include "wirespeed/reader.hpp"

namespace wirespeed::io {

class jsonl_record_parser {
public:
  jsonl_record_parser();
  ~jsonl_record_parser();
  jsonl_record_parser(const jsonl_record_parser &) = delete;
  jsonl_record_parser &operator=(const jsonl_record_parser &) = delete;

  /// Parses `line` (readable up to line.data() + capacity, capacity >=
  /// line.size() + 64) into the content fields of `doc`. False, with the
  /// reason in `why`, for a record that is not a usable document.
  bool parse(std::string_view line, std::size_t capacity, const jsonl_field_names &names,
             document &doc, std::string &why);

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Copies `line` into `out` with room for the parser's padding after it, so
/// that jsonl_record_parser::parse(out, out.capacity(), ...) may read past
/// its end. `out` keeps its buffer from one record to the next.
void copy_padded(std::string_view line, std::string &out);

/// The top-level key whose value contains byte `offset` of a JSON object
/// text, or empty when the offset lies outside every value. Used to name the
/// field in messages about bytes simdjson refused to parse.
[[nodiscard]] std::string_view top_level_key_at(std::string_view json, std::size_t offset);

} // namespace wirespeed::io
