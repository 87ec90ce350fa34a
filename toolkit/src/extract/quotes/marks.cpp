#include <algorithm>

#include "extract/quotes/quotes.hpp"

namespace wirespeed::extract_detail {
namespace {

enum class mark_role { none, open, close, either };

struct mark {
  mark_role role = mark_role::none;
  std::uint32_t size = 0;
  char32_t cp = 0;
};

bool is_space_before(char32_t c) {
  return c == 0 || c == ' ' || c == '\t' || c == '(' || c == '[' || c == '{' || c == '/' ||
         c == '-' || c == 0x2014 || c == 0x2013 || c == 0xA0;
}

// The mark at text[i], judged by its neighbours when it is a straight '"'.
mark mark_at(std::string_view text, std::size_t i, std::size_t line_begin) {
  unsigned char b = static_cast<unsigned char>(text[i]);
  if (b == '"') {
    char32_t prev = 0;
    if (i > line_begin) {
      std::size_t p = i - 1;
      while (p > line_begin && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) {
        --p;
      }
      prev = decode_at(text, p);
    }
    char32_t next = i + 1 < text.size() ? decode_at(text, i + 1) : 0;
    if (prev >= '0' && prev <= '9') {
      return {mark_role::close, 1, '"'}; // 12" pipe: an inch mark unless a quote is open
    }
    bool space_next = next == 0 || next == ' ' || next == '\n' || next == '\r' || next == '\t';
    if (is_space_before(prev) && !space_next) {
      return {mark_role::open, 1, '"'};
    }
    if (!is_space_before(prev)) {
      return {mark_role::close, 1, '"'};
    }
    return {mark_role::either, 1, '"'};
  }
  if (b == 0xE2 || b == 0xC2) {
    char32_t c = decode_at(text, i);
    switch (c) {
    case 0x201C: // “ (closes „)
      return {mark_role::either, 3, c};
    case 0x201E: // „
      return {mark_role::open, 3, c};
    case 0x201D: // ”
      return {mark_role::close, 3, c};
    case 0xAB: // «
      return {mark_role::open, 2, c};
    case 0xBB: // »
      return {mark_role::close, 2, c};
    default:
      break;
    }
  }
  return {};
}

// Whether mark `m` closes a quote opened by `open_cp`. A curly opening
// mark while one is open starts a new quote (the first was stray), except
// that “ closes German „.
bool closes_quote(const mark &m, char32_t open_cp) {
  if (m.cp == '"') {
    return m.role != mark_role::open || open_cp != '"';
  }
  if (m.cp == 0x201C) {
    return open_cp == 0x201E;
  }
  return m.role == mark_role::close;
}

bool opens_with_mark(std::string_view text, const line &ln) {
  std::string_view s = trim(text.substr(ln.begin, ln.end - ln.begin));
  if (s.empty()) {
    return false;
  }
  auto offset = static_cast<std::size_t>(s.data() - text.data());
  mark m = mark_at(text, offset, offset);
  return m.role == mark_role::open || (m.role == mark_role::either && m.cp == 0x201C);
}

} // namespace

void find_quote_spans(std::string_view text, std::span<const line> lines,
                      std::span<const boilerplate_line> skip, std::span<const std::uint32_t> marks,
                      std::vector<quote_span> &out) {
  out.clear();
  std::size_t next_mark = 0;
  bool open = false;
  quote_span current;
  char32_t open_cp = 0;
  std::size_t skip_at = 0;
  auto emit = [&](std::uint32_t end, std::uint32_t close) {
    current.end = end;
    current.close = close;
    std::string_view inside = trim(text.substr(current.begin, end - current.begin));
    if (!inside.empty()) {
      out.push_back(current);
    }
    open = false;
  };
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const line &ln = lines[li];
    while (skip_at < skip.size() && skip[skip_at].end < ln.begin) {
      ++skip_at;
    }
    bool furniture =
        skip_at < skip.size() && skip[skip_at].begin >= ln.begin && skip[skip_at].begin <= ln.end;
    if (furniture) {
      continue;
    }
    bool continued = open;
    while (next_mark < marks.size() && marks[next_mark] < ln.begin) {
      ++next_mark;
    }
    for (; next_mark < marks.size() && marks[next_mark] < ln.end; ++next_mark) {
      std::size_t i = marks[next_mark];
      mark m = mark_at(text, i, ln.begin);
      if (m.role == mark_role::none) {
        continue;
      }
      auto at = static_cast<std::uint32_t>(i);
      bool closes = open && closes_quote(m, open_cp);
      if (continued && !closes) {
        // The mark reopening a continued quote belongs to it.
        continued = false;
        continue;
      }
      continued = false;
      if (closes) {
        emit(at, at + m.size);
      } else if (m.role == mark_role::open || m.role == mark_role::either) {
        open = true; // a mark opening while one is open drops the stray one
        open_cp = m.cp;
        current = {at, at + m.size, 0, 0, static_cast<std::uint32_t>(li)};
      }
    }
    if (open) {
      std::size_t next = li + 1;
      while (next < lines.size() &&
             trim(text.substr(lines[next].begin, lines[next].end - lines[next].begin)).empty()) {
        ++next;
      }
      if (next < lines.size() && opens_with_mark(text, lines[next])) {
        continue;
      }
      std::string_view rest = text.substr(ln.begin, ln.end - ln.begin);
      while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r')) {
        rest.remove_suffix(1);
      }
      auto end = static_cast<std::uint32_t>(ln.begin + rest.size());
      emit(std::max(end, current.begin), std::max(end, current.begin));
    }
  }
}

} // namespace wirespeed::extract_detail
