#pragma once
// Compares two tokenizer outputs and describes the first difference, for the
// differential tests and the fuzz target.
#include <cstdio>
#include <string>
#include <string_view>

#include "wirespeed/tokenize.hpp"

namespace wirespeed::testing {

inline std::string describe(const token &t, std::string_view text) {
  // Built with append(): GCC 12 warns falsely (-Wrestrict) on "literal" + string.
  std::string out;
  out.append("[").append(std::to_string(t.begin)).append(",").append(std::to_string(t.end));
  out.append(",").append(to_string(t.kind)).append(",flags=").append(std::to_string(t.flags));
  out.append("]");
  if (t.end <= text.size() && t.begin <= t.end) {
    out.append(" '").append(text.substr(t.begin, t.end - t.begin)).append("'");
  }
  return out;
}

template <class Span> std::string first_index_difference(const char *what, Span a, Span b) {
  for (std::size_t i = 0; i < a.size() || i < b.size(); ++i) {
    if (i >= a.size() || i >= b.size() || a[i] != b[i]) {
      return std::string(what) + " differ at " + std::to_string(i) + ": " +
             (i < a.size() ? std::to_string(a[i]) : "none") + " vs " +
             (i < b.size() ? std::to_string(b[i]) : "none");
    }
  }
  return {};
}

/// Empty when `got` equals `want`, else the first difference.
inline std::string difference(const token_buffer &got, const token_buffer &want,
                              std::string_view text) {
  const auto a = got.tokens();
  const auto b = want.tokens();
  for (std::size_t i = 0; i < a.size() || i < b.size(); ++i) {
    if (i >= a.size() || i >= b.size() || !(a[i] == b[i])) {
      return "token " + std::to_string(i) + ": " +
             (i < a.size() ? describe(a[i], text) : std::string("none")) + " vs reference " +
             (i < b.size() ? describe(b[i], text) : std::string("none"));
    }
  }
  if (auto d =
          first_index_difference("sentence starts", got.sentence_starts(), want.sentence_starts());
      !d.empty()) {
    return d;
  }
  if (auto d = first_index_difference("paragraph starts", got.paragraph_starts(),
                                      want.paragraph_starts());
      !d.empty()) {
    return d;
  }
  return first_index_difference("invalid UTF-8 offsets", got.invalid_utf8_offsets(),
                                want.invalid_utf8_offsets());
}

inline std::string hex(std::string_view bytes) {
  std::string out;
  char byte[4];
  for (unsigned char c : bytes) {
    std::snprintf(byte, sizeof byte, "%02x ", c);
    out += byte;
  }
  return out;
}

} // namespace wirespeed::testing
