// The scalar reference tokenizer: byte at a time, branchy, obviously right.
// It is the specification the SIMD lexer is tested against (and the "careful
// scalar tokenizer" the benchmarks compare with).
#include <string_view>

#include "tokenize/chars.hpp"
#include "tokenize/engine.hpp"

namespace wirespeed::tokenize_detail {
namespace {

struct char_at {
  char_class cls;
  std::size_t len; // 0 at the end of the region
  bool ascii_digit;
};

char_at look(const std::uint8_t *s, std::size_t n, std::size_t pos) noexcept {
  if (pos >= n) {
    return {char_class::space, 0, false};
  }
  if (s[pos] < 0x80) {
    return {ascii_class(s[pos]), 1, is_ascii_digit(s[pos])};
  }
  const decoded d = decode_utf8(s, n, pos);
  return {d.valid ? unicode_class(d.cp) : char_class::symbol, d.len, false};
}

/// Appends one token whose begin/end are relative to the region; `base` is the
/// region's offset in the stream. The caller has reserved room.
void emit(token_storage &out, lex_state &st, std::uint32_t base, std::size_t begin, std::size_t end,
          token_kind kind, std::uint8_t extra_flags = 0) {
  std::uint8_t flags = extra_flags;
  if (st.pending_breaks != 0) {
    flags |=
        st.pending_breaks >= 2 ? (line_break_before | paragraph_break_before) : line_break_before;
    st.pending_breaks = 0;
  }
  if (kind == token_kind::punctuation || (flags & paragraph_break_before)) {
    out.marks[out.marked++] = static_cast<std::uint32_t>(out.size); // for segment()
  }
  out.tokens[out.size++] = token{base + static_cast<std::uint32_t>(begin),
                                 base + static_cast<std::uint32_t>(end), kind, flags};
  if (extra_flags & invalid_utf8) {
    out.invalid.push_back(base + static_cast<std::uint32_t>(begin));
  }
}

bool is_alnum(char_class c) noexcept {
  return c == char_class::letter || c == char_class::digit;
}

bool is_right_single_quote(const std::uint8_t *s, std::size_t n, std::size_t pos) noexcept {
  return pos + 2 < n && s[pos] == 0xE2 && s[pos + 1] == 0x80 && s[pos + 2] == 0x99;
}

/// A word or number: letters and digits plus the joiners between them.
struct run {
  std::size_t end;
  bool has_letter;
};

run scan_run(const std::uint8_t *s, std::size_t n, std::size_t pos) noexcept {
  run r{pos, false};
  char_at last{char_class::space, 0, false};
  while (true) {
    const char_at c = look(s, n, r.end);
    if (is_alnum(c.cls)) {
      r.has_letter |= c.cls == char_class::letter;
      r.end += c.len;
      last = c;
      continue;
    }
    if (c.len == 0) {
      return r;
    }
    const std::uint8_t b = s[r.end];
    std::size_t joiner_len = 0;
    if (b == '-' || b == '\'' || b == ',' || b == '.') {
      joiner_len = 1;
    } else if (is_right_single_quote(s, n, r.end)) {
      joiner_len = 3;
    } else {
      return r;
    }
    const char_at next = look(s, n, r.end + joiner_len);
    bool joins = false;
    if (b == '-') {
      joins =
          is_alnum(next.cls) && (last.cls == char_class::letter || next.cls == char_class::letter);
    } else if (b == ',' || b == '.') {
      joins = last.ascii_digit && next.ascii_digit;
    } else {
      joins = last.cls == char_class::letter && next.cls == char_class::letter;
    }
    if (!joins) {
      return r;
    }
    r.end += joiner_len;
  }
}

bool starts_with_nocase(const std::uint8_t *s, std::size_t n, std::size_t pos,
                        std::string_view prefix) noexcept {
  if (n - pos < prefix.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const std::uint8_t c = s[pos + i];
    if ((is_ascii_alpha(c) ? (c | 0x20) : c) != static_cast<std::uint8_t>(prefix[i])) {
      return false;
    }
  }
  return true;
}

/// End of a URL at `pos`, or pos when there is none. URLs run to the next
/// space or non-ASCII byte; trailing sentence punctuation is not part of them.
std::size_t match_url(const std::uint8_t *s, std::size_t n, std::size_t pos) noexcept {
  std::size_t start = 0;
  for (std::string_view scheme : {"http://", "https://", "ftp://", "www."}) {
    if (starts_with_nocase(s, n, pos, scheme)) {
      start = pos + scheme.size();
      break;
    }
  }
  if (start == 0 || start >= n || !is_alnum(ascii_class(s[start])) || s[start] >= 0x80) {
    return pos;
  }
  std::size_t end = start;
  bool open_paren = false, open_bracket = false;
  while (end < n && s[end] > 0x20 && s[end] < 0x7F && s[end] != '<' && s[end] != '>' &&
         s[end] != '"' && s[end] != '`') {
    open_paren |= s[end] == '(';
    open_bracket |= s[end] == '[';
    ++end;
  }
  while (end > start) {
    const std::uint8_t c = s[end - 1];
    if (std::string_view(".,;:!?'").find(static_cast<char>(c)) != std::string_view::npos ||
        (c == ')' && !open_paren) || (c == ']' && !open_bracket)) {
      --end;
    } else {
      break;
    }
  }
  return end > start ? end : pos;
}

bool is_email_local(std::uint8_t c) noexcept {
  return is_ascii_alpha(c) || is_ascii_digit(c) || c == '.' || c == '_' || c == '+' || c == '-';
}

/// End of an e-mail address at `pos` (local@label.label...tld), or pos.
std::size_t match_email(const std::uint8_t *s, std::size_t n, std::size_t pos) noexcept {
  std::size_t at = pos;
  while (at < n && is_email_local(s[at])) {
    ++at;
  }
  if (at == pos || at >= n || s[at] != '@') {
    return pos;
  }
  std::size_t end = at + 1, labels = 0, label_begin = end;
  while (true) {
    label_begin = end;
    while (end < n && (is_ascii_alpha(s[end]) || is_ascii_digit(s[end]) || s[end] == '-')) {
      ++end;
    }
    if (end == label_begin) {
      return pos;
    }
    ++labels;
    if (end + 1 < n && s[end] == '.' &&
        (is_ascii_alpha(s[end + 1]) || is_ascii_digit(s[end + 1]))) {
      ++end;
      continue;
    }
    break;
  }
  bool tld_letters = end - label_begin >= 2;
  for (std::size_t i = label_begin; i < end; ++i) {
    tld_letters &= is_ascii_alpha(s[i]);
  }
  return labels >= 2 && tld_letters ? end : pos;
}

/// End of a dotted initialism (`U.S.`, `e.g.`: two or more letter-period
/// pairs not followed by a letter or digit), or pos.
std::size_t match_initialism(const std::uint8_t *s, std::size_t n, std::size_t pos) noexcept {
  std::size_t end = pos, pairs = 0;
  while (end + 1 < n && is_ascii_alpha(s[end]) && s[end + 1] == '.') {
    end += 2;
    ++pairs;
  }
  if (pairs < 2 || (end < n && is_alnum(look(s, n, end).cls))) {
    return pos;
  }
  return end;
}

/// `@handle` / `#tag`: the sigil plus letters, digits and '_' of any script;
/// a hashtag needs a letter, a handle ASCII only.
std::size_t match_tag(const std::uint8_t *s, std::size_t n, std::size_t pos) noexcept {
  const bool hashtag = s[pos] == '#';
  std::size_t end = pos + 1;
  bool letter = false;
  while (end < n) {
    if (s[end] == '_') {
      ++end;
      continue;
    }
    const char_at c = look(s, n, end);
    if (!is_alnum(c.cls) || (!hashtag && s[end] >= 0x80)) {
      break;
    }
    letter |= c.cls == char_class::letter;
    end += c.len;
  }
  return end > pos + 1 && (letter || !hashtag) ? end : pos;
}

} // namespace

std::size_t skip_space(const std::uint8_t *s, std::size_t n, std::size_t pos,
                       unsigned &breaks) noexcept {
  while (pos < n) {
    if (s[pos] < 0x80) {
      if (ascii_class(s[pos]) != char_class::space) {
        return pos;
      }
      breaks += s[pos] == '\n';
      ++pos;
      continue;
    }
    const decoded d = decode_utf8(s, n, pos);
    if (!d.valid || unicode_class(d.cp) != char_class::space) {
      return pos;
    }
    breaks += line_breaks(d.cp);
    pos += d.len;
  }
  return pos;
}

lexed lex_one(const std::uint8_t *s, std::size_t n, std::size_t pos) noexcept {
  const char_at first = look(s, n, pos);
  if (s[pos] >= 0x80 && !decode_utf8(s, n, pos).valid) {
    return {pos + first.len, token_kind::symbol, true};
  }
  if (is_alnum(first.cls)) {
    const run r = scan_run(s, n, pos);
    const std::uint8_t stop = r.end < n ? s[r.end] : ' ';
    if (stop == ':' || stop == '.') {
      if (const std::size_t url = match_url(s, n, pos); url != pos) {
        return {url, token_kind::url, false};
      }
    }
    if (is_email_local(stop) || stop == '@') {
      if (const std::size_t email = match_email(s, n, pos); email != pos) {
        return {email, token_kind::email, false};
      }
    }
    if (stop == '.') {
      if (const std::size_t init = match_initialism(s, n, pos); init != pos) {
        return {init, token_kind::word, false};
      }
      if (keeps_period(s, pos, r.end)) {
        return {r.end + 1, token_kind::word, false};
      }
    }
    return {r.end, r.has_letter ? token_kind::word : token_kind::number, false};
  }
  if (s[pos] == '@' || s[pos] == '#') {
    if (const std::size_t tag = match_tag(s, n, pos); tag != pos) {
      return {tag, s[pos] == '@' ? token_kind::mention : token_kind::hashtag, false};
    }
  }
  return {pos + first.len,
          first.cls == char_class::punct ? token_kind::punctuation : token_kind::symbol, false};
}

void lex_reference(lex_state &st, const std::uint8_t *s, std::size_t n, std::uint32_t base,
                   token_storage &out) {
  std::size_t pos = 0;
  while (true) {
    pos = skip_space(s, n, pos, st.pending_breaks);
    if (pos >= n) {
      return;
    }
    if (out.size == out.capacity) {
      out.reserve_more(n - pos < 4096 ? n - pos : 4096);
    }
    const lexed t = lex_one(s, n, pos);
    emit(out, st, base, pos, t.end, t.kind, t.invalid ? invalid_utf8 : 0);
    pos = t.end;
  }
}

} // namespace wirespeed::tokenize_detail
