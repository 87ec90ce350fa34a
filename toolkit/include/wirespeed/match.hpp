#pragma once
/**
 * @file match.hpp
 * @brief Multi-pattern matching: thousands of literals and regexes in one pass.
 *
 * The lifecycle is add -> compile -> scan, as in RE2::Set:
 *
 * @code
 *   namespace wm = wirespeed::match;
 *   wm::pattern_set set;
 *   set.add_literal("Angela Merkel", {wm::flag::caseless | wm::flag::whole_word, "person", 0});
 *   set.add_regex("[0-9]+ (million|billion)", {wm::flag::none, "amount", 0});
 *   auto loaded = set.load_file("places.txt", {wm::flag::whole_word, "place", 7});
 *   if (!loaded.ok()) report(loaded.err.message);  // "places.txt:12: ..."
 *   wm::database db;
 *   if (auto e = db.compile(set); !e.ok()) report(e.message);
 *
 *   wm::scratch scratch;  // one per thread
 *   std::vector<wm::match> found;
 *   if (auto e = db.scan(text, scratch, found); !e.ok()) report(e.message);
 * @endcode
 *
 * A compiled `database` is immutable: any number of threads scan it at once,
 * each with its own `scratch`. Copying a database copies a reference.
 *
 * **Owners.** Several clients (extractors) can put their patterns into one
 * pattern_set so a document is scanned once; each pattern carries a caller
 * chosen `tag`, and every match repeats its pattern's tag, so routing a match
 * to its owner is one integer comparison.
 *
 * **Whole words.** Word characters are ASCII letters, digits and '_', and
 * every non-ASCII UTF-8 character except punctuation and spaces: U+0080 to
 * U+00BF (NBSP, guillemets, currency), U+2000 to U+206F (curly quotes,
 * dashes, typographic spaces) and U+3000 to U+303F (CJK punctuation). So
 * "Merkel" is a whole word in "Merkel\u2019s" but not in "Merkelism", and
 * "Z\u00fcrich" counts as one word. A whole-word match is preceded by a non-word
 * character or the start of the text and followed by a non-word character or
 * the end of the text (grep -w). Bytes that are not UTF-8 count as word bytes.
 *
 * **Case.** `caseless` folds ASCII letters; with `utf8` as well, Unicode
 * letters fold too (regex engine semantics, begin offsets then come from the
 * engine rather than from the literal's length).
 *
 * **UTF-8.** A database with any `utf8` regex (or caseless utf8 literal)
 * requires valid UTF-8: scan() validates the text first and returns
 * error_code::invalid_utf8 for anything else. Other databases take any bytes.
 *
 * **Regexes** use Hyperscan's PCRE subset, in multiline mode (`^` and `$`
 * match at line breaks, as grep users expect). In scan_mode::all a regex
 * reports every end offset at which it matches, each with its leftmost begin
 * ("[a-z]+" on "ab" gives [0,1) and [0,2)); literals report every occurrence,
 * overlapping ones included.
 *
 * **Engines.** In block scans, literals whose first byte is neither a space
 * nor a lower-case ASCII letter (names, numbers, quote marks; caseless ones
 * only with no letter in their first eight bytes) are matched by a literal
 * index of our own (a SIMD pass over the text, then hash lookups of the
 * few positions where such a literal may start); everything else runs on
 * Hyperscan. The results are the same either way (tests compare them), in
 * order of end offset; streams run every pattern on Hyperscan. A set made
 * only of such literals needs no Hyperscan compile at all.
 *
 * **Errors are values.** Nothing here throws, prints or aborts.
 */
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wirespeed::match {

/// Pattern options, combined with `|`.
enum class flag : std::uint32_t {
  none = 0,
  caseless = 1u << 0,   ///< ASCII case folding (Unicode folding with utf8)
  whole_word = 1u << 1, ///< the match must not touch a word byte on either side
  utf8 = 1u << 2,       ///< regex: '.' and classes work on UTF-8 characters
};
[[nodiscard]] constexpr flag operator|(flag a, flag b) noexcept {
  return static_cast<flag>(static_cast<std::uint32_t>(a) | static_cast<std::uint32_t>(b));
}
[[nodiscard]] constexpr bool has(flag set, flag f) noexcept {
  return (static_cast<std::uint32_t>(set) & static_cast<std::uint32_t>(f)) != 0;
}

/// Whether the pattern text is matched byte for byte or as a regex.
enum class pattern_kind : std::uint8_t { literal, regex };

/// What went wrong; every value has a message in `error::message`.
enum class error_code {
  ok = 0,
  empty_pattern,       ///< a pattern with no text
  bad_pattern,         ///< the regex engine rejected a pattern (message says why)
  unsupported_pattern, ///< a construct the engine cannot run (backreference, lookaround...)
  io_error,            ///< a pattern file or cache file could not be read or written
  no_patterns,         ///< compile() on an empty set
  not_compiled,        ///< scan() on a database that was never compiled
  no_stream_mode,      ///< streaming on a database compiled without `streaming`
  invalid_utf8,        ///< input to a UTF-8 database is not valid UTF-8
  out_of_memory,       ///< allocation failed
  engine_error,        ///< Hyperscan returned an unexpected error
  bad_serialized,      ///< deserialize(): not a database serialize() wrote for this CPU
};

/// Stable name of an error code ("bad_pattern").
[[nodiscard]] std::string_view to_string(error_code code) noexcept;

/// The outcome of an operation. `file`/`line` point at the offending pattern
/// when it came from a file, `pattern` at its id.
struct error {
  static constexpr std::uint32_t no_pattern = UINT32_MAX;
  error_code code = error_code::ok;
  std::string message; ///< human-readable, e.g. "names.txt:12: bad regex: ..."
  std::string file;
  std::uint64_t line = 0;
  std::uint32_t pattern = no_pattern;

  [[nodiscard]] bool ok() const noexcept { return code == error_code::ok; }
};

/// How a pattern is added.
struct pattern_options {
  flag flags = flag::none;
  std::string label;     ///< free text reported with matches; empty: the pattern text
  std::uint32_t tag = 0; ///< owner chosen by the caller, repeated in every match
};

/// Everything the database remembers about one pattern.
struct pattern {
  std::string expression; ///< literal text or regex source
  pattern_kind kind = pattern_kind::literal;
  flag flags = flag::none;
  std::string label;
  std::uint32_t tag = 0;
  std::string file;       ///< where it was loaded from ("" when added directly)
  std::uint64_t line = 0; ///< 1-based line in `file`
};

/// One match: pattern id (index in the set) and byte span [begin, end).
struct match {
  std::uint32_t id = 0;
  std::uint32_t tag = 0; ///< the pattern's tag, for routing to its owner
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  friend bool operator==(const match &, const match &) = default;
};

/// Ids [first, first + count) added by one load call.
struct id_range {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
};

/// Result of load_file()/load_text().
struct load_result {
  id_range ids;
  error err;
  [[nodiscard]] bool ok() const noexcept { return err.ok(); }
};

/**
 * @brief A growing list of patterns (the builder). Move-only.
 *
 * Pattern files hold one pattern per line:
 *  - blank lines and lines whose first non-blank byte is `#` are skipped;
 *  - `label<TAB>pattern` gives the pattern a label (otherwise options.label,
 *    or the pattern text when that is empty too);
 *  - a pattern starting with `re:` is a regex (the prefix is dropped);
 *  - a leading `\` is dropped and the rest taken literally, so `\#1` is the
 *    literal "#1" and `\re:x` the literal "re:x";
 *  - a trailing CR (CRLF files) is removed.
 * Regexes use Hyperscan's PCRE subset; they are not checked until compile(),
 * whose errors name the file and line.
 */
class pattern_set {
public:
  pattern_set() = default;
  pattern_set(pattern_set &&) noexcept = default;
  pattern_set &operator=(pattern_set &&) noexcept = default;
  pattern_set(const pattern_set &) = delete;
  pattern_set &operator=(const pattern_set &) = delete;

  /// @brief Adds a literal; returns its id (ids are dense, from 0).
  std::uint32_t add_literal(std::string_view text, const pattern_options &options = {});
  /// @brief Adds a regex; returns its id. Syntax is checked by compile().
  std::uint32_t add_regex(std::string_view expression, const pattern_options &options = {});
  /// @brief Parses pattern-file text (see class comment); `origin` names it in errors.
  [[nodiscard]] load_result load_text(std::string_view text, std::string_view origin,
                                      const pattern_options &options = {}) noexcept;
  /// @brief Reads and parses a pattern file.
  [[nodiscard]] load_result load_file(const std::string &path,
                                      const pattern_options &options = {}) noexcept;

  [[nodiscard]] std::size_t size() const noexcept { return patterns_.size(); }
  [[nodiscard]] bool empty() const noexcept { return patterns_.empty(); }
  [[nodiscard]] const pattern &at(std::uint32_t id) const { return patterns_.at(id); }
  [[nodiscard]] std::span<const pattern> patterns() const noexcept { return patterns_; }

private:
  std::uint32_t add(std::string_view text, pattern_kind kind, const pattern_options &options,
                    std::string_view file, std::uint64_t line);
  std::vector<pattern> patterns_;
};

/// How compile() builds the database.
struct compile_options {
  bool streaming = false; ///< also build the streaming form (for `stream`)
  /// Reuse databases serialised to disk. The key covers every pattern's text,
  /// kind and flags, the Hyperscan version and this CPU's features; a file
  /// that fails its checksum or does not load is rebuilt, never trusted.
  bool use_cache = false;
  /// Cache directory; empty: $XDG_CACHE_HOME/wirespeed, else ~/.cache/wirespeed.
  std::string cache_dir;
};

/// What one compile() did, for benchmarks and `--verbose`.
struct compile_stats {
  double seconds = 0;             ///< wall time of compile(), cache included
  bool from_cache = false;        ///< every form came from the cache
  bool cache_rejected = false;    ///< a cache file existed but was corrupt or stale
  std::size_t database_bytes = 0; ///< block + streaming forms
  std::size_t scratch_bytes = 0;  ///< one scratch for this database
  std::size_t stream_bytes = 0;   ///< state of one open stream
  std::string cache_file;         ///< path used, when caching
};

/// Which matches scan() reports.
enum class scan_mode {
  all,              ///< every match of every pattern, in order of end offset
  leftmost_longest, ///< non-overlapping, leftmost first, longest at a start (tagging)
};

class database;

/**
 * @brief Per-thread working memory for scanning. Move-only; cheap to create
 * empty. It sizes itself for whichever database it is used with.
 */
class scratch {
public:
  scratch() noexcept;
  ~scratch();
  scratch(scratch &&) noexcept;
  scratch &operator=(scratch &&) noexcept;
  scratch(const scratch &) = delete;
  scratch &operator=(const scratch &) = delete;

  struct impl;

private:
  friend class database;
  friend class stream;
  std::unique_ptr<impl> impl_;
};

/**
 * @brief A compiled, immutable pattern database. Copies share the compiled
 * form; a default-constructed database is empty and scans report not_compiled.
 */
class database {
public:
  database() noexcept = default;

  /// @brief Compiles `set` (copying its pattern table). On error the
  /// database is left empty and the error names the pattern.
  [[nodiscard]] error compile(const pattern_set &set, const compile_options &options = {},
                              compile_stats *stats = nullptr) noexcept;

  /// @brief Appends the matches in `text` to `out` (see scan_mode).
  [[nodiscard]] error scan(std::string_view text, scratch &space, std::vector<match> &out,
                           scan_mode mode = scan_mode::all) const noexcept;

  /// @brief Appends the compiled form (pattern table and engine bytes) to
  /// `out`, so another process can load it without compiling (deserialize()).
  [[nodiscard]] error serialize(std::string &out) const noexcept;
  /// @brief Replaces this database with one that serialize() wrote. Bytes from
  /// another wirespeed or Hyperscan version, a CPU without the features the
  /// database was built for, or truncated/corrupt input give bad_serialized.
  [[nodiscard]] error deserialize(std::string_view bytes) noexcept;

  [[nodiscard]] bool compiled() const noexcept { return impl_ != nullptr; }
  [[nodiscard]] std::size_t size() const noexcept;
  /// @brief The pattern behind a match id (id < size()).
  [[nodiscard]] const pattern &at(std::uint32_t id) const;
  [[nodiscard]] bool requires_utf8() const noexcept;

  struct impl;

private:
  friend class stream;
  std::shared_ptr<const impl> impl_;
};

/**
 * @brief A scan over text that arrives in chunks; reports the same matches,
 * with offsets from the start of the stream, as one scan of the whole text.
 * Matches are final when reported: one ending at a chunk's last byte waits
 * for the next byte (whole-word check). In leftmost_longest mode matches are
 * reported by finish(). Begin offsets are exact for matches up to 64 KiB long.
 */
class stream {
public:
  stream() noexcept;
  ~stream();
  stream(stream &&) noexcept;
  stream &operator=(stream &&) noexcept;
  stream(const stream &) = delete;
  stream &operator=(const stream &) = delete;

  /// @brief Starts a stream over `db` (which must stay alive) using `space`.
  [[nodiscard]] error open(const database &db, scratch &space,
                           scan_mode mode = scan_mode::all) noexcept;
  /// @brief Scans the next chunk, appending final matches to `out`.
  [[nodiscard]] error feed(std::string_view chunk, std::vector<match> &out) noexcept;
  /// @brief Ends the text, appending the remaining matches; the stream closes.
  [[nodiscard]] error finish(std::vector<match> &out) noexcept;

  struct impl;

private:
  std::unique_ptr<impl> impl_;
};

/// @brief Keeps the leftmost-longest non-overlapping subset of `matches`
/// (any order in, sorted by begin out). Ties on span go to the lower id.
void select_leftmost_longest(std::vector<match> &matches);

/// @brief The default cache directory ($XDG_CACHE_HOME/wirespeed or
/// ~/.cache/wirespeed; "" when neither variable is set).
[[nodiscard]] std::string default_cache_dir();

} // namespace wirespeed::match
