#pragma once
// The compiled form behind wirespeed::match::database and the scratch that
// goes with it. Hyperscan types stay in toolkit/src/match.
#include <hs/hs.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "wirespeed/match.hpp"

namespace wirespeed::match {

/// What the match callback needs per pattern id, packed for the hot path.
struct pattern_entry {
  std::uint32_t tag = 0;
  std::uint32_t length = 0; ///< literal byte length; 0: begin comes from the engine
  bool whole_word = false;
};

struct database::impl {
  std::vector<pattern> patterns;
  std::vector<pattern_entry> entries;
  hs_database_t *block = nullptr;
  hs_database_t *streaming = nullptr;
  bool utf8 = false;       ///< input must be valid UTF-8
  bool whole_word = false; ///< some pattern needs the whole-word check
  /// Bytes a stream keeps behind its position so a whole-word match can see
  /// the bytes before its begin.
  std::uint64_t history = 0;

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
  const database::impl *sized_for = nullptr; ///< last database it was grown for
  std::vector<match> found;                  ///< reused between scans

  impl() = default;
  impl(const impl &) = delete;
  impl &operator=(const impl &) = delete;
  ~impl() { hs_free_scratch(space); }
};

namespace detail {

/// Makes `space` big enough for `db` (both forms); engine errors as values.
error prepare_scratch(scratch::impl &space, const database::impl &db) noexcept;

/// Derives the per-id hot table and the database-wide flags (utf8,
/// whole_word, history) from `db.patterns`; compile and deserialize share it.
void index_patterns(database::impl &db);

/// Turns a Hyperscan status into an error ("" detail when obvious).
error engine_failure(hs_error_t status, std::string_view what);

/// True when `text` is valid UTF-8.
bool valid_utf8(std::string_view text) noexcept;

} // namespace detail
} // namespace wirespeed::match
