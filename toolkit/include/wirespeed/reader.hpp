#pragma once
/**
 * @file reader.hpp
 * @brief Streaming readers: .txt files and trees, JSON Lines, .gz/.zst, stdin.
 *
 * A reader turns inputs into documents one at a time, in bounded memory
 * whatever the input size. Bad records are not exceptions: they come back as
 * a `rejection` naming the file, line and reason, and reading goes on with the
 * next record. Only an input that cannot be opened at all ends that input.
 *
 * JSON Lines are split into lines before they are parsed, so a broken record
 * never takes the next one with it. Blank (white-space only) lines are not
 * records: they are skipped, but still counted in line numbers. Compression
 * is recognised by magic bytes (gzip 1f 8b, zstd 28 b5 2f fd), on files and
 * on stdin alike; concatenated gzip members and zstd frames are all read.
 * Compressed inputs are inflated on a thread of their own, a few MiB ahead.
 * A whole input that fails (cannot be opened, is empty, holds no record, is
 * truncated or corrupt) yields one rejection with line 0, or for truncation
 * the line after the last complete one, and counts as one rejected record.
 *
 * @code
 *   wirespeed::document_reader reader({"archive.jsonl.zst", "-"}, {});
 *   wirespeed::document doc;
 *   wirespeed::rejection bad;
 *   for (;;) {
 *     auto status = reader.next(doc, bad);
 *     if (status == wirespeed::read_status::end) break;
 *     if (status == wirespeed::read_status::rejected) { log(bad); continue; }
 *     use(doc);
 *   }
 * @endcode
 */
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wirespeed/document.hpp"

namespace wirespeed {

/// JSON field names mapped onto document fields (`--fields` on the CLI).
struct jsonl_field_names {
  std::string id = "id";
  std::string url = "url";
  std::string source = "source";
  std::string published = "published";
  std::string title = "title";
  std::string text = "text";
};

enum class input_format {
  automatic, ///< by extension: .jsonl/.json/.ndjson are JSON Lines, anything else text;
             ///< .gz/.zst are looked through; stdin is JSON Lines
  jsonl,     ///< one JSON object per line
  text,      ///< one article per file; title = first non-empty line
};

struct reader_options {
  jsonl_field_names fields;
  input_format format = input_format::automatic;
  /// Records (lines, or whole .txt files) longer than this are rejected, not
  /// buffered: a corrupt input must not take the machine's memory.
  std::size_t max_record_bytes = std::size_t{256} << 20;
  /// When not empty, a directory input yields only the files whose path
  /// relative to that directory matches one of these fnmatch(3) patterns
  /// (no flags: '*' also matches '/', so "*.jsonl.zst" finds them at any
  /// depth and "2024/*" everything under 2024/). Files named as inputs
  /// themselves are always read.
  std::vector<std::string> globs;
  /// When set and it becomes true (a run that stops early), a read waiting on
  /// stdin, a pipe or a terminal gives up within ~50 ms: that input ends with
  /// the rejection "reading stopped", so the reading thread can be joined.
  /// Regular files never block for long and are not polled.
  const std::atomic<bool> *stop = nullptr;
};

/// Why a record was not turned into a document.
struct rejection {
  std::string file;       ///< input path ("-" for stdin)
  std::uint64_t line = 0; ///< 1-based line (JSON Lines) or record number; 0: the whole file
  std::string reason;     ///< human-readable, e.g. "invalid UTF-8 at byte 17 of field text"
};

/// unparsed: only from document_reader::next_unparsed().
enum class read_status { document, rejected, end, unparsed };

/**
 * @brief Parses a field mapping such as "text=content,published=date" into
 *        `names` (document field = JSON key; unnamed fields keep theirs).
 * @return false, with `error` set and `names` untouched, for an unknown
 *         document field, an empty key or a missing '='.
 */
[[nodiscard]] bool parse_field_names(std::string_view spec, jsonl_field_names &names,
                                     std::string &error);

/// One file to read, as list_input_files() finds it.
struct input_file {
  std::string path;       ///< as named or found ("-": stdin); what messages show
  std::string id;         ///< a text file's document id: its name, or its path under its directory
  std::uint64_t size = 0; ///< bytes on disk, when known (0 for stdin)
  std::string error;      ///< when set, a directory that yields only this rejection
};

/**
 * @brief The files that `inputs` name, in reading order: files and "-" as
 *        given, directories walked recursively (sorted by relative path,
 *        hidden entries left out, with format automatic only .txt/.jsonl/
 *        .json/.ndjson and their .gz/.zst, then options.globs applied). A
 *        directory that cannot be read or yields no file is one entry whose
 *        `error` says why. Nothing is opened.
 */
[[nodiscard]] std::vector<input_file> list_input_files(const std::vector<std::string> &inputs,
                                                       const reader_options &options);

/// Pulls documents from a list of inputs (files, directories searched
/// recursively for .txt/.jsonl and their .gz/.zst forms, or "-" for stdin).
class document_reader {
  struct impl;

public:
  /// Reads list_input_files(inputs, options), in that order.
  explicit document_reader(const std::vector<std::string> &inputs, reader_options options = {});
  /// Reads exactly `files` (e.g. a slice of list_input_files(), for one of
  /// several readers sharing an input list).
  [[nodiscard]] static document_reader over_files(std::vector<input_file> files,
                                                  reader_options options = {});
  ~document_reader();
  document_reader(document_reader &&) noexcept;
  document_reader &operator=(document_reader &&) noexcept;
  document_reader(const document_reader &) = delete;
  document_reader &operator=(const document_reader &) = delete;

  /// Fills `doc` (status document) or `why` (status rejected); `end` once
  /// every input is exhausted. Never throws for bad input.
  read_status next(document &doc, rejection &why);

  /// Like next(), but a JSON Lines record is handed on unparsed (status
  /// unparsed), so that a pipeline can parse on its worker threads and keep
  /// its one reader cheap: the record's JSON text is copied into `line`
  /// (which keeps room past its end for the parser), doc.origin_file and
  /// origin_line are set, and record_parser::parse() later gives the document
  /// or the rejection next() would have given. Text files and rejections
  /// come back as from next().
  read_status next_unparsed(document &doc, rejection &why, std::string &line);

  /// Uncompressed bytes consumed so far, for progress and throughput.
  [[nodiscard]] std::uint64_t bytes_read() const noexcept;

  /// Seconds spent so far decompressing .gz/.zst inputs (and reading them
  /// from disk), which happens on a thread per compressed input, a few MiB
  /// ahead of next(); safe to call from any thread.
  [[nodiscard]] double decompress_seconds() const noexcept;

private:
  explicit document_reader(std::unique_ptr<impl> state);
  std::unique_ptr<impl> impl_;
};

/// Parses the JSON Lines records that document_reader::next_unparsed() hands
/// on. One per thread: it keeps the JSON parser's buffers between records.
class record_parser {
public:
  explicit record_parser(jsonl_field_names fields = {});
  ~record_parser();
  record_parser(record_parser &&) noexcept;
  record_parser &operator=(record_parser &&) noexcept;
  record_parser(const record_parser &) = delete;
  record_parser &operator=(const record_parser &) = delete;

  /// Fills the content fields of `doc` from `line` (its origin_file and
  /// origin_line are kept) and returns document, or fills `why` (naming
  /// doc's origin) and returns rejected. Any string will do as `line`; one
  /// from next_unparsed() is parsed in place, without a copy.
  read_status parse(const std::string &line, document &doc, rejection &why);

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

} // namespace wirespeed
