#pragma once
// On-disk cache of compiled Hyperscan databases. A file is trusted only when
// its header names the same key and its blob passes a CRC-32 and Hyperscan's
// own deserialisation; anything else is reported as rejected and rebuilt.
#include <hs/hs.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace wirespeed::match::detail {

/// 128-bit digest of everything that decides the compiled bytes.
class cache_key {
public:
  cache_key();
  void add(std::string_view bytes) noexcept;
  void add(std::uint64_t value) noexcept;
  [[nodiscard]] std::string hex() const;
  std::uint64_t a = 0;
  std::uint64_t b = 0;
};

/// Seeds a key with the Hyperscan version and this CPU's features.
cache_key platform_key();

/// Loads `path`; nullptr when absent (`rejected` false) or unusable (true).
hs_database_t *cache_load(const std::string &path, const cache_key &key, bool &rejected) noexcept;

/// Writes `db` to `path` atomically (temporary file + rename). Best effort:
/// false when the cache cannot be written, which only costs a recompile.
bool cache_store(const std::string &path, const cache_key &key, const hs_database_t *db) noexcept;

} // namespace wirespeed::match::detail
