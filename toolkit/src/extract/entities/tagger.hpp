#pragma once
// The name tagger of one document, shared by its two passes: names.cpp tags
// runs of capitalised tokens, lone_words.cpp decides the lone capitalised
// words once every longer name of the document is known.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities/name_text.hpp"
#include "extract/entities/names.hpp"
#include "extract/entities/token_cues.hpp"
#include "extract/entities/view_map.hpp"

namespace wirespeed::extract_detail {

/// What the tagger keeps between documents of one thread, so that a
/// document allocates nothing it already allocated for an earlier one.
struct tagger_scratch {
  std::vector<std::int32_t> hit_of;         ///< per token: index of the hit covering it, or -1
  std::vector<std::uint8_t> place;          ///< per token: inside a tagged place
  std::vector<std::uint8_t> sentence_start; ///< per token: first of a sentence
  std::vector<std::uint64_t> runnable;      ///< bit per token: tagger::in_run()
  token_cues cues;                          ///< per token: the cue lists it is in
  std::vector<entity> names;                ///< typed and canonical
  std::vector<std::uint64_t> order;         ///< begin << 32 | index into names
  std::vector<std::size_t> lone;            ///< tokens of lone capitalised words, decided last
  view_map<std::uint32_t> part_of;          ///< see index_longer_names()
  /// near() answers, per type asked for (the last: any type)
  std::array<view_map<const gazetteer_entry *>, 4> near_seen;

  void reset(std::string_view text, std::span<const token> tokens);
};

class tagger {
public:
  tagger(const context &ctx, const name_lexicon &lex, std::span<const list_hit> hits,
         std::span<const boilerplate_line> furniture, tagger_scratch &scratch)
      : ctx_(ctx), lex_(lex), hits_(hits), furniture_(furniture), s_(scratch) {}

  /// Tags the document and appends its names to `out` in text order.
  void run(std::string_view dateline, std::vector<entity> &out);

private:
  static constexpr std::size_t longest_person = 4; // tokens; longer unmarked runs are not names

  const context &ctx_;
  const name_lexicon &lex_;
  std::span<const list_hit> hits_;
  std::span<const boilerplate_line> furniture_; ///< lines holding no names
  tagger_scratch &s_;
  std::uint32_t skip_begin_ = 0; ///< the dateline's bytes, tagged already
  std::uint32_t skip_end_ = 0;

  [[nodiscard]] std::string_view word(std::size_t i) const {
    return token_text(ctx_.text, ctx_.tokens[i]);
  }
  [[nodiscard]] bool capitalised(std::size_t i) const {
    return is_capitalised(ctx_.text, ctx_.tokens[i]);
  }
  [[nodiscard]] bool listed(std::size_t i) const { return s_.hit_of[i] >= 0; }
  /// Whether token i is in any of the cue lists `kinds`.
  [[nodiscard]] bool is(std::size_t i, cue_set kinds) const { return s_.cues.is(i, kinds); }
  [[nodiscard]] const list_hit &hit_at(std::size_t i) const {
    return hits_[static_cast<std::size_t>(s_.hit_of[i])];
  }
  // A name ends before a possessive or case ending: "Rafa's fears", "NDM’s
  // Bernard Okafor", Turkish "Malatya'nın", "AFAD'dan".
  [[nodiscard]] std::uint32_t name_end(std::size_t last) const {
    const std::size_t at = possessive_at(word(last));
    return at == std::string_view::npos ? ctx_.tokens[last].end
                                        : ctx_.tokens[last].begin + static_cast<std::uint32_t>(at);
  }
  [[nodiscard]] bool possessive(std::size_t i) const { return name_end(i) != ctx_.tokens[i].end; }
  // The cue lists of token i without its possessive ending ("Ministry's").
  [[nodiscard]] cue_set name_cues(std::size_t i) const {
    const token &t = ctx_.tokens[i];
    const std::uint32_t end = name_end(i);
    return end == t.end ? s_.cues.of(i) : cues_of(ctx_.text.substr(t.begin, end - t.begin));
  }
  // Whether token i can be part of a run: a bit set for every token at
  // once (mark_runnable()), so that the tagger skips from run to run
  // instead of branching on each token.
  [[nodiscard]] bool in_run(std::size_t i) const {
    return ((s_.runnable[i / 64] >> (i % 64)) & 1) != 0;
  }
  [[nodiscard]] std::size_t next_in_run(std::size_t from) const;

  // names.cpp: the runs of capitalised tokens
  void mark_tokens();
  void mark_runnable();
  void tag_dateline(std::string_view dateline);
  [[nodiscard]] bool breaks_before(std::size_t i) const;
  [[nodiscard]] std::size_t run_end(std::size_t i) const;
  [[nodiscard]] std::optional<entity_type> cue_type(std::size_t a, std::size_t b) const;
  void tag_run(std::size_t a, std::size_t b);
  void tag_parts(std::size_t a, std::size_t b);
  void add(std::uint32_t begin, std::uint32_t end, entity_type type);
  void add_hit(const list_hit &h);
  [[nodiscard]] std::string canonical(std::string_view name, std::optional<entity_type> type,
                                      std::string_view alias);
  [[nodiscard]] const gazetteer_entry *near(std::string_view name,
                                            std::optional<entity_type> type = std::nullopt);
  [[nodiscard]] bool sentence_initial(std::size_t i) const;
  [[nodiscard]] bool said_next_to(std::size_t a, std::size_t b) const;
  [[nodiscard]] bool person_cue_before(std::size_t a) const;
  [[nodiscard]] bool place_noun_after(std::size_t b) const;

  // lone_words.cpp: the lone capitalised words
  void tag_lone(std::size_t i);
  [[nodiscard]] bool place_context(std::size_t i) const;
  [[nodiscard]] bool demonym(std::string_view w) const;
  [[nodiscard]] const entity *longer_name(std::string_view w) const;
  void index_longer_names();
  void mark_places();
  void prefer_people();
};

} // namespace wirespeed::extract_detail
