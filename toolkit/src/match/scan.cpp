// Block-mode scanning: Hyperscan callbacks append to the scratch's vector,
// filtering whole-word matches on the spot.
#include <simdjson.h>

#include <algorithm>
#include <new>

#include "core/huge_pages.hpp"
#include "match/database_impl.hpp"
#include "match/scan_context.hpp"

namespace wirespeed::match {

scratch::scratch() noexcept = default;
scratch::~scratch() = default;
scratch::scratch(scratch &&) noexcept = default;
scratch &scratch::operator=(scratch &&) noexcept = default;

namespace detail {

/// Dictionary matching on news finds a match every few dozen bytes; room for
/// one per 16 bytes rarely needs to grow. Past 4 Mi matches (96 MiB of
/// address space) the vector grows as it must.
constexpr std::size_t bytes_per_reserved_match = 16;
constexpr std::size_t max_reserved_matches = std::size_t{1} << 22;

error engine_failure(hs_error_t status, std::string_view what) {
  error e;
  e.code = status == HS_NOMEM ? error_code::out_of_memory : error_code::engine_error;
  e.message = std::string(what) + ": Hyperscan error " + std::to_string(status);
  return e;
}

error prepare_scratch(scratch::impl &space, const database::impl &db) noexcept {
  if (space.sized_for == db.serial) {
    return {};
  }
  for (const hs_database_t *form : {db.block, db.streaming}) {
    if (form != nullptr) {
      if (const hs_error_t status = hs_alloc_scratch(form, &space.space); status != HS_SUCCESS) {
        return engine_failure(status, "allocating scratch");
      }
    }
  }
  space.sized_for = db.serial;
  return {};
}

bool valid_utf8(std::string_view text) noexcept {
  return simdjson::validate_utf8(text.data(), text.size());
}

error invalid_utf8_error() {
  error e;
  e.code = error_code::invalid_utf8;
  e.message = "input is not valid UTF-8 (required by this pattern database)";
  return e;
}

int on_block_match(unsigned id, unsigned long long from, unsigned long long to, unsigned,
                   void *context) noexcept {
  auto &c = *static_cast<block_context *>(context);
  const pattern_entry &e = c.entries[id];
  const std::uint64_t begin = e.length != 0 ? to - e.length : from;
  if (e.whole_word && !c.whole_word_at(begin, to)) {
    return 0;
  }
  try {
    c.out->push_back(match{id, e.tag, begin, to});
  } catch (...) {
    c.out_of_memory = true;
    return 1;
  }
  return 0;
}

} // namespace detail

error database::scan(std::string_view text, scratch &space, std::vector<match> &out,
                     scan_mode mode) const noexcept {
  if (!impl_) {
    return {error_code::not_compiled,
            "scan on a database that was not compiled",
            {},
            0,
            error::no_pattern};
  }
  const impl &db = *impl_;
  if (text.size() > UINT32_MAX) {
    return {
        error_code::engine_error, "text over 4 GiB: scan it as a stream", {}, 0, error::no_pattern};
  }
  if (db.utf8 && !detail::valid_utf8(text)) {
    return detail::invalid_utf8_error();
  }
  try {
    if (!space.impl_) {
      space.impl_ = std::make_unique<scratch::impl>();
    }
    if (error e = detail::prepare_scratch(*space.impl_, db); !e.ok()) {
      return e;
    }
    std::vector<match> &sink = mode == scan_mode::all ? out : space.impl_->found;
    const std::size_t first = sink.size();
    // Room for dense matches up front: growing a vector of a megabyte or
    // more by doubling pays fresh page faults and a copy at every step, and
    // reserved pages that are never touched cost nothing.
    core::reserve_in_huge_pages(sink,
                                first + std::min(text.size() / detail::bytes_per_reserved_match,
                                                 detail::max_reserved_matches));
    if (db.block != nullptr) {
      detail::block_context context{db.entries.data(), text, &sink};
      const hs_error_t status = hs_scan(db.block, text.data(), static_cast<unsigned>(text.size()),
                                        0, space.impl_->space, detail::on_block_match, &context);
      if (context.out_of_memory) {
        throw std::bad_alloc();
      }
      if (status != HS_SUCCESS) {
        sink.resize(first);
        return detail::engine_failure(status, "scanning");
      }
    }
    const std::size_t from_engine = sink.size();
    db.index.scan(text, sink);
    if (mode == scan_mode::all && from_engine != first && from_engine != sink.size()) {
      // Both halves are in order of end offset; so is their merge.
      // (leftmost_longest sorts them its own way below.)
      std::inplace_merge(sink.begin() + static_cast<std::ptrdiff_t>(first),
                         sink.begin() + static_cast<std::ptrdiff_t>(from_engine), sink.end(),
                         [](const match &x, const match &y) { return x.end < y.end; });
    }
    if (mode == scan_mode::leftmost_longest) {
      select_leftmost_longest(sink);
      if (out.empty()) {
        out.swap(sink); // the scratch keeps the caller's buffer for the next scan
      } else {
        out.insert(out.end(), sink.begin(), sink.end());
      }
      sink.clear();
    }
  } catch (const std::bad_alloc &) {
    return {error_code::out_of_memory, "out of memory while scanning", {}, 0, error::no_pattern};
  }
  return {};
}

namespace {

/// By begin, longest first, then by id: the order the selection walks.
bool walks_before(const match &x, const match &y) noexcept {
  if (x.begin != y.begin) {
    return x.begin < y.begin;
  }
  if (x.end != y.end) {
    return x.end > y.end;
  }
  return x.id < y.id;
}

/// Sorts by walks_before. A scan's matches come ordered by end, so each is
/// out of place only among the few that overlap it: an insertion sort is one
/// pass over them (std::sort took a tenth of a dense scan). Past a budget of
/// moves (long overlapping regex matches, or any order) std::sort finishes.
void order_for_walk(std::vector<match> &matches) {
  std::size_t moves_left = 4 * matches.size() + 64;
  for (std::size_t i = 1; i < matches.size(); ++i) {
    const match m = matches[i];
    std::size_t at = i;
    while (at > 0 && walks_before(m, matches[at - 1]) && moves_left > 0) {
      matches[at] = matches[at - 1];
      --at;
      --moves_left;
    }
    matches[at] = m;
    if (moves_left == 0) {
      std::sort(matches.begin(), matches.end(), walks_before);
      return;
    }
  }
}

} // namespace

void select_leftmost_longest(std::vector<match> &matches) {
  order_for_walk(matches);
  std::size_t kept = 0;
  std::uint64_t covered = 0;
  for (const match &m : matches) {
    if (kept == 0 || m.begin >= covered) {
      matches[kept++] = m;
      covered = m.end;
    }
  }
  matches.resize(kept);
}

} // namespace wirespeed::match
