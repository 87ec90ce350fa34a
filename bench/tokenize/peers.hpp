#pragma once
// What a user would otherwise tokenise news with, measured in the same run as
// wirespeed: ICU's word BreakIterator and an RE2 token regex. Each writes
// [begin, end) offsets into a reused vector, as wirespeed does.
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace wirespeed::bench {

using spans = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

/// ICU word BreakIterator (English rules) over UTF-8 text via UText; keeps
/// the segments ICU tags as words, numbers, letters/kana/ideographs and the
/// single punctuation/symbol characters (rule status "none" that is not space).
class icu_word_tokenizer {
public:
  icu_word_tokenizer();
  ~icu_word_tokenizer();
  icu_word_tokenizer(const icu_word_tokenizer &) = delete;
  icu_word_tokenizer &operator=(const icu_word_tokenizer &) = delete;
  /// False if ICU failed (message in error()).
  bool tokenize(std::string_view text, spans &out);

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// RE2 with one alternation of URL | word with inner joiners | any other
/// non-space character, consumed left to right with FindAndConsume.
class re2_tokenizer {
public:
  re2_tokenizer();
  ~re2_tokenizer();
  re2_tokenizer(const re2_tokenizer &) = delete;
  re2_tokenizer &operator=(const re2_tokenizer &) = delete;
  void tokenize(std::string_view text, spans &out);

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

} // namespace wirespeed::bench
