#pragma once
// The interface every extractor implements, and what it sees of a document.
// An extractor owns its patterns: it adds them to the one shared pattern_set
// under its tag and later receives exactly the matches of those patterns.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/common/digit_starts.hpp"
#include "extract/common/text.hpp"
#include "wirespeed/document.hpp"
#include "wirespeed/extract.hpp"
#include "wirespeed/match.hpp"
#include "wirespeed/tokenize.hpp"

namespace wirespeed::extract_detail {

/// Storage an extractor keeps from one document to the next (vectors that
/// keep their capacity instead of allocating for every document). One per
/// extract_scratch, so one per thread, as make_scratch() builds it.
class extractor_scratch {
public:
  virtual ~extractor_scratch() = default;
};

/// What more than one extractor asks of a document, made for it the first
/// time one asks: the quantities and dates extractors both walk the tokens
/// that start with a digit, and marking them is a pass over every byte.
class shared_analyses {
public:
  /// Forgets the last document's answers (their storage is kept).
  void forget() noexcept { digits_ready_ = false; }
  /// The digit starts of `tokens` of `text`, the document's since forget().
  [[nodiscard]] const digit_starts &digits(std::string_view text, std::span<const token> tokens) {
    if (!digits_ready_) {
      digits_.reset(text, tokens);
      digits_ready_ = true;
    }
    return digits_;
  }

private:
  digit_starts digits_;
  bool digits_ready_ = false;
};

/// One document as every extractor sees it. Matches are this extractor's
/// only, sorted by begin offset then longest first.
struct context {
  const document &doc;
  std::string_view text;
  std::span<const token> tokens;
  std::span<const std::uint32_t> sentence_starts;
  std::span<const std::uint32_t> paragraph_starts;
  std::span<const line> lines;
  std::span<const match::match> matches;
  const match::database &db; ///< for a match's label: db.at(m.id).label
  /// This extractor's make_scratch(), or null (when it makes none, or the
  /// caller has none to give: then the extractor uses storage of its own).
  extractor_scratch *scratch = nullptr;
  /// The document's shared analyses (extractor_set gives every extractor the
  /// same); the quantities and dates extractors need them.
  shared_analyses *shared = nullptr;

  [[nodiscard]] const digit_starts &digits() const { return shared->digits(text, tokens); }
};

/// Says, for ascending offsets, whether each lies on a boilerplate line
/// (nothing on page furniture is a quantity or a date of the article).
class furniture_filter {
public:
  explicit furniture_filter(std::span<const boilerplate_line> lines) : lines_(lines) {}
  [[nodiscard]] bool inside(std::uint32_t offset) {
    while (next_ < lines_.size() && lines_[next_].end <= offset) {
      ++next_;
    }
    return next_ < lines_.size() && lines_[next_].begin <= offset;
  }

private:
  std::span<const boilerplate_line> lines_;
  std::size_t next_ = 0;
};

class extractor {
public:
  virtual ~extractor() = default;
  /// Adds the built-in patterns under `tag`; an error message or "".
  virtual std::string add_patterns(match::pattern_set &set, std::uint32_t tag) = 0;
  /// Adds one pattern of a user file whose label routes to this extractor
  /// (extractor_set.cpp holds the routing); an error message or "".
  virtual std::string add_user_pattern(match::pattern_set &set, std::uint32_t tag,
                                       const match::pattern &p) = 0;
  /// Storage for run() to reuse across documents; null when it needs none.
  [[nodiscard]] virtual std::unique_ptr<extractor_scratch> make_scratch() const { return nullptr; }
  /// Fills this extractor's part of `out`; earlier extractors' parts are set.
  virtual void run(const context &ctx, extraction &out) const = 0;
};

} // namespace wirespeed::extract_detail
