// How a quotation sits in the text: a whole utterance or a fragment of the
// reporter's sentence, speech or a scare quote, and the tokens at its marks.
#include <algorithm>

#include "extract/quotes/quotes.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::size_t scare_quote_words = 3;
constexpr std::size_t unattributed_words = 5; // shorter quotes need a speaker

} // namespace

void tokens_of_spans(std::span<const token> tokens, std::span<const quote_span> spans,
                     std::vector<span_tokens> &out) {
  out.clear();
  out.reserve(spans.size());
  // The offsets ascend (open <= begin <= end <= close, spans in text order)
  // and a mark's neighbour is a token or two on: a few steps from the last
  // token find it, and only the gaps between quotes need a binary search.
  std::size_t t = 0;
  auto at_or_after = [&](std::uint64_t offset) {
    if (t > 0 && tokens[t - 1].begin >= offset) {
      return t = token_at_or_after(tokens, offset);
    }
    return t = token_from(tokens, t, offset);
  };
  for (const quote_span &s : spans) {
    span_tokens at;
    at.open = at_or_after(s.open);
    at.begin = at_or_after(s.begin);
    at.end = at_or_after(s.end);
    at.close = at_or_after(s.close);
    out.push_back(at);
  }
}

// Whole utterances open a sentence, or follow "said," / "said:" with a
// capital letter; anything else is a fragment of the reporter's sentence.
bool is_partial(const context &ctx, const quote_span &span) {
  std::string_view before = ctx.text.substr(0, span.open);
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) {
    before.remove_suffix(1);
  }
  char32_t first = decode_at(ctx.text, span.begin);
  if (before.empty() || before.back() == '\n') {
    return is_lower(first);
  }
  char last = before.back();
  if (last == '.' || last == '!' || last == '?' || last == ',' || last == ':') {
    return is_lower(first);
  }
  return true;
}

// A quotation with no reporting verb is speech only when it is long enough
// not to be a scare quote, a title ("The Pale Reef") or a word as a word.
// The walk stops as soon as the answer is known: a long quotation is
// speech after its first few words.
bool is_speech(const context &ctx, const span_tokens &at, bool partial) {
  if (partial) {
    return false;
  }
  std::size_t words = 0;
  bool title_case = true;
  for (std::size_t i = at.begin; i < at.end; ++i) {
    if (ctx.tokens[i].kind == token_kind::word) {
      ++words;
      title_case = title_case && !is_lower(decode_at(ctx.text, ctx.tokens[i].begin));
      if (words > unattributed_words && !title_case) {
        return true;
      }
    }
  }
  return false;
}

// "a "ghost" signal", "the word "phase-out"": a short fragment used as a
// modifier or mentioned as a word, even in a sentence with a verb.
bool is_scare_quote(const context &ctx, const span_tokens &at) {
  const std::size_t a = at.open;
  const std::size_t b = at.close;
  std::size_t words = 0;
  for (std::size_t i = a; i < b && words <= scare_quote_words; ++i) {
    words += ctx.tokens[i].kind == token_kind::word;
  }
  if (words > scare_quote_words || a == 0 || b >= ctx.tokens.size()) {
    return false;
  }
  std::string_view before = token_text(ctx.text, ctx.tokens[a - 1]);
  std::string_view after = token_text(ctx.text, ctx.tokens[b]);
  static constexpr std::string_view mention_nouns[] = {"word",  "term", "phrase",  "slogan",
                                                       "label", "name", "nickname"};
  if (std::find(std::begin(mention_nouns), std::end(mention_nouns), before) !=
      std::end(mention_nouns)) {
    return true;
  }
  static constexpr std::string_view function_words[] = {
      "and", "or",   "but",  "to", "of", "in",  "on",   "at",  "for",   "that", "which", "who",
      "as",  "from", "with", "by", "is", "was", "were", "are", "would", "will", "could"};
  bool article = before == "a" || before == "an" || before == "the";
  return article && ctx.tokens[b].kind == token_kind::word && is_lower(decode_at(after, 0)) &&
         std::find(std::begin(function_words), std::end(function_words), after) ==
             std::end(function_words);
}

} // namespace wirespeed::extract_detail
