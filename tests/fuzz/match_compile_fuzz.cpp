// Random pattern files: loading and compiling never crash, and every failure
// is an error value with a message (a file:line one for pattern errors).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "wirespeed/match.hpp"

namespace wm = wirespeed::match;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  wm::pattern_set set;
  const wm::pattern_options options{size % 2 ? wm::flag::caseless : wm::flag::utf8, {}, 0};
  const wm::load_result loaded = set.load_text(text, "fuzz.txt", options);
  if (!loaded.ok()) {
    if (loaded.err.message.rfind("fuzz.txt:", 0) != 0) {
      std::abort();
    }
    return 0;
  }
  wm::database db;
  const wm::error e = db.compile(set);
  if (!e.ok()) {
    const bool names_pattern = e.pattern == wm::error::no_pattern || !e.file.empty();
    if (e.message.empty() || !names_pattern || db.compiled()) {
      std::abort();
    }
    return 0;
  }
  wm::scratch space;
  std::vector<wm::match> out;
  const wm::error scanned = db.scan(text, space, out);
  if (!scanned.ok() && scanned.code != wm::error_code::invalid_utf8) {
    std::abort();
  }
  for (const wm::match &m : out) {
    if (m.begin > m.end || m.end > text.size() || m.id >= db.size()) {
      std::abort();
    }
  }
  return 0;
}
