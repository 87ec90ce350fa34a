#pragma once
// The one-edit neighbourhood of a name list (SymSpell): a name one edit away
// from an entry shares a one-byte deletion with it, is one of its deletions,
// or has one that is the entry. Deletions are kept as 64-bit hashes in one
// flat open-addressing table, so a lookup builds no string and costs one
// probe per deletion; a hash collision only adds a candidate, which the
// caller checks by edit distance anyway.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace wirespeed::extract_detail {

class deletion_index {
public:
  /// Indexes `name` (entry `entry`) and each of its one-byte deletions.
  void add(std::string_view name, std::uint32_t entry);
  /// Makes the entries added so far visible to candidates(); call after a batch of add().
  void build();

  /// Calls f(span of entries) for each group of entries that may be one
  /// edit from `name`: those with a deletion equal to `name` or to a deletion
  /// of it, and those equal to a deletion of it. Deletions of `name`'s first
  /// byte are not tried (near names share their first byte). Entries may repeat.
  template <typename F> void candidates(std::string_view name, F &&f) const {
    if (slots_.empty() || name.size() > longest) {
      return;
    }
    f(find(key(whole_hash(name), name.size(), kind::deletion)));
    std::array<std::uint64_t, longest + 1> deleted{};
    deletion_hashes(name, deleted.data());
    for (std::size_t i = 1; i < name.size(); ++i) {
      f(find(key(deleted[i], name.size() - 1, kind::deletion)));
      f(find(key(deleted[i], name.size() - 1, kind::whole)));
    }
  }

  /// Names longer than this (bytes) are not indexed; no lookup needs them.
  static constexpr std::size_t longest = 64;

private:
  enum class kind : std::uint64_t { whole = 1, deletion = 2 };
  struct slot {
    std::uint64_t key = 0; ///< 0: empty
    std::uint32_t first = 0;
    std::uint32_t count = 0;
  };

  static std::uint64_t whole_hash(std::string_view s) noexcept;
  /// out[i]: the hash of `s` without byte i, for every i, in O(|s|).
  static void deletion_hashes(std::string_view s, std::uint64_t *out) noexcept;
  static std::uint64_t key(std::uint64_t hash, std::size_t size, kind k) noexcept;
  [[nodiscard]] std::span<const std::uint32_t> find(std::uint64_t key) const noexcept;

  std::vector<std::pair<std::uint64_t, std::uint32_t>> pending_; ///< (key, entry), all added
  std::vector<slot> slots_;            ///< power-of-two size, at most half full
  std::vector<std::uint32_t> entries_; ///< each slot's entries, contiguous
};

} // namespace wirespeed::extract_detail
