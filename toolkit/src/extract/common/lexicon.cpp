#include "extract/common/lexicon.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "extract/common/text.hpp"
#include "extract/common/word_list.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::size_t longest_word = 64;

// A sign that touches its number ("$4.2", "85%"): one code point that is
// ASCII punctuation, Latin-1 punctuation or a currency symbol (U+20A0..U+20CF).
bool is_sign(std::string_view s) {
  char32_t c = decode_at(s, 0);
  std::size_t length = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  bool ascii_sign = c < 0x80 && !std::isalnum(static_cast<unsigned char>(c));
  return length == s.size() &&
         (ascii_sign || (c >= 0xA0 && c <= 0xBF) || (c >= 0x20A0 && c <= 0x20CF));
}

} // namespace

std::string lexicon::load(std::string_view text, std::string_view origin,
                          std::initializer_list<std::string_view> scanned, match::pattern_set &set,
                          std::uint32_t tag, bool caseless) {
  std::string error;
  std::size_t line_no = 0;
  for_each_list_line(text, [&](std::string_view kind, std::string_view rest) {
    ++line_no;
    std::size_t tab = rest.find('\t');
    if (kind.empty() || tab == std::string_view::npos || tab + 1 == rest.size()) {
      if (error.empty()) {
        error = fmt::format("{}: entry {}: expected kind<TAB>argument<TAB>phrase, got '{}'", origin,
                            line_no, rest);
      }
      return;
    }
    lexicon_entry entry{std::string(kind), std::string(rest.substr(0, tab))};
    std::string_view phrase = rest.substr(tab + 1);
    if (std::find(scanned.begin(), scanned.end(), kind) == scanned.end()) {
      if (auto e = add_looked_up(phrase, std::move(entry)); !e.empty() && error.empty()) {
        error = fmt::format("{}: {}", origin, e);
      }
      return;
    }
    // A sign ("$", "%") touches its number, so it cannot be a whole word.
    match::flag flags = is_sign(phrase) ? match::flag::none
                        : caseless      ? match::flag::caseless | match::flag::whole_word
                                        : match::flag::whole_word;
    std::uint32_t id = set.add_literal(phrase, {.flags = flags, .label = entry.kind, .tag = tag});
    if (scanned_.empty()) {
      first_id_ = id;
    }
    if (id != first_id_ + scanned_.size() && error.empty()) {
      error = fmt::format("{}: patterns of one word list must be added together", origin);
    }
    scanned_.push_back(std::move(entry));
  });
  return error;
}

std::string lexicon::add_looked_up(std::string_view word, lexicon_entry entry) {
  word_kind k = kind(entry.kind);
  if (k.index == word_kind{}.index) {
    if (kinds_.size() == 32) {
      return "more than 32 looked-up kinds";
    }
    k.index = static_cast<std::uint32_t>(kinds_.size());
    kinds_.push_back({entry.kind, {}});
  }
  std::string folded(word.substr(0, longest_word));
  std::transform(folded.begin(), folded.end(), folded.begin(), ascii_lower);
  kinds_[k.index].sketch.add(folded);
  words_[std::move(folded)] |= std::uint32_t{1} << k.index;
  looked_up_.push_back(std::move(entry));
  return {};
}

lexicon::word_kind lexicon::kind(std::string_view name) const noexcept {
  for (std::size_t k = 0; k < kinds_.size(); ++k) {
    if (kinds_[k].name == name) {
      return {static_cast<std::uint32_t>(k)};
    }
  }
  return {};
}

bool lexicon::is(std::string_view word, word_kind kind) const {
  if (kind.index >= kinds_.size() || word.empty() || word.size() > longest_word ||
      !kinds_[kind.index].sketch.may_contain(word)) {
    return false;
  }
  std::array<char, longest_word> folded{};
  std::transform(word.begin(), word.end(), folded.begin(), ascii_lower);
  auto it = words_.find(std::string_view(folded.data(), word.size()));
  return it != words_.end() && (it->second >> kind.index & 1) != 0;
}

void lexicon::hits(const context &ctx, std::vector<lexicon_hit> &out) const {
  out.clear();
  std::size_t cursor = 0;
  std::uint64_t covered = 0; // end of the last hit kept
  for (const match::match &m : ctx.matches) {
    if (m.id < first_id_ || m.id - first_id_ >= scanned_.size() || m.begin < covered) {
      continue; // not this list's, or inside a longer match kept (longest come first)
    }
    const lexicon_entry &entry = scanned_[m.id - first_id_];
    // Hits are few and far apart: a binary search, not a walk over every token.
    cursor += partition_index(ctx.tokens.subspan(cursor),
                              [&](const token &t) { return t.end <= m.begin; });
    std::size_t end = cursor;
    while (end < ctx.tokens.size() && ctx.tokens[end].begin < m.end) {
      ++end;
    }
    if (cursor == end) {
      continue;
    }
    out.push_back({static_cast<std::uint32_t>(cursor), static_cast<std::uint32_t>(end),
                   static_cast<std::uint32_t>(m.begin), static_cast<std::uint32_t>(m.end), &entry});
    covered = m.end;
  }
}

} // namespace wirespeed::extract_detail
