// Streaming scans. Matches are held until the bytes a whole-word check needs
// after them have arrived; the bytes before them come from a short history.
// In UTF-8 mode an incomplete character at a chunk's end is held back until
// the next chunk completes it, so Hyperscan only ever sees validated bytes.
#include <algorithm>
#include <new>

#include "match/database_impl.hpp"
#include "match/scan_context.hpp"

namespace wirespeed::match {

struct stream::impl {
  const database::impl *db = nullptr;
  scratch::impl *space = nullptr;
  hs_stream_t *hs = nullptr;
  scan_mode mode = scan_mode::all;
  std::uint64_t offset = 0; // bytes handed to Hyperscan so far
  std::string history;      // bytes [history_base, offset), whole-word databases only
  std::uint64_t history_base = 0;
  std::vector<match> pending; // reported by Hyperscan, not yet final
  std::vector<match> held;    // final, waiting for finish() (leftmost_longest)
  std::string utf8_tail;      // incomplete character held back
  std::vector<match> *out = nullptr;
  bool out_of_memory = false;

  impl() = default;
  impl(const impl &) = delete;
  impl &operator=(const impl &) = delete;
  ~impl() {
    if (hs != nullptr) {
      hs_close_stream(hs, nullptr, nullptr, nullptr);
    }
  }

  [[nodiscard]] bool whole_word_at(std::uint64_t begin, std::uint64_t end) const noexcept {
    unsigned char before[detail::word_bytes_before];
    unsigned char after[detail::word_bytes_after];
    std::size_t n_before = 0;
    std::size_t n_after = 0;
    for (std::uint64_t at = begin - std::min<std::uint64_t>(begin, detail::word_bytes_before);
         at < begin; ++at) {
      if (at >= history_base) {
        before[n_before++] = static_cast<unsigned char>(history[at - history_base]);
      }
    }
    for (std::uint64_t at = end; at < offset && n_after < detail::word_bytes_after; ++at) {
      after[n_after++] = static_cast<unsigned char>(history[at - history_base]);
    }
    return detail::whole_word(before, n_before, after, n_after);
  }

  // Moves the final pending matches (all of them when `ending`) to the output.
  void settle(bool ending) {
    std::vector<match> &target = mode == scan_mode::all ? *out : held;
    std::size_t done = 0;
    for (; done < pending.size(); ++done) {
      const match &m = pending[done];
      if (db->entries[m.id].whole_word) {
        if (!ending && m.end + detail::word_bytes_after > offset) {
          break;
        }
        if (!whole_word_at(m.begin, m.end)) {
          continue;
        }
      }
      target.push_back(m);
    }
    pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(done));
  }

  error scan_bytes(std::string_view bytes) {
    if (bytes.size() > UINT32_MAX) {
      return {error_code::engine_error, "chunk over 4 GiB", {}, 0, error::no_pattern};
    }
    const hs_error_t status = hs_scan_stream(hs, bytes.data(), static_cast<unsigned>(bytes.size()),
                                             0, space->space, on_match, this);
    if (out_of_memory) {
      throw std::bad_alloc();
    }
    if (status != HS_SUCCESS) {
      return detail::engine_failure(status, "scanning a stream");
    }
    offset += bytes.size();
    if (db->whole_word) {
      history.append(bytes);
      settle(false);
      const std::uint64_t keep = db->history + detail::word_bytes_after;
      if (history.size() > 2 * keep) {
        const std::uint64_t drop = history.size() - keep;
        history.erase(0, drop);
        history_base += drop;
      }
    } else {
      settle(false);
    }
    return {};
  }

  static int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned,
                      void *context) noexcept {
    auto &self = *static_cast<impl *>(context);
    const pattern_entry &e = self.db->entries[id];
    // Past the SOM horizon Hyperscan cannot say where the match began.
    const std::uint64_t begin = e.length != 0 ? to - e.length : (from > to ? 0 : from);
    try {
      self.pending.push_back(match{id, e.tag, begin, to});
    } catch (...) {
      self.out_of_memory = true;
      return 1;
    }
    return 0;
  }
};

namespace {

std::size_t utf8_length(unsigned char lead) noexcept {
  if (lead >= 0xF0) {
    return 4;
  }
  if (lead >= 0xE0) {
    return 3;
  }
  return lead >= 0xC0 ? 2 : 1;
}

// Where an incomplete character at the end of `bytes` starts (size() if none).
std::size_t complete_prefix(std::string_view bytes) noexcept {
  const std::size_t n = bytes.size();
  for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
    const auto b = static_cast<unsigned char>(bytes[n - back]);
    if ((b & 0xC0) != 0x80) {
      return b >= 0xC0 && utf8_length(b) > back ? n - back : n;
    }
  }
  return n;
}

error closed_stream() {
  return {error_code::not_compiled, "stream is not open", {}, 0, error::no_pattern};
}

} // namespace

stream::stream() noexcept = default;
stream::~stream() = default;
stream::stream(stream &&) noexcept = default;
stream &stream::operator=(stream &&) noexcept = default;

error stream::open(const database &db, scratch &space, scan_mode mode) noexcept {
  impl_.reset();
  if (!db.impl_) {
    return {error_code::not_compiled,
            "stream over a database that was not compiled",
            {},
            0,
            error::no_pattern};
  }
  if (db.impl_->streaming == nullptr) {
    return {error_code::no_stream_mode,
            "database was compiled without streaming",
            {},
            0,
            error::no_pattern};
  }
  try {
    if (!space.impl_) {
      space.impl_ = std::make_unique<scratch::impl>();
    }
    if (error e = detail::prepare_scratch(*space.impl_, *db.impl_); !e.ok()) {
      return e;
    }
    auto s = std::make_unique<impl>();
    s->db = db.impl_.get();
    s->space = space.impl_.get();
    s->mode = mode;
    if (const hs_error_t status = hs_open_stream(s->db->streaming, 0, &s->hs);
        status != HS_SUCCESS) {
      return detail::engine_failure(status, "opening a stream");
    }
    impl_ = std::move(s);
  } catch (const std::bad_alloc &) {
    return {error_code::out_of_memory, "out of memory opening a stream", {}, 0, error::no_pattern};
  }
  return {};
}

error stream::feed(std::string_view chunk, std::vector<match> &out) noexcept {
  if (!impl_) {
    return closed_stream();
  }
  impl &s = *impl_;
  s.out = &out;
  try {
    if (!s.db->utf8) {
      return s.scan_bytes(chunk);
    }
    if (!s.utf8_tail.empty()) {
      const std::size_t want = utf8_length(static_cast<unsigned char>(s.utf8_tail[0]));
      const std::size_t take = std::min(want - s.utf8_tail.size(), chunk.size());
      s.utf8_tail.append(chunk.substr(0, take));
      chunk.remove_prefix(take);
      if (s.utf8_tail.size() < want) {
        return {};
      }
      if (!detail::valid_utf8(s.utf8_tail)) {
        return detail::invalid_utf8_error();
      }
      if (error e = s.scan_bytes(s.utf8_tail); !e.ok()) {
        return e;
      }
      s.utf8_tail.clear();
    }
    const std::size_t cut = complete_prefix(chunk);
    if (!detail::valid_utf8(chunk.substr(0, cut))) {
      return detail::invalid_utf8_error();
    }
    if (error e = s.scan_bytes(chunk.substr(0, cut)); !e.ok()) {
      return e;
    }
    s.utf8_tail.assign(chunk.substr(cut));
  } catch (const std::bad_alloc &) {
    return {error_code::out_of_memory, "out of memory while scanning", {}, 0, error::no_pattern};
  }
  return {};
}

error stream::finish(std::vector<match> &out) noexcept {
  if (!impl_) {
    return closed_stream();
  }
  std::unique_ptr<impl> s = std::move(impl_);
  s->out = &out;
  try {
    if (!s->utf8_tail.empty()) {
      return detail::invalid_utf8_error();
    }
    hs_stream_t *hs = s->hs;
    s->hs = nullptr;
    const hs_error_t status = hs_close_stream(hs, s->space->space, impl::on_match, s.get());
    if (s->out_of_memory) {
      throw std::bad_alloc();
    }
    if (status != HS_SUCCESS) {
      return detail::engine_failure(status, "closing a stream");
    }
    s->settle(true);
    if (s->mode == scan_mode::leftmost_longest) {
      select_leftmost_longest(s->held);
      out.insert(out.end(), s->held.begin(), s->held.end());
    }
  } catch (const std::bad_alloc &) {
    return {error_code::out_of_memory, "out of memory while scanning", {}, 0, error::no_pattern};
  }
  return {};
}

} // namespace wirespeed::match
