#pragma once
// The cue lists each token of one document is in, looked up the first time
// a rule asks. The tagger asks about the same few tokens again and again
// (the word before a run: a role word? a speech verb? a preposition?), and
// a table lookup costs some fifty instructions where a remembered answer
// costs a load.
#include <span>
#include <string_view>
#include <vector>

#include "extract/common/text.hpp"
#include "extract/entities/cues.hpp"

namespace wirespeed::extract_detail {

class token_cues {
public:
  /// Forgets the last document's answers, keeping the storage.
  void reset(std::string_view text, std::span<const token> tokens) {
    text_ = text;
    tokens_ = tokens;
    cues_.assign(tokens.size(), not_looked_up);
  }

  /// cues_of() of token i's bytes.
  [[nodiscard]] cue_set of(std::size_t i) {
    cue_set &c = cues_[i];
    if (c == not_looked_up) {
      c = cues_of(token_text(text_, tokens_[i]));
    }
    return c;
  }
  /// Whether token i is in any of the lists `kinds`.
  [[nodiscard]] bool is(std::size_t i, cue_set kinds) { return (of(i) & kinds) != 0; }

private:
  // Bits no list uses (the top two), so an answer is never this; all
  // ones, so that reset() is a memset.
  static constexpr cue_set not_looked_up = 0xFFFF;
  static_assert(cue::preposition < cue_set{1} << 14, "the lists use every bit of cue_set");

  std::string_view text_;
  std::span<const token> tokens_;
  std::vector<cue_set> cues_;
};

} // namespace wirespeed::extract_detail
