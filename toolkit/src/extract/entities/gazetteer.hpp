#pragma once
// The names the entities extractor knows: gazetteer entries (type, name,
// canonical) and aliases (alias -> canonical), with a lookup by spelling
// distance for names written slightly differently.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/common/string_hash.hpp"
#include "extract/entities/deletion_index.hpp"
#include "extract/entities/name_shapes.hpp"
#include "extract/entities/name_table.hpp"
#include "wirespeed/extract.hpp"

namespace wirespeed::extract_detail {

struct gazetteer_entry {
  std::string name; ///< as written in text
  std::string canonical;
  entity_type type = entity_type::person;
};

class gazetteer {
public:
  gazetteer() = default;
  // The lookup tables view the entries' and aliases' strings: a copy would
  // view the original's. Moves keep them (the heap buffers move as a whole).
  gazetteer(const gazetteer &) = delete;
  gazetteer &operator=(const gazetteer &) = delete;
  gazetteer(gazetteer &&) noexcept = default;
  gazetteer &operator=(gazetteer &&) noexcept = default;
  ~gazetteer() = default;

  /// Adds `type<TAB>name[<TAB>canonical]` lines; a later entry for the same
  /// name replaces the earlier one. Returns an error ("origin:line: why") or "".
  std::string load(std::string_view text, std::string_view origin);
  /// Adds `canonical<TAB>alias` lines. An alias whose canonical is a known
  /// entry also becomes an entry (so the tagger finds it); call after load().
  std::string load_aliases(std::string_view text, std::string_view origin);

  [[nodiscard]] const std::vector<gazetteer_entry> &entries() const noexcept { return entries_; }
  /// The entry named exactly `name`, or null.
  [[nodiscard]] const gazetteer_entry *find(std::string_view name) const;
  /// The canonical name of alias `name`, or "".
  [[nodiscard]] std::string_view alias(std::string_view name) const;
  /// An entry within edit_bound() of `name` (same first byte; the closest,
  /// then the first loaded), of `type` when given, or null.
  [[nodiscard]] const gazetteer_entry *
  find_near(std::string_view name, std::optional<entity_type> type = std::nullopt) const;
  /// False when find_near(name, type) finds nothing for certain: no entry
  /// (of `type` when given) has `name`'s first byte and a length within
  /// edit_bound() of its. A few loads, where find_near() probes tables.
  [[nodiscard]] bool could_be_near(std::string_view name,
                                   std::optional<entity_type> type = std::nullopt) const noexcept;

private:
  void add(entity_type type, std::string_view name, std::string_view canonical);
  static std::uint32_t near_key(entity_type type, char first, std::size_t size) noexcept;

  std::vector<gazetteer_entry> entries_;
  std::unordered_map<std::string, std::uint32_t, string_hash, std::equal_to<>> by_name_;
  std::unordered_map<std::string, std::string, string_hash, std::equal_to<>> aliases_;
  /// by_name_ and aliases_ again, for the lookups per token; rebuilt by
  /// index() after each load, used while `indexed_` (no add() since).
  name_table entry_table_;
  name_table alias_table_;
  std::vector<std::string_view> alias_canonical_; ///< by alias_table_'s value
  bool indexed_ = false;
  void index();
  /// (type, first byte, length) -> entries: the names find_near() compares
  /// when two edits are allowed (long names).
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_shape_;
  /// Each name and its one-byte deletions: the names find_near() compares
  /// when one edit is allowed (short names).
  deletion_index near_;
  /// Per entry: which byte values (modulo 64) its name holds. One edit
  /// changes at most two of them, so a cheap test rules most names out
  /// before an edit distance is computed.
  std::vector<std::uint64_t> bytes_held_;
  /// The shapes of the names of each type (the last: of any type), for
  /// could_be_near(). An entry that changes type stays in its old type's,
  /// which can only make it say "maybe".
  std::array<name_shapes, 4> shapes_{};
  /// A search of find_near(): the name, what may be found, the best so far.
  struct near_search {
    std::string_view name;
    std::size_t bound;
    std::optional<entity_type> type;
    std::uint64_t held; ///< bytes_held_ of `name`
    const gazetteer_entry *best;
    std::size_t best_distance; ///< bound + 1 while `best` is null
  };
  void nearest(near_search &search, std::span<const std::uint32_t> candidates) const;
};

} // namespace wirespeed::extract_detail
