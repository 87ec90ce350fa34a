#pragma once
// The tagger's memos of one document (a word's longer name, a name's near
// list entry): views of the text to small values. Open addressing in a table
// kept between documents; clear() unsets only the slots the document used,
// so a document allocates nothing and frees nothing, where a node map
// allocates a node per entry and walks them all to clear. Most keys looked
// up are not in the map: their shape (name_shapes) says so before a hash.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/entities/name_shapes.hpp"
#include "extract/entities/name_table.hpp"

namespace wirespeed::extract_detail {

template <typename Value> class view_map {
public:
  /// The value of `key`, or null.
  [[nodiscard]] const Value *find(std::string_view key) const noexcept {
    if (!shapes_.may_hold(key)) {
      return nullptr;
    }
    const std::uint32_t h = name_table::hash(key);
    for (std::size_t at = h & mask();; at = (at + 1) & mask()) {
      const slot &s = slots_[at];
      if (s.hash == 0) {
        return nullptr;
      }
      if (s.hash == h && s.key == key) {
        return &s.value;
      }
    }
  }

  /// Maps `key` to `value` unless it is mapped already (the first value stays).
  void emplace(std::string_view key, const Value &value) {
    if (2 * (used_.size() + 1) > slots_.size()) {
      grow();
    }
    const std::uint32_t h = name_table::hash(key);
    std::size_t at = h & mask();
    for (; slots_[at].hash != 0; at = (at + 1) & mask()) {
      if (slots_[at].hash == h && slots_[at].key == key) {
        return;
      }
    }
    slots_[at] = {key, h, value};
    used_.push_back(static_cast<std::uint32_t>(at));
    shapes_.add(key);
  }

  /// Empties the map, keeping its storage.
  void clear() noexcept {
    for (std::uint32_t at : used_) {
      slots_[at].hash = 0;
    }
    if (!used_.empty()) {
      shapes_ = {}; // not per key: the keys view a document that may be gone
    }
    used_.clear();
  }

private:
  struct slot {
    std::string_view key;
    std::uint32_t hash = 0; ///< 0: empty (name_table::hash is never 0)
    Value value{};
  };

  [[nodiscard]] std::size_t mask() const noexcept { return slots_.size() - 1; }

  void grow() {
    std::vector<slot> old(std::max<std::size_t>(64, 2 * slots_.size()));
    old.swap(slots_);
    used_.clear();
    for (const slot &s : old) {
      if (s.hash != 0) {
        std::size_t at = s.hash & mask();
        while (slots_[at].hash != 0) {
          at = (at + 1) & mask();
        }
        slots_[at] = s;
        used_.push_back(static_cast<std::uint32_t>(at));
      }
    }
  }

  std::vector<slot> slots_;         ///< power-of-two size, at most half full
  std::vector<std::uint32_t> used_; ///< slots set since the last clear()
  name_shapes shapes_;              ///< of the keys set since the last clear()
};

} // namespace wirespeed::extract_detail
