#pragma once
/**
 * @file document.hpp
 * @brief The unit of work: one news article, however it was stored.
 */
#include <cstdint>
#include <string>

namespace wirespeed {

/**
 * One article. Every reader produces these and every extractor consumes them.
 * Fields a record does not carry are empty strings; `text` is always valid
 * UTF-8 without NUL bytes (readers reject records that are not).
 */
struct document {
  std::string id;        ///< record id, or the path relative to the input directory
  std::string source;    ///< outlet or feed name
  std::string url;       ///< canonical URL
  std::string published; ///< publication date as given by the record ("YYYY-MM-DD..." or empty)
  std::string title;     ///< headline
  std::string text;      ///< article body, UTF-8

  /// Where the record came from, for messages: the input file and its
  /// 1-based line (JSON Lines) or record number (one file per record: 1).
  std::string origin_file;
  std::uint64_t origin_line = 0;
};

} // namespace wirespeed
