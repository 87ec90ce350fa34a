#pragma once
// The compiled form behind wirespeed::match::database and the scratch that
// goes with it. Hyperscan types stay in toolkit/src/match.
#include <hs/hs.h>

#include <atomic>
#include <cstdint>
#include <string_view>
#include <vector>

#include "match/literal_index.hpp"
#include "wirespeed/match.hpp"

namespace wirespeed::match {

/// What the match callback needs per pattern id, packed for the hot path.
struct pattern_entry {
  std::uint32_t tag = 0;
  std::uint32_t length = 0; ///< literal byte length; 0: begin comes from the engine
  bool whole_word = false;
};

struct database::impl {
  static std::uint64_t next_serial() noexcept {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
  }

  std::vector<pattern> patterns;
  std::vector<pattern_entry> entries;
  /// Literals with rare first bytes, matched without Hyperscan in block
  /// mode; `block` holds the other patterns (null when there are none).
  /// The streaming form holds every pattern.
  detail::literal_index index;
  std::size_t engine_patterns = 0; ///< patterns in `block`
  hs_database_t *block = nullptr;
  hs_database_t *streaming = nullptr;
  bool utf8 = false;       ///< input must be valid UTF-8
  bool whole_word = false; ///< some pattern needs the whole-word check
  /// Bytes a stream keeps behind its position so a whole-word match can see
  /// the bytes before its begin.
  std::uint64_t history = 0;

  /// Unique per database in this process: a scratch remembers which one it
  /// was grown for by this, not by address, which a later database may reuse.
  const std::uint64_t serial = next_serial();

  impl() = default;
  impl(const impl &) = delete;
  impl &operator=(const impl &) = delete;
  ~impl() {
    hs_free_database(block);
    hs_free_database(streaming);
  }
};

struct scratch::impl {
  hs_scratch_t *space = nullptr;
  std::uint64_t sized_for = 0; ///< serial of the last database it was grown for
  std::vector<match> found;    ///< reused between scans

  impl() = default;
  impl(const impl &) = delete;
  impl &operator=(const impl &) = delete;
  ~impl() { hs_free_scratch(space); }
};

namespace detail {

/// Makes `space` big enough for `db` (both forms); engine errors as values.
error prepare_scratch(scratch::impl &space, const database::impl &db) noexcept;

/// Derives the per-id hot table, the database-wide flags (utf8, whole_word,
/// history), the literal index and engine_patterns from `db.patterns`;
/// compile and deserialize share it.
void index_patterns(database::impl &db);

/// Turns a Hyperscan status into an error ("" detail when obvious).
error engine_failure(hs_error_t status, std::string_view what);

/// True when `text` is valid UTF-8.
bool valid_utf8(std::string_view text) noexcept;

} // namespace detail
} // namespace wirespeed::match
