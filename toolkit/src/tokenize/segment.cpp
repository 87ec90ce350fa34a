// Sentence and paragraph boundaries from the token stream. Shared by every
// SIMD level: it only looks at tokens, which the levels agree on.
#include <array>
#include <cstdint>
#include <string_view>

#include "tokenize/engine.hpp"

namespace wirespeed::tokenize_detail {
namespace {

// A punctuation token (one character of one to four bytes) as one number:
// its length, first, middle and last byte. Distinct for every character of
// up to three bytes, built from in-bounds loads without a branch on the
// length, so that the tests below compare numbers instead of strings.
std::uint32_t key_of(const std::uint8_t *text, std::uint32_t length) noexcept {
  return length | std::uint32_t{text[0]} << 8 | std::uint32_t{text[length / 2]} << 16 |
         std::uint32_t{text[length - 1]} << 24;
}
constexpr std::uint32_t key_of(std::string_view utf8) {
  const auto byte = [utf8](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(utf8[i]));
  };
  const auto length = static_cast<std::uint32_t>(utf8.size());
  return length | byte(0) << 8 | byte(length / 2) << 16 | byte(length - 1) << 24;
}

/// Without a branch per candidate: whether a marked token ends a sentence
/// is data (a full stop or a curly quote), and string comparisons
/// mispredicted in segment() about once per sentence (callgrind).
template <std::size_t N>
bool key_is_one_of(std::uint32_t key, const std::array<std::uint32_t, N> &set) noexcept {
  bool found = false;
  for (std::uint32_t candidate : set) {
    found |= key == candidate;
  }
  return found;
}

// . ! ? U+2026 and the Arabic, CJK and fullwidth question marks and full stops.
constexpr std::array<std::uint32_t, 9> sentence_ends = {
    key_of("."),      key_of("!"),      key_of("?"),      key_of("\u2026"), key_of("\u061F"),
    key_of("\u06D4"), key_of("\u3002"), key_of("\uFF01"), key_of("\uFF1F")};
// Closing quotes and brackets after a full stop belong to its sentence.
constexpr std::array<std::uint32_t, 9> closers = {
    key_of("\""),     key_of("'"),      key_of(")"),      key_of("]"),     key_of("}"),
    key_of("\u2019"), key_of("\u201D"), key_of("\u00BB"), key_of("\u203A")};

// One token, in order: a paragraph start, a sentence start after a
// terminal (and its closers), or a terminal. Harmless on any other token.
// Inlined into its three callers: a call per visited token (two per
// sentence) cost about a fifth of segment() (callgrind).
[[gnu::always_inline]] inline void visit(segment_state &st, const std::uint8_t *s,
                                         std::uint32_t base, token_storage &out, std::size_t i) {
  const token &t = out.tokens[i];
  const bool punct = t.kind == token_kind::punctuation;
  const bool paragraph = (t.flags & paragraph_break_before) != 0;
  const auto index = static_cast<std::uint32_t>(i);
  const std::uint8_t *text = s + (t.begin - base);
  const std::uint32_t key = key_of(text, t.end - t.begin);
  if (i == 0 || paragraph) {
    out.paragraphs.push_back(index);
    out.sentences.push_back(index);
    st.after_terminal = false;
  } else if (st.after_terminal && !(punct && key_is_one_of(key, closers))) {
    // "Why?" he asked: a lowercase word continues the sentence.
    const bool lowercase = t.kind == token_kind::word && text[0] >= 'a' && text[0] <= 'z';
    if (!lowercase) {
      out.sentences.push_back(index);
    }
    st.after_terminal = false;
  }
  st.after_terminal |= punct & key_is_one_of(key, sentence_ends);
}

} // namespace

void segment(segment_state &st, const std::uint8_t *s, std::uint32_t base, token_storage &out,
             std::size_t first) {
  // Only the first token, the marked ones (the lexer marks every paragraph
  // start and every token that may end a sentence) and the tokens after a
  // terminal can change anything; the rest are skipped without being read.
  std::size_t next = first; // tokens before it are done
  const auto follow_terminal = [&](std::size_t to) {
    while (st.after_terminal && next < to) {
      visit(st, s, base, out, next++);
    }
    next = to;
  };
  if (first == 0 && out.size != 0) {
    visit(st, s, base, out, 0);
    next = 1;
  }
  for (std::size_t m = 0; m < out.marked; ++m) {
    const std::size_t i = out.marks[m];
    if (i < next) {
      continue; // already visited as a follower of a terminal
    }
    follow_terminal(i);
    visit(st, s, base, out, i);
    next = i + 1;
  }
  follow_terminal(out.size);
  out.marked = 0;
}

} // namespace wirespeed::tokenize_detail
