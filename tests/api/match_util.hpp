#pragma once
// Option builders for the match tests (GCC 12 warns on designated
// initializers that leave members to their defaults).
#include <cstdint>
#include <ostream>
#include <string>

#include "wirespeed/match.hpp"

namespace wm = wirespeed::match;

inline wm::pattern_options opts(wm::flag flags, std::string label = {}, std::uint32_t tag = 0) {
  wm::pattern_options o;
  o.flags = flags;
  o.label = std::move(label);
  o.tag = tag;
  return o;
}

inline wm::compile_options streaming_options() {
  wm::compile_options o;
  o.streaming = true;
  return o;
}

namespace wirespeed::match {
// Readable gtest failures: "{id 2 tag 0 [4, 8)}".
inline std::ostream &operator<<(std::ostream &os, const match &m) {
  return os << "{id " << m.id << " tag " << m.tag << " [" << m.begin << ", " << m.end << ")}";
}
} // namespace wirespeed::match
