#include "extract/common/text.hpp"

#include <algorithm>
#include <cstring>

#include "extract/common/occurrences.hpp"

namespace wirespeed::extract_detail {

void split_lines(std::string_view text, std::vector<line> &out) {
  // The breaks first, found a block at a time: memchr per line mispredicted
  // its return on most of a news article's short lines.
  thread_local std::vector<std::uint32_t> breaks;
  find_occurrences(text, "\n", 0, breaks);
  out.clear();
  auto add = [&](std::size_t begin, std::size_t end) {
    const std::size_t content_end = end > begin && text[end - 1] == '\r' ? end - 1 : end;
    out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(content_end)});
  };
  std::size_t begin = 0;
  for (const std::uint32_t at : breaks) {
    add(begin, at);
    begin = at + std::size_t{1};
  }
  if (begin < text.size()) {
    add(begin, text.size());
  }
}

char32_t decode_at(std::string_view text, std::size_t i) noexcept {
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  std::size_t n = text.size();
  if (i >= n) {
    return 0;
  }
  unsigned char b = s[i];
  if (b < 0x80) {
    return b;
  }
  int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
  if (len == 0 || i + static_cast<std::size_t>(len) > n) {
    return 0xFFFD;
  }
  char32_t c = b & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    c = (c << 6) | (s[i + static_cast<std::size_t>(k)] & 0x3F);
  }
  return c;
}

bool is_upper(char32_t c) noexcept {
  if (c < 0x80) {
    return c >= 'A' && c <= 'Z';
  }
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
    return true;
  }
  if (c >= 0x100 && c <= 0x17F) {
    return (c & 1) == 0 ? !(c >= 0x139 && c <= 0x148) && c != 0x138 : (c >= 0x139 && c <= 0x148);
  }
  if (c >= 0x391 && c <= 0x3AB) {
    return true;
  }
  return c >= 0x400 && c <= 0x42F;
}

bool is_lower(char32_t c) noexcept {
  if (c < 0x80) {
    return c >= 'a' && c <= 'z';
  }
  if (c >= 0xDF && c <= 0xFF && c != 0xF7) {
    return true;
  }
  if (c >= 0x100 && c <= 0x17F) {
    return !is_upper(c);
  }
  if (c >= 0x3AC && c <= 0x3CE) {
    return true;
  }
  return c >= 0x430 && c <= 0x45F;
}

bool is_all_caps(std::string_view word) noexcept {
  int letters = 0;
  for (std::size_t i = 0; i < word.size();) {
    char32_t c = decode_at(word, i);
    if (is_lower(c)) {
      return false;
    }
    if (is_upper(c)) {
      ++letters;
    }
    unsigned char b = static_cast<unsigned char>(word[i]);
    i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  }
  return letters >= 2;
}

std::string_view trim(std::string_view s) noexcept {
  constexpr std::string_view nbsp = "\u00A0";
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
      s.remove_prefix(1);
    } else if (s.starts_with(nbsp)) {
      s.remove_prefix(nbsp.size());
    } else if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
      s.remove_suffix(1);
    } else if (s.ends_with(nbsp)) {
      s.remove_suffix(nbsp.size());
    } else {
      return s;
    }
  }
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

std::size_t token_at_or_after(std::span<const token> tokens, std::uint64_t offset) noexcept {
  return partition_index(tokens, [offset](const token &t) { return t.begin < offset; });
}

} // namespace wirespeed::extract_detail
