// Random bytes against a fixed database: block and streaming scans (random
// chunking taken from the input) must report the same matches, in both modes.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "wirespeed/match.hpp"

namespace wm = wirespeed::match;

namespace {

const wm::database &fixed_database() {
  static const wm::database db = [] {
    wm::pattern_set set;
    const wm::pattern_options word{wm::flag::whole_word, {}, 0};
    set.add_literal("New York", word);
    set.add_literal("York", {});
    set.add_literal("ab", {wm::flag::caseless, {}, 1});
    set.add_literal("Z\xC3\xBCrich", word);
    set.add_literal("\xFF\xFE", {});
    // More for the literal index: one byte, eight and more, caseless after
    // a prefix without letters.
    set.add_literal("\"", {});
    set.add_literal("Internationale", word);
    set.add_literal("$1,000 Bn", {wm::flag::caseless, {}, 2});
    set.add_regex("[0-9]+ (million|bn)", word);
    set.add_regex("^[A-Z][a-z]+", {});
    set.add_regex("a[^b]{0,20}b", {});
    wm::database compiled;
    wm::compile_options options;
    options.streaming = true;
    if (!compiled.compile(set, options).ok()) {
      std::abort();
    }
    return compiled;
  }();
  return db;
}

void sort_matches(std::vector<wm::match> &ms) {
  std::sort(ms.begin(), ms.end(), [](const wm::match &a, const wm::match &b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end != b.end ? a.end < b.end : a.id < b.id;
  });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const wm::database &db = fixed_database();
  // The first byte chooses the chunk sizes; the rest is the text.
  const std::size_t max_chunk = 1 + data[0] % 17;
  const std::string_view text(reinterpret_cast<const char *>(data + 1), size - 1);
  wm::scratch space;
  for (const auto mode : {wm::scan_mode::all, wm::scan_mode::leftmost_longest}) {
    std::vector<wm::match> block;
    if (!db.scan(text, space, block, mode).ok()) {
      std::abort();
    }
    std::vector<wm::match> streamed;
    wm::stream s;
    if (!s.open(db, space, mode).ok()) {
      std::abort();
    }
    for (std::size_t at = 0, step = 0; at < text.size(); at += step) {
      step = std::min(text.size() - at, 1 + (at * 7 + max_chunk) % max_chunk);
      if (!s.feed(text.substr(at, step), streamed).ok()) {
        std::abort();
      }
    }
    if (!s.finish(streamed).ok()) {
      std::abort();
    }
    sort_matches(block);
    sort_matches(streamed);
    if (block != streamed) {
      std::abort();
    }
  }
  return 0;
}
