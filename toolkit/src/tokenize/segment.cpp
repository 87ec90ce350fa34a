// Sentence and paragraph boundaries from the token stream. Shared by every
// SIMD level: it only looks at tokens, which the levels agree on.
#include <string_view>

#include "tokenize/engine.hpp"

namespace wirespeed::tokenize_detail {
namespace {

bool text_is_one_of(std::string_view text, std::initializer_list<std::string_view> set) noexcept {
  for (std::string_view candidate : set) {
    if (text == candidate) {
      return true;
    }
  }
  return false;
}

// . ! ? U+2026 and the Arabic, CJK and fullwidth question marks and full stops.
bool ends_sentence(std::string_view text) noexcept {
  if (text.size() == 1) {
    return text[0] == '.' || text[0] == '!' || text[0] == '?';
  }
  using namespace std::string_view_literals;
  return text_is_one_of(text,
                        {"\u2026"sv, "\u061F"sv, "\u06D4"sv, "\u3002"sv, "\uFF01"sv, "\uFF1F"sv});
}

// Closing quotes and brackets after a full stop belong to its sentence.
bool closes(std::string_view text) noexcept {
  if (text.size() == 1) {
    return text[0] == '"' || text[0] == '\'' || text[0] == ')' || text[0] == ']' || text[0] == '}';
  }
  using namespace std::string_view_literals;
  return text_is_one_of(text, {"\u2019"sv, "\u201D"sv, "\u00BB"sv, "\u203A"sv});
}

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
  const std::string_view text(reinterpret_cast<const char *>(s + (t.begin - base)),
                              t.end - t.begin);
  if (i == 0 || paragraph) {
    out.paragraphs.push_back(index);
    out.sentences.push_back(index);
    st.after_terminal = false;
  } else if (st.after_terminal && !(punct && closes(text))) {
    // "Why?" he asked: a lowercase word continues the sentence.
    const bool lowercase = t.kind == token_kind::word && text[0] >= 'a' && text[0] <= 'z';
    if (!lowercase) {
      out.sentences.push_back(index);
    }
    st.after_terminal = false;
  }
  if (punct && ends_sentence(text)) {
    st.after_terminal = true;
  }
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
