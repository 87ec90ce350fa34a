#pragma once
// Pieces of the quotes extractor shared between its files.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/common/string_hash.hpp"
#include "extract/common/word_list.hpp"
#include "extract/extractor.hpp"

namespace wirespeed::extract_detail {

/// A pair of double quote marks (or an opening mark bounded by its line).
struct quote_span {
  std::uint32_t open = 0;  ///< offset of the opening mark
  std::uint32_t begin = 0; ///< first byte inside
  std::uint32_t end = 0;   ///< one past the last byte inside
  std::uint32_t close = 0; ///< one past the closing mark (== end when unclosed)
  std::uint32_t line = 0;  ///< index of the line holding the opening mark
};

/// Finds the quotations of `text`, line by line: straight, curly and angle
/// double marks; a quote left open at the end of its line goes on when the
/// next non-blank line opens with a mark (multi-paragraph convention) and
/// otherwise ends with the line; stray closing marks and inch marks (`12"`)
/// are skipped. Lines listed in `skip` (boilerplate) hold no quotes.
/// `marks` are the offsets of the double quote marks in the text, ascending
/// (the scan finds them).
void find_quote_spans(std::string_view text, std::span<const line> lines,
                      std::span<const boilerplate_line> skip, std::span<const std::uint32_t> marks,
                      std::vector<quote_span> &out);

/// A speaker mention found next to a reporting verb.
struct mention {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string_view name;  ///< full name (in the text or the alias table); empty: unknown or
                          ///< needs the previous speaker
  bool anaphoric = false; ///< "he", "she", "the envoy": the last named speaker
  /// Tokens of the name as written; full_name() resolves them ("Lew" ->
  /// "Jack Lew") only when the name is used, since resolving looks back.
  std::size_t first_token = 0;
  std::size_t end_token = 0;
};

/// Other names of a speaker and the name they stand for ("UN" -> "United
/// Nations"). Every resolved name is looked up and almost none is an alias:
/// a sketch turns those away before hashing and walking the table's nodes.
class alias_table {
public:
  void add(std::string_view alias, std::string_view canonical);
  /// The name `name` stands for, or null when it is no alias (case matters).
  [[nodiscard]] const std::string *find(std::string_view name) const;

private:
  std::unordered_map<std::string, std::string, string_hash, std::equal_to<>> names_;
  word_sketch sketch_;
};

/// Word lists the speaker rules consult.
struct speaker_lexicon {
  word_list titles;    ///< "Governor", "Resident": dropped before a name
  alias_table aliases; ///< "UN" -> "United Nations"
};

/// The subject of the reporting verb at tokens [verb, verb_end), looked for
/// in tokens [first, last): after the verb when `after` ("said Abir"), else
/// before it ("Lew said", "His lawyer, Ana Torres, said", "a Hamas statement said").
[[nodiscard]] mention find_subject(const context &ctx, const speaker_lexicon &lex,
                                   std::size_t first, std::size_t verb, std::size_t verb_end,
                                   std::size_t last, bool after);

/// A capitalised run around a name word (token key / 2, key % 2 + 1
/// words), trimmed to [first, last); the untrimmed run ends at token `end`.
struct name_run {
  std::size_t key = 0;
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  std::uint32_t end = 0;
};

/// The full name of the mention at tokens [first_token, end_token).
struct resolved_name {
  std::size_t first_token = 0;
  std::size_t end_token = 0;
  std::string_view name;
};

/// What attributing one document's quotes fills: kept by the caller from
/// one document to the next, so that a steady stream of documents does not
/// allocate for it.
struct attribution_storage {
  std::vector<std::uint32_t> hits; ///< offsets of a mention's first word
  std::vector<name_run> runs;
  std::vector<resolved_name> memo;
  std::vector<std::optional<mention>> verb_subjects;
};

/// Full names of one document's speakers. A short mention stands for the
/// longest capitalised run holding its words earlier in the text ("Lew" ->
/// "Jack Lew", titles and company suffixes dropped), else for itself; then
/// aliases apply. Looking back visits only the earlier tokens of the same
/// text, and each mention is resolved once however many quotes and pronouns
/// ask for it. Names are views of the text or of the alias table.
class name_resolver {
public:
  /// Uses (and first clears) `store`'s hits, runs and memo.
  name_resolver(const context &ctx, const speaker_lexicon &lex, attribution_storage &store)
      : ctx_(ctx), lex_(lex), hits_(store.hits), runs_(store.runs), memo_(store.memo) {
    hits_.clear();
    runs_.clear();
    memo_.clear();
  }

  [[nodiscard]] const context &ctx() const noexcept { return ctx_; }
  [[nodiscard]] const speaker_lexicon &lexicon() const noexcept { return lex_; }

  /// The mention's full name (its own name when it has no tokens).
  [[nodiscard]] std::string_view full_name(const mention &m);

private:
  /// The full name of tokens [first_token, end_token), aliases applied.
  [[nodiscard]] std::string_view resolve(std::size_t first_token, std::size_t end_token);
  [[nodiscard]] std::string_view aliased(std::string_view name) const;
  [[nodiscard]] bool look_back(std::size_t first_token, std::size_t n, std::string_view &out);
  [[nodiscard]] bool longer_form_at(std::size_t i, std::size_t first_token, std::size_t n,
                                    std::string_view &out);

  const context &ctx_;
  const speaker_lexicon &lex_;
  std::vector<std::uint32_t> &hits_;
  std::vector<name_run> &runs_;
  std::vector<resolved_name> &memo_;
};

/// The subject opening the line of token `t` when it names someone
/// ("Noa Peretz, whose brother…"); empty name otherwise.
[[nodiscard]] mention line_subject(name_resolver &names, std::size_t t);

/// The double quote marks the scan reports: straight, curly and angle.
inline constexpr std::array<std::string_view, 6> quote_marks{"\"",     "\u201C", "\u201D",
                                                             "\u201E", "\u00AB", "\u00BB"};

/// What a token's first byte makes it: a sentence end ('.', '!', '?') when
/// the token is that byte alone, a possible quote mark ('"', or the lead
/// byte of a curly or angle mark) when it is not a word.
enum lead_role : std::uint8_t { ends_sentence = 1, leads_mark = 2 };
inline constexpr std::array<std::uint8_t, 256> lead_roles = [] {
  std::array<std::uint8_t, 256> roles{};
  roles['.'] = roles['!'] = roles['?'] = ends_sentence;
  roles['"'] = roles[0xC2] = roles[0xE2] = leads_mark;
  return roles;
}();

/// The lead_role bits of token `t`; none for a word.
[[nodiscard]] inline unsigned lead_role_of(const context &ctx, const token &t) {
  const auto lead = static_cast<unsigned char>(ctx.text[t.begin]); // a token has a byte
  const auto not_word = static_cast<unsigned>(t.kind != token_kind::word);
  return lead_roles[lead] & (not_word * 3U); // arithmetic: a select here becomes a branch
}

/// Whether token `t` ends a sentence ('.', '!' or '?'). The walks over a
/// quote's sentence ask this of every token (inline: it is that hot), and
/// it answers without a branch: whether a token is a word or one byte long
/// is as good as random along a sentence.
[[nodiscard]] inline bool sentence_end(const context &ctx, const token &t) {
  return ((lead_role_of(ctx, t) & ends_sentence) != 0) & (t.end - t.begin == 1);
}

/// Whether token `t` is one of quote_marks. Tokens that cannot be one (a
/// word, longer than three bytes, or led by another byte) are turned away
/// by one well-predicted branch.
[[nodiscard]] inline bool is_quote_mark(const context &ctx, const token &t) {
  if (((lead_role_of(ctx, t) & leads_mark) == 0) | (t.end - t.begin > 3)) {
    return false;
  }
  const std::string_view w = token_text(ctx.text, t);
  return std::find(quote_marks.begin(), quote_marks.end(), w) != quote_marks.end();
}

/// The first token at or after `offset`, looking from token `from` on: a
/// few steps find a near one; a far one is bracketed by strides that
/// double, then searched for in the bracket only, not in the rest of the
/// document. Walks that visit ascending offsets pay little for either.
[[nodiscard]] inline std::size_t token_from(std::span<const token> tokens, std::size_t from,
                                            std::uint64_t offset) noexcept {
  constexpr std::size_t steps = 4;
  for (std::size_t k = 0; k < steps && from < tokens.size() && tokens[from].begin < offset; ++k) {
    ++from;
  }
  if (from >= tokens.size() || tokens[from].begin >= offset) {
    return from;
  }
  // tokens[from] is before offset; while the token a stride on is too, so
  // is every token between: step over them.
  std::size_t stride = steps * 2;
  while (from + stride < tokens.size() && tokens[from + stride].begin < offset) {
    from += stride;
    stride *= 2;
  }
  const std::size_t end = std::min(from + stride, tokens.size());
  return from + 1 + token_at_or_after(tokens.subspan(from + 1, end - from - 1), offset);
}

/// The first tokens at or after a quote_span's offsets.
struct span_tokens {
  std::size_t open = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t close = 0;
};

/// span_tokens of each span, spans in text order as find_quote_spans gives them.
void tokens_of_spans(std::span<const token> tokens, std::span<const quote_span> spans,
                     std::vector<span_tokens> &out);

/// Whether the quotation is a fragment of the reporter's sentence: whole
/// utterances open a sentence, or follow "said," / "said:" with a capital.
[[nodiscard]] bool is_partial(const context &ctx, const quote_span &span);

/// Whether a quotation with no reporting verb is speech: long enough not to
/// be a scare quote, a title ("The Pale Reef") or a word as a word.
[[nodiscard]] bool is_speech(const context &ctx, const span_tokens &at, bool partial);

/// "a "ghost" signal", "the word "phase-out"": a short fragment used as a
/// modifier or mentioned as a word, even in a sentence with a verb.
[[nodiscard]] bool is_scare_quote(const context &ctx, const span_tokens &at);

/// A reporting verb (or attribution phrase) at tokens [first, end).
struct verb_at {
  std::size_t first = 0;
  std::size_t end = 0;
  std::string_view text;
  bool speaker_inside = false; ///< "quoted a senior official as saying"
};

/// What the quotes of one document share, each found once: full names, and
/// the subject of each reporting verb in its own sentence (every pronoun
/// looks back through the same verbs). `store` lends it its vectors.
struct document_state {
  document_state(const context &ctx, const speaker_lexicon &lex, std::vector<verb_at> found,
                 attribution_storage &store)
      : verbs(std::move(found)), names(ctx, lex, store), verb_subjects(store.verb_subjects) {
    verb_subjects.assign(verbs.size(), std::nullopt);
  }
  std::vector<verb_at> verbs; ///< outside quotations, in text order
  name_resolver names;
  std::vector<std::optional<mention>> &verb_subjects;
};

/// Sets the quotation's verb and speaker (with its offsets) from the nearest
/// reporting verb: after a whole quote ending in ',', '?' or '!', else
/// before it in its sentence, else after it. Leaves them empty without one.
void attribute(const context &ctx, const quote_span &span, const span_tokens &at,
               document_state &doc, quote &q);

} // namespace wirespeed::extract_detail
