#include "tokenize/peers.hpp"

#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

namespace wirespeed::bench {

struct icu_word_tokenizer::impl {
  std::unique_ptr<icu::BreakIterator> words;
};

icu_word_tokenizer::icu_word_tokenizer() : impl_(new impl) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) {
    impl_->words.reset();
  }
}

icu_word_tokenizer::~icu_word_tokenizer() = default;

bool icu_word_tokenizer::tokenize(std::string_view text, spans &out) {
  out.clear();
  if (!impl_->words) {
    return false;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText *utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) {
    return false;
  }
  icu::BreakIterator &words = *impl_->words;
  words.setText(utext, status);
  // With UTF-8 UText, ICU's indices are byte offsets.
  std::int32_t begin = words.first();
  for (std::int32_t end = words.next(); end != icu::BreakIterator::DONE;
       begin = end, end = words.next()) {
    const bool word_like = words.getRuleStatus() != UBRK_WORD_NONE;
    const auto first = static_cast<unsigned char>(text[static_cast<std::size_t>(begin)]);
    if (word_like || first > ' ') {
      out.emplace_back(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end));
    }
  }
  utext_close(utext);
  return U_SUCCESS(status);
}

struct re2_tokenizer::impl {
  re2::RE2 token{R"(((?:https?://|www\.)[^\s<>"]+|[\pL\pN]+(?:['\x{2019}.,-][\pL\pN]+)*|\S))"};
};

re2_tokenizer::re2_tokenizer() : impl_(new impl) {
}
re2_tokenizer::~re2_tokenizer() = default;

void re2_tokenizer::tokenize(std::string_view text, spans &out) {
  out.clear();
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  while (re2::RE2::FindAndConsume(&input, impl_->token, &match)) {
    const auto begin = static_cast<std::uint32_t>(match.data() - text.data());
    out.emplace_back(begin, begin + static_cast<std::uint32_t>(match.size()));
  }
}

} // namespace wirespeed::bench
