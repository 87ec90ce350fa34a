#pragma once
// What the two lexers (reference.cpp, lex_masks.cpp) share: the token
// storage behind token_buffer, the state carried between stream chunks, and
// the emit step. Baseline code only.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "tokenize/kernels.hpp"
#include "wirespeed/tokenize.hpp"

namespace wirespeed::tokenize_detail {

struct token_storage {
  std::unique_ptr<token[]> tokens; // default-initialised: growing never zero-fills
  std::size_t size = 0;
  std::size_t capacity = 0;
  std::vector<std::uint32_t> sentences;
  std::vector<std::uint32_t> paragraphs;
  std::vector<std::uint32_t> invalid;

  /// Makes room for `extra` more tokens; throws std::bad_alloc.
  void reserve_more(std::size_t extra);
};

struct buffer_access {
  static token_storage &of(token_buffer &buffer);
  static bool has(const token_buffer &buffer) noexcept;
};

/// Carried from one region of a stream to the next.
struct lex_state {
  unsigned pending_breaks = 0; ///< line breaks since the previous token
};

/// Appends one token whose begin/end are relative to the region; `base` is the
/// region's offset in the stream. The caller has reserved room.
inline void emit(token_storage &out, lex_state &st, std::uint32_t base, std::size_t begin,
                 std::size_t end, token_kind kind, std::uint8_t extra_flags = 0) {
  std::uint8_t flags = extra_flags;
  if (st.pending_breaks != 0) {
    flags |=
        st.pending_breaks >= 2 ? (line_break_before | paragraph_break_before) : line_break_before;
    st.pending_breaks = 0;
  }
  out.tokens[out.size++] = token{base + static_cast<std::uint32_t>(begin),
                                 base + static_cast<std::uint32_t>(end), kind, flags};
  if (extra_flags & invalid_utf8) {
    out.invalid.push_back(base + static_cast<std::uint32_t>(begin));
  }
}

/// The token the reference rules find at s[pos] (not a separator).
struct lexed {
  std::size_t end;
  token_kind kind;
  bool invalid;
};

/// Skips separators from `pos`, adding the line breaks passed to `breaks`;
/// returns the first non-separator position (or n).
[[nodiscard]] std::size_t skip_space(const std::uint8_t *s, std::size_t n, std::size_t pos,
                                     unsigned &breaks) noexcept;
/// The reference rules for the one token starting at s[pos].
[[nodiscard]] lexed lex_one(const std::uint8_t *s, std::size_t n, std::size_t pos) noexcept;

/// Tokenises all of s[0, n) with the reference rules, byte at a time. The
/// region either ends the stream or ends with an ASCII separator.
void lex_reference(lex_state &st, const std::uint8_t *s, std::size_t n, std::uint32_t base,
                   token_storage &out);
/// Same output, driven by SIMD byte-class masks from `k`.
void lex_masks(const kernels &k, lex_state &st, const std::uint8_t *s, std::size_t n,
               std::uint32_t base, token_storage &out);

/// Sentence state carried between regions of a stream.
struct segment_state {
  bool after_terminal = false; ///< last token ended a sentence (closers may follow)
};

/// Records sentence and paragraph starts for tokens [first, out.size);
/// `s` holds the region's bytes, which start at stream offset `base`.
void segment(segment_state &st, const std::uint8_t *s, std::uint32_t base, token_storage &out,
             std::size_t first);

} // namespace wirespeed::tokenize_detail
