// Sentence and paragraph boundaries from the token stream. Shared by every
// SIMD level: it only looks at tokens, which the levels agree on.
#include <array>
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

// Punctuation tokens that may end a sentence start with . ! ? or with the
// lead byte of U+2026, U+061F, U+06D4, U+3002, U+FF01 or U+FF1F; most tokens
// are ruled out by one table lookup.
constexpr std::array<bool, 256> make_terminal_leads() {
  std::array<bool, 256> leads{};
  for (std::uint8_t c : {'.', '!', '?', '\xD8', '\xDB', '\xE2', '\xE3', '\xEF'}) {
    leads[c] = true;
  }
  return leads;
}
constexpr std::array<bool, 256> terminal_leads = make_terminal_leads();

} // namespace

void segment(segment_state &st, const std::uint8_t *s, std::uint32_t base, token_storage &out,
             std::size_t first) {
  for (std::size_t i = first; i < out.size; ++i) {
    const token &t = out.tokens[i];
    const bool punct = t.kind == token_kind::punctuation;
    const bool paragraph = (t.flags & paragraph_break_before) != 0;
    // Common case, one predictable branch: a token that is no candidate
    // after a token that ended nothing.
    if (!(st.after_terminal | paragraph | (i == 0) | (punct & terminal_leads[s[t.begin - base]]))) {
      continue;
    }
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
}

} // namespace wirespeed::tokenize_detail
