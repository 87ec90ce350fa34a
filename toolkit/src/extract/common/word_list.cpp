#include "extract/common/word_list.hpp"

#include <algorithm>

namespace wirespeed::extract_detail {
namespace {

std::string fold(std::string_view word) {
  std::string s(word);
  std::transform(s.begin(), s.end(), s.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return s;
}

} // namespace

void word_list::load(std::string_view text) {
  for_each_list_line(text, [this](std::string_view, std::string_view word) { add(word); });
}

void word_list::add(std::string_view word) {
  words_.insert(fold(word));
}

bool word_list::contains(std::string_view word) const {
  return words_.count(fold(word)) != 0;
}

} // namespace wirespeed::extract_detail
