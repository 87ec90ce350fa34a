#pragma once
// Helpers for extractor tests: run the default extractor set on a text.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "wirespeed/extract.hpp"

namespace extract_test {

inline std::shared_ptr<const wirespeed::extractor_set> default_set() {
  static std::shared_ptr<const wirespeed::extractor_set> set = [] {
    wirespeed::extract_error error;
    auto s = wirespeed::extractor_set::create({}, error);
    EXPECT_TRUE(s) << error.message;
    return s;
  }();
  return set;
}

inline wirespeed::extraction run(std::string_view text, std::string title = "Headline",
                                 std::string published = "") {
  wirespeed::document doc;
  doc.id = "t";
  doc.title = std::move(title);
  doc.published = std::move(published);
  doc.text = std::string(text);
  wirespeed::extract_scratch scratch;
  wirespeed::extraction out;
  auto e = default_set()->extract(doc, scratch, out);
  EXPECT_TRUE(e.ok()) << e.message;
  return out;
}

inline std::string span(std::string_view text, std::uint32_t b, std::uint32_t e) {
  return std::string(text.substr(b, e - b));
}

/// The quotes as "text|speaker|verb|partial" strings, in order.
inline std::vector<std::string> quotes(std::string_view text) {
  std::vector<std::string> out;
  for (const auto &q : run(text).quotes) {
    out.push_back(span(text, q.begin, q.end) + "|" + q.speaker + "|" + q.verb + "|" +
                  (q.partial ? "p" : "f"));
  }
  return out;
}

} // namespace extract_test
