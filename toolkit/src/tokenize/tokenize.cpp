// Public tokenizer API: buffer management, level selection, streaming.
#include <algorithm>
#include <cstring>
#include <limits>
#include <new>
#include <vector>

#include "simd/pick.hpp"
#include "tokenize/engine.hpp"

namespace wirespeed {

using tokenize_detail::buffer_access;
using tokenize_detail::token_storage;

void token_storage::reserve_more(std::size_t extra) {
  if (capacity - size >= extra) {
    return;
  }
  const std::size_t wanted = std::max(size + extra, capacity * 2);
  std::unique_ptr<token[]> grown(new token[wanted]);
  std::unique_ptr<std::uint32_t[]> grown_marks(new std::uint32_t[wanted]);
  if (size != 0) {
    std::memcpy(grown.get(), tokens.get(), size * sizeof(token));
  }
  if (marked != 0) {
    std::memcpy(grown_marks.get(), marks.get(), marked * sizeof(std::uint32_t));
  }
  tokens = std::move(grown);
  marks = std::move(grown_marks);
  capacity = wanted;
}

void token_storage::add_invalid(std::uint32_t offset) {
  invalid.push_back(offset);
}

token_storage &buffer_access::of(token_buffer &buffer) {
  return *buffer.storage_;
}
bool buffer_access::has(const token_buffer &buffer) noexcept {
  return buffer.storage_ != nullptr;
}

token_buffer::token_buffer() noexcept : storage_(new (std::nothrow) token_storage) {
}
token_buffer::~token_buffer() = default;
token_buffer::token_buffer(token_buffer &&) noexcept = default;
token_buffer &token_buffer::operator=(token_buffer &&) noexcept = default;

std::span<const token> token_buffer::tokens() const noexcept {
  return storage_ ? std::span<const token>(storage_->tokens.get(), storage_->size)
                  : std::span<const token>();
}
std::span<const std::uint32_t> token_buffer::sentence_starts() const noexcept {
  return storage_ ? std::span<const std::uint32_t>(storage_->sentences)
                  : std::span<const std::uint32_t>();
}
std::span<const std::uint32_t> token_buffer::paragraph_starts() const noexcept {
  return storage_ ? std::span<const std::uint32_t>(storage_->paragraphs)
                  : std::span<const std::uint32_t>();
}
std::span<const std::uint32_t> token_buffer::invalid_utf8_offsets() const noexcept {
  return storage_ ? std::span<const std::uint32_t>(storage_->invalid)
                  : std::span<const std::uint32_t>();
}
void token_buffer::clear() noexcept {
  if (storage_) {
    storage_->size = 0;
    storage_->marked = 0;
    storage_->sentences.clear();
    storage_->paragraphs.clear();
    storage_->invalid.clear();
  }
}

std::string_view to_string(token_kind kind) noexcept {
  switch (kind) {
  case token_kind::word:
    return "word";
  case token_kind::number:
    return "number";
  case token_kind::punctuation:
    return "punct";
  case token_kind::symbol:
    return "symbol";
  case token_kind::url:
    return "url";
  case token_kind::email:
    return "email";
  case token_kind::mention:
    return "mention";
  case token_kind::hashtag:
    return "hashtag";
  }
  return "unknown";
}

std::string_view to_string(tokenize_status status) noexcept {
  switch (status) {
  case tokenize_status::ok:
    return "ok";
  case tokenize_status::input_too_large:
    return "input too large: the tokenizer's offsets are 32-bit (4 GiB)";
  case tokenize_status::out_of_memory:
    return "out of memory for the token buffer";
  }
  return "unknown";
}

namespace tokenize_detail {
namespace {

std::uint64_t sum_scalar(const std::uint8_t *in, std::size_t n) noexcept {
  std::uint64_t total = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, in + i, 8);
    total += word;
  }
  for (; i < n; ++i) {
    total += in[i];
  }
  return total;
}

const kernels scalar_table = {cpu::isa::scalar, nullptr, nullptr, &sum_scalar};

const kernels &active_kernels() noexcept {
  return *kernels_for(cpu::active_isa());
}

void lex(const kernels &k, lex_state &st, const std::uint8_t *s, std::size_t n, std::uint32_t base,
         token_storage &out) {
  out.marked = 0; // none left over from a region whose lexing threw
  if (k.lex != nullptr) {
    k.lex(st, s, n, base, out);
  } else {
    lex_reference(st, s, n, base, out);
  }
}

constexpr std::uint64_t max_input = std::numeric_limits<std::uint32_t>::max();

bool is_separator(std::uint8_t c) noexcept {
  return c <= 0x20 || c == 0x7F;
}

} // namespace

const kernels *kernels_for(cpu::isa level) noexcept {
  return simd::pick<const kernels *>(level, {&scalar_table, WIRESPEED_IF_SSE4_2(&isa_sse4_2::table),
                                             WIRESPEED_IF_AVX2(&isa_avx2::table),
                                             WIRESPEED_IF_AVX512BW(&isa_avx512bw::table),
                                             WIRESPEED_IF_NEON64(&isa_neon64::table)});
}

} // namespace tokenize_detail

namespace tokenize_detail {

tokenize_status tokenize_with(const kernels &k, std::string_view text, token_buffer &out) noexcept {
  out.clear();
  if (text.size() >= max_input) {
    return tokenize_status::input_too_large;
  }
  if (!buffer_access::has(out)) {
    return tokenize_status::out_of_memory;
  }
  try {
    auto &storage = buffer_access::of(out);
    const auto *s = reinterpret_cast<const std::uint8_t *>(text.data());
    lex_state lexing;
    segment_state segmenting;
    // In pieces cut after a separator (as a stream would be), so that the
    // sentence pass reads tokens while they are still in cache.
    constexpr std::size_t piece = 32 * 1024;
    const std::size_t n = text.size();
    for (std::size_t at = 0; at < n;) {
      std::size_t end = n;
      if (n - at > piece) {
        end = at + piece;
        while (end > at && !is_separator(s[end - 1])) {
          --end;
        }
        if (end == at) {
          end = at + piece;
          while (end < n && !is_separator(s[end - 1])) {
            ++end;
          }
        }
      }
      const std::size_t first = storage.size;
      lex(k, lexing, s + at, end - at, static_cast<std::uint32_t>(at), storage);
      segment(segmenting, s + at, static_cast<std::uint32_t>(at), storage, first);
      at = end;
    }
  } catch (const std::bad_alloc &) {
    out.clear();
    return tokenize_status::out_of_memory;
  }
  return tokenize_status::ok;
}

} // namespace tokenize_detail

tokenize_status tokenize(std::string_view text, token_buffer &out) noexcept {
  return tokenize_detail::tokenize_with(tokenize_detail::active_kernels(), text, out);
}

struct tokenizer::state {
  const tokenize_detail::kernels *k;
  tokenize_detail::lex_state lex;
  tokenize_detail::segment_state segment;
  std::vector<std::uint8_t> carry; ///< bytes after the last separator seen
  std::uint64_t offset = 0;        ///< stream offset of carry[0]

  tokenize_status run(const std::uint8_t *s, std::size_t n, token_buffer &out) {
    auto &storage = buffer_access::of(out);
    const std::size_t first = storage.size;
    const auto base = static_cast<std::uint32_t>(offset);
    tokenize_detail::lex(*k, lex, s, n, base, storage);
    tokenize_detail::segment(segment, s, base, storage, first);
    offset += n;
    return tokenize_status::ok;
  }

  void restart() noexcept {
    lex = {};
    segment = {};
    carry.clear();
    offset = 0;
  }
};

tokenizer::tokenizer() noexcept : tokenizer(cpu::active_isa()) {
}

tokenizer::tokenizer(cpu::isa level) noexcept : state_(new (std::nothrow) state) {
  if (state_) {
    state_->k = tokenize_detail::kernels_for(level);
    if (state_->k == nullptr) {
      state_->k = &tokenize_detail::active_kernels();
    }
  }
}

tokenizer::~tokenizer() = default;
tokenizer::tokenizer(tokenizer &&) noexcept = default;
tokenizer &tokenizer::operator=(tokenizer &&) noexcept = default;

cpu::isa tokenizer::level() const noexcept {
  return state_ ? state_->k->level : cpu::isa::scalar;
}

void tokenizer::reset() noexcept {
  if (state_) {
    state_->restart();
  }
}

tokenize_status tokenizer::feed(std::string_view chunk, token_buffer &out) noexcept {
  if (!state_ || !buffer_access::has(out)) {
    return tokenize_status::out_of_memory;
  }
  state &st = *state_;
  if (st.offset + st.carry.size() + chunk.size() >= tokenize_detail::max_input) {
    return tokenize_status::input_too_large;
  }
  const auto *s = reinterpret_cast<const std::uint8_t *>(chunk.data());
  // Cut after the last ASCII separator: no token, join or look-ahead crosses
  // one, so everything before it is final whatever comes next.
  std::size_t cut = chunk.size();
  while (cut > 0 && !tokenize_detail::is_separator(s[cut - 1])) {
    --cut;
  }
  try {
    if (cut == 0) {
      st.carry.insert(st.carry.end(), s, s + chunk.size());
      return tokenize_status::ok;
    }
    if (st.carry.empty()) {
      st.run(s, cut, out);
    } else {
      st.carry.insert(st.carry.end(), s, s + cut);
      st.run(st.carry.data(), st.carry.size(), out);
    }
    st.carry.assign(s + cut, s + chunk.size());
  } catch (const std::bad_alloc &) {
    st.restart();
    return tokenize_status::out_of_memory;
  }
  return tokenize_status::ok;
}

tokenize_status tokenizer::finish(token_buffer &out) noexcept {
  if (!state_ || !buffer_access::has(out)) {
    return tokenize_status::out_of_memory;
  }
  state &st = *state_;
  tokenize_status status = tokenize_status::ok;
  try {
    if (!st.carry.empty()) {
      st.run(st.carry.data(), st.carry.size(), out);
    }
  } catch (const std::bad_alloc &) {
    status = tokenize_status::out_of_memory;
  }
  st.restart();
  return status;
}

} // namespace wirespeed
