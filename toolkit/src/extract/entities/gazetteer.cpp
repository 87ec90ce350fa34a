// Loading gazetteer and alias lists, and looking names up exactly or by
// spelling distance.
#include "extract/entities/gazetteer.hpp"

#include <algorithm>
#include <bit>

#include <fmt/format.h>

#include "extract/common/text.hpp"
#include "extract/entities/edit_distance.hpp"

namespace wirespeed::extract_detail {
namespace {

// Calls f(line_no, line) for each trimmed line that is neither blank nor a
// comment; stops at the first error f returns and returns it ("" if none).
template <typename F> std::string for_each_line(std::string_view text, F &&f) {
  std::size_t line_no = 0;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') {
      continue;
    }
    if (std::string e = f(line_no, line); !e.empty()) {
      return e;
    }
  }
  return {};
}

// Which byte values (modulo 64) `name` holds, one bit each.
std::uint64_t bytes_held(std::string_view name) noexcept {
  std::uint64_t held = 0;
  for (char c : name) {
    held |= std::uint64_t{1} << (static_cast<unsigned char>(c) & 63);
  }
  return held;
}

} // namespace

std::uint32_t gazetteer::near_key(entity_type type, char first, std::size_t size) noexcept {
  return static_cast<std::uint32_t>(type) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(first)) << 16 |
         static_cast<std::uint32_t>(size & 0xFFFF);
}

void gazetteer::add(entity_type type, std::string_view name, std::string_view canonical) {
  indexed_ = false;
  if (auto it = by_name_.find(name); it != by_name_.end()) {
    gazetteer_entry &e = entries_[it->second];
    if (e.type != type) { // move it to the new type's index
      auto &old = by_shape_[near_key(e.type, name.front(), name.size())];
      old.erase(std::find(old.begin(), old.end(), it->second));
      by_shape_[near_key(type, name.front(), name.size())].push_back(it->second);
      shapes_[static_cast<std::size_t>(type)].add(name);
    }
    e.type = type;
    entries_[it->second].canonical = std::string(canonical);
    return;
  }
  auto index = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back({std::string(name), std::string(canonical), type});
  by_name_.emplace(std::string(name), index);
  by_shape_[near_key(type, name.front(), name.size())].push_back(index);
  bytes_held_.push_back(bytes_held(name));
  shapes_[static_cast<std::size_t>(type)].add(name);
  shapes_.back().add(name);
  // One edit is allowed only below 10 bytes, so longer entries are never one
  // edit from a name find_near() looks up that way: leaving them out keeps
  // the table small enough to stay in cache.
  if (edit_bound(name.size() - 1) <= 1) {
    near_.add(name, index);
  }
}

std::string gazetteer::load(std::string_view text, std::string_view origin) {
  std::string error =
      for_each_line(text, [&](std::size_t line_no, std::string_view line) -> std::string {
        std::size_t tab = line.find('\t');
        entity_type type{};
        if (tab == std::string_view::npos || !parse_entity_type(line.substr(0, tab), type)) {
          return fmt::format("{}:{}: expected person, organization or place, a TAB and a name",
                             origin, line_no);
        }
        std::string_view name = line.substr(tab + 1);
        std::string_view canonical = name;
        if (std::size_t tab2 = name.find('\t'); tab2 != std::string_view::npos) {
          canonical = trim(name.substr(tab2 + 1));
          name = trim(name.substr(0, tab2));
        }
        if (name.empty() || canonical.empty()) {
          return fmt::format("{}:{}: empty name", origin, line_no);
        }
        add(type, name, canonical);
        return {};
      });
  index();
  return error;
}

std::string gazetteer::load_aliases(std::string_view text, std::string_view origin) {
  std::string error =
      for_each_line(text, [&](std::size_t line_no, std::string_view line) -> std::string {
        std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos || trim(line.substr(0, tab)).empty() ||
            trim(line.substr(tab + 1)).empty()) {
          return fmt::format("{}:{}: expected canonical<TAB>alias", origin, line_no);
        }
        std::string canonical(trim(line.substr(0, tab)));
        std::string_view name = trim(line.substr(tab + 1));
        indexed_ = false;
        aliases_[std::string(name)] = canonical;
        if (const gazetteer_entry *known = find(canonical)) {
          add(known->type, name, known->canonical);
        }
        return {};
      });
  index();
  return error;
}

void gazetteer::index() {
  near_.build();
  std::vector<std::string_view> names;
  names.reserve(entries_.size());
  for (const gazetteer_entry &e : entries_) {
    names.emplace_back(e.name);
  }
  entry_table_.assign(names);
  names.clear();
  alias_canonical_.clear();
  for (const auto &[alias, canonical] : aliases_) { // map nodes stay put: views stay valid
    names.emplace_back(alias);
    alias_canonical_.emplace_back(canonical);
  }
  alias_table_.assign(names);
  indexed_ = true;
}

const gazetteer_entry *gazetteer::find(std::string_view name) const {
  if (indexed_) {
    std::int64_t i = entry_table_.find(name);
    return i < 0 ? nullptr : &entries_[static_cast<std::size_t>(i)];
  }
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &entries_[it->second];
}

std::string_view gazetteer::alias(std::string_view name) const {
  if (indexed_) {
    std::int64_t i = alias_table_.find(name);
    return i < 0 ? std::string_view{} : alias_canonical_[static_cast<std::size_t>(i)];
  }
  auto it = aliases_.find(name);
  return it == aliases_.end() ? std::string_view{} : std::string_view(it->second);
}

// Offers `candidates` to the search: the closest within its bound (same
// first byte, of its type when given) wins, ties to the entry loaded first.
void gazetteer::nearest(near_search &search, std::span<const std::uint32_t> candidates) const {
  const std::string_view name = search.name;
  for (std::uint32_t index : candidates) {
    // the byte sets first: they rule out most, and sit together in memory
    if (static_cast<std::size_t>(std::popcount(search.held ^ bytes_held_[index])) >
        2 * search.bound) {
      continue;
    }
    const gazetteer_entry &e = entries_[index];
    if ((search.type && e.type != *search.type) || e.name.front() != name.front()) {
      continue;
    }
    std::size_t d = edit_distance(name, e.name, search.bound);
    if (d <= search.bound &&
        (d < search.best_distance || (d == search.best_distance && &e < search.best))) {
      search.best_distance = d;
      search.best = &e;
    }
  }
}

bool gazetteer::could_be_near(std::string_view name,
                              std::optional<entity_type> type) const noexcept {
  const std::size_t bound = edit_bound(name.size());
  if (bound == 0) {
    return false;
  }
  // each edit changes the length by one at most, and none the first byte
  return shapes_[type ? static_cast<std::size_t>(*type) : shapes_.size() - 1].may_hold(
      name, name.size() - bound, name.size() + bound);
}

const gazetteer_entry *gazetteer::find_near(std::string_view name,
                                            std::optional<entity_type> type) const {
  if (!could_be_near(name, type)) {
    return nullptr;
  }
  const std::size_t bound = edit_bound(name.size());
  near_search search{name, bound, type, bytes_held(name), nullptr, bound + 1};
  if (bound > 1) {
    for (auto t : {entity_type::person, entity_type::organization, entity_type::place}) {
      if (type && *type != t) {
        continue;
      }
      for (std::size_t size = name.size() - bound; size <= name.size() + bound; ++size) {
        if (!shapes_[static_cast<std::size_t>(t)].may_hold(name, size, size)) {
          continue; // no names of that shape: no need to hash the key
        }
        if (auto it = by_shape_.find(near_key(t, name.front(), size)); it != by_shape_.end()) {
          nearest(search, it->second);
        }
      }
    }
    return search.best;
  }
  near_.candidates(name, [&](std::span<const std::uint32_t> candidates) {
    if (!candidates.empty()) {
      nearest(search, candidates);
    }
  });
  return search.best;
}

} // namespace wirespeed::extract_detail
