#pragma once
// Which patterns run with Unicode semantics (match.hpp, "Case" and "UTF-8"):
// the engine compiles them in UTF-8 mode, and the literal index leaves them
// to it. One definition for both.
#include <algorithm>
#include <string_view>

#include "wirespeed/match.hpp"

namespace wirespeed::match::detail {

/// Every utf8 regex, and a caseless utf8 literal with a non-ASCII byte
/// (Unicode case folding; begin offsets then come from the engine).
[[nodiscard]] inline bool needs_unicode(const pattern &p) noexcept {
  if (!has(p.flags, flag::utf8)) {
    return false;
  }
  const std::string_view text = p.expression;
  const auto non_ascii = [](char c) { return static_cast<unsigned char>(c) >= 0x80; };
  return p.kind == pattern_kind::regex ||
         (has(p.flags, flag::caseless) && std::any_of(text.begin(), text.end(), non_ascii));
}

} // namespace wirespeed::match::detail
