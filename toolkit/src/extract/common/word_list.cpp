#include "extract/common/word_list.hpp"

#include <algorithm>
#include <array>

#include "extract/common/text.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::size_t longest_word = 64; // longer words are in no list

} // namespace

void word_list::load(std::string_view text) {
  for_each_list_line(text, [this](std::string_view, std::string_view word) { add(word); });
}

void word_list::add(std::string_view word) {
  std::string s(word.substr(0, longest_word));
  std::transform(s.begin(), s.end(), s.begin(), ascii_lower);
  sketch_.add(s);
  words_.insert(std::move(s));
}

bool word_list::contains(std::string_view word) const {
  // Looked up once per name token: fold into a stack buffer, no allocation.
  if (word.empty() || word.size() > longest_word || !sketch_.may_contain(word)) {
    return false;
  }
  std::array<char, longest_word> folded{};
  std::transform(word.begin(), word.end(), folded.begin(), ascii_lower);
  return words_.find(std::string_view(folded.data(), word.size())) != words_.end();
}

} // namespace wirespeed::extract_detail
