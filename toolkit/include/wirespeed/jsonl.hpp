#pragma once
/**
 * @file jsonl.hpp
 * @brief JSON Lines output: string escaping and an atomic file writer.
 */
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "wirespeed/document.hpp"
#include "wirespeed/reader.hpp"

namespace wirespeed {

/// Appends `text` to `out` as a JSON string literal, quotes included. Control
/// characters are escaped; valid UTF-8 passes through; each byte of an invalid
/// UTF-8 sequence becomes U+FFFD, so the output is always valid JSON.
void append_json_string(std::string &out, std::string_view text);

/// Whether `text` is its own JSON string body: ASCII without a byte that
/// needs escaping, so that it can be copied between quotes as it is. For
/// writers of many short strings that lay out each line themselves.
[[nodiscard]] bool is_verbatim_json(std::string_view text) noexcept;

/// Appends `value` in decimal, as a JSON number. Formats in place: writers of
/// a match or a span per line call it millions of times into one large string.
void append_json_number(std::string &out, std::uint64_t value);

/// Appends the document as one JSON object (no newline), fields in the order
/// id, source, url, published, title, text.
void append_document_json(std::string &out, const document &doc);

/// Appends a rejected record as one JSON object: {"file","line","reason"}.
void append_rejection_json(std::string &out, const rejection &why);

/// Writes JSON Lines to stdout ("-") or to a file. A file is written to a
/// temporary name beside it and renamed on commit(), so readers never see a
/// half-written output; destroying an uncommitted writer removes the temporary.
class output_file {
public:
  explicit output_file(const std::string &path);
  ~output_file();
  output_file(const output_file &) = delete;
  output_file &operator=(const output_file &) = delete;

  /// False once a write has failed (disk full, closed pipe): see error().
  bool write(std::string_view bytes);
  /// Flushes and, for a file, renames it into place.
  bool commit();
  [[nodiscard]] const std::string &error() const noexcept;
  [[nodiscard]] bool broken_pipe() const noexcept;

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

} // namespace wirespeed
