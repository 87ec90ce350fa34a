#include "extract/entities/name_text.hpp"

#include <algorithm>
#include <cstdint>

#include "extract/common/text.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::size_t longest_ending = 5; // bytes after the apostrophe

// The offset of the last `mark` in `word` if the ending after it is a
// possessive or case ending, else npos. The ending is at most five bytes, so
// only the word's tail is searched: an apostrophe before it, even the last
// one, cannot start an ending. Runs once or more per capitalised token, so it
// compares bytes in place instead of calling rfind or compare (a memcmp call
// per position).
std::size_t ending_after(std::string_view word, std::string_view mark) noexcept {
  if (word.size() < mark.size() + 1) {
    return std::string_view::npos;
  }
  const std::size_t last = word.size() - mark.size();
  const std::size_t first =
      word.size() > longest_ending + mark.size() ? word.size() - longest_ending - mark.size() : 0;
  auto mark_at = [&](std::size_t at) {
    for (std::size_t k = 0; k < mark.size(); ++k) {
      if (word[at + k] != mark[k]) {
        return false;
      }
    }
    return true;
  };
  for (std::size_t at = last + 1; at-- > first;) {
    if (!mark_at(at)) {
      continue;
    }
    // the last mark of the word: the ending after it decides
    std::string_view ending = word.substr(at + mark.size());
    return at != 0 && !ending.empty() && !is_upper(decode_at(ending, 0)) ? at
                                                                         : std::string_view::npos;
  }
  return std::string_view::npos;
}

// Appends the UTF-8 encoding of `c`.
void append_utf8(std::string &out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

char32_t to_lower(char32_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
      (c >= 0x410 && c <= 0x42F)) {
    return c + 0x20;
  }
  if (c >= 0x400 && c <= 0x40F) {
    return c + 0x50; // Ѐ..Џ
  }
  return c;
}

} // namespace

std::size_t possessive_after_mark(std::string_view word) noexcept {
  static_assert(longest_ending + 3 == 8); // possessive_at()'s test reads 8 bytes
  if (std::size_t at = ending_after(word, "'"); at != std::string_view::npos) {
    return at;
  }
  return ending_after(word, "\u2019");
}

bool is_camel_case(std::string_view word) noexcept {
  bool lower_seen = false;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') {
      lower_seen = true;
    } else if (c >= 'A' && c <= 'Z' && lower_seen) {
      return true;
    }
  }
  return false;
}

std::string title_case(std::string_view upper) {
  std::string out;
  out.reserve(upper.size());
  bool word_start = true;
  for (std::size_t i = 0; i < upper.size();) {
    char32_t c = decode_at(upper, i);
    std::size_t n = std::min(utf8_length(static_cast<unsigned char>(upper[i])), upper.size() - i);
    bool letter = is_upper(c) || is_lower(c);
    append_utf8(out, word_start || !letter ? c : to_lower(c));
    word_start = !letter && c != '\'' && c != 0x2019;
    i += n;
  }
  return out;
}

} // namespace wirespeed::extract_detail
