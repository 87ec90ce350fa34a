#pragma once
// What the two lexers (reference.cpp, lex_masks.hpp) share: the token
// storage behind token_buffer and the state carried between stream chunks.
// The per-ISA lexer includes this too, so it declares no inline functions:
// their one definition could be compiled with another level's flags.
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
  /// Indices of the tokens segment() has to look at (every token that may end
  /// a sentence or starts a paragraph, and maybe some others), ascending,
  /// written by the lexer for the current region; room for `capacity`.
  std::unique_ptr<std::uint32_t[]> marks;
  std::size_t marked = 0;
  std::vector<std::uint32_t> sentences;
  std::vector<std::uint32_t> paragraphs;
  std::vector<std::uint32_t> invalid;

  /// Makes room for `extra` more tokens; throws std::bad_alloc.
  void reserve_more(std::size_t extra);
  /// Records the stream offset of an invalid UTF-8 sequence. Out of line, so
  /// that per-ISA code never instantiates std::vector with its own flags.
  void add_invalid(std::uint32_t offset);
};

struct buffer_access {
  static token_storage &of(token_buffer &buffer);
  static bool has(const token_buffer &buffer) noexcept;
};

/// Carried from one region of a stream to the next.
struct lex_state {
  unsigned pending_breaks = 0; ///< line breaks since the previous token
};

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

/// Sentence state carried between regions of a stream.
struct segment_state {
  bool after_terminal = false; ///< last token ended a sentence (closers may follow)
};

/// Records sentence and paragraph starts for tokens [first, out.size), the
/// region the lexer has just marked, and consumes the marks; `s` holds the
/// region's bytes, which start at stream offset `base`.
void segment(segment_state &st, const std::uint8_t *s, std::uint32_t base, token_storage &out,
             std::size_t first);

} // namespace wirespeed::tokenize_detail
