// Line-anchored phrase patterns: expanding the finite regex subset into its
// phrases, and finding the longest phrase a line opens with.
#include "extract/boilerplate/line_phrases.hpp"

#include <algorithm>

#include "extract/common/text.hpp"

namespace wirespeed::extract_detail {
namespace {

bool is_ascii_alnum(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Hyperscan's \w without UCP: ASCII letters, digits and '_'.
bool is_word_byte(char c) noexcept {
  return is_ascii_alnum(c) || c == '_';
}

using phrases = std::vector<std::string>;

// Recursive descent over the finite subset; any other construct fails the
// whole expansion, and the pattern stays a regex of the scan.
class expander {
public:
  expander(std::string_view regex, std::size_t max_phrases) : re_(regex), max_(max_phrases) {}

  // alternation := sequence ('|' sequence)*
  std::optional<phrases> alternation() {
    std::optional<phrases> all = sequence();
    while (all && at_ < re_.size() && re_[at_] == '|') {
      ++at_;
      std::optional<phrases> more = sequence();
      if (!more || all->size() + more->size() > max_) {
        return std::nullopt;
      }
      all->insert(all->end(), more->begin(), more->end());
    }
    return all;
  }

  [[nodiscard]] bool done() const noexcept { return at_ == re_.size(); }

private:
  // sequence := (atom '?'?)*, up to '|', ')' or the end
  std::optional<phrases> sequence() {
    phrases out{""};
    while (at_ < re_.size() && re_[at_] != '|' && re_[at_] != ')') {
      std::optional<phrases> piece = atom();
      if (!piece) {
        return std::nullopt;
      }
      if (at_ < re_.size() && re_[at_] == '?') {
        ++at_;
        piece->emplace_back();
      }
      if (at_ < re_.size() && std::string_view("*+{?").find(re_[at_]) != std::string_view::npos) {
        return std::nullopt; // a repeat, or a lazy '?'
      }
      if (out.size() * piece->size() > max_) {
        return std::nullopt;
      }
      phrases next;
      next.reserve(out.size() * piece->size());
      for (const std::string &head : out) {
        for (const std::string &tail : *piece) {
          next.push_back(head + tail);
        }
      }
      out = std::move(next);
    }
    return out;
  }

  std::optional<phrases> atom() {
    const char c = re_[at_++];
    if (c == '(') {
      if (re_.substr(at_).starts_with("?:")) {
        at_ += 2;
      } else if (at_ < re_.size() && re_[at_] == '?') {
        return std::nullopt; // inline flags, lookaround
      }
      std::optional<phrases> inner = alternation();
      if (!inner || at_ >= re_.size() || re_[at_] != ')') {
        return std::nullopt;
      }
      ++at_;
      return inner;
    }
    if (c == '\\') {
      // Escaped punctuation is itself; a letter or digit is a class or an assertion.
      if (at_ >= re_.size() || is_ascii_alnum(re_[at_])) {
        return std::nullopt;
      }
      return phrases{std::string(1, re_[at_++])};
    }
    if (std::string_view(".[]{}*+?^$|)").find(c) != std::string_view::npos) {
      return std::nullopt;
    }
    return phrases{std::string(1, ascii_lower(c))};
  }

  std::string_view re_;
  std::size_t max_;
  std::size_t at_ = 0;
};

// Whether `text`'s last byte is itself, not escaped: an even run of
// backslashes precedes it.
bool last_byte_unescaped(std::string_view text) noexcept {
  std::size_t slashes = 0;
  while (slashes + 1 < text.size() && text[text.size() - 2 - slashes] == '\\') {
    ++slashes;
  }
  return slashes % 2 == 0;
}

} // namespace

std::optional<line_phrase_set> line_phrases_of(std::string_view regex, std::size_t max_phrases) {
  if (!regex.starts_with('^') || std::any_of(regex.begin(), regex.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80;
      })) {
    return std::nullopt;
  }
  std::string_view body = regex.substr(1);
  line_phrase_set out;
  if (body.ends_with('$') && last_byte_unescaped(body)) {
    out.anchor = line_anchor::whole;
    body.remove_suffix(1);
  } else if (body.ends_with("\\b") && last_byte_unescaped(body.substr(0, body.size() - 1))) {
    out.anchor = line_anchor::opens_word;
    body.remove_suffix(2);
  }
  expander parse(body, max_phrases);
  std::optional<phrases> all = parse.alternation();
  if (!all || !parse.done() ||
      std::any_of(all->begin(), all->end(), [](const std::string &p) { return p.empty(); })) {
    return std::nullopt;
  }
  out.phrases = std::move(*all);
  return out;
}

void line_phrase_table::add(const line_phrase_set &set, boilerplate_kind kind) {
  for (const std::string &phrase : set.phrases) {
    const auto at = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back({phrase, set.anchor, kind});
    if (set.anchor == line_anchor::whole) {
      longest_whole_ = std::max(longest_whole_, phrase.size());
      index(whole_, at);
    } else {
      index(opening_, at);
    }
  }
}

void line_phrase_table::index(buckets &by_first_byte, std::uint32_t at) {
  const std::string &phrase = entries_[at].phrase;
  std::vector<std::uint32_t> &bucket = by_first_byte[static_cast<unsigned char>(phrase[0])];
  auto shorter = std::find_if(bucket.begin(), bucket.end(), [&](std::uint32_t i) {
    return entries_[i].phrase.size() < phrase.size();
  });
  bucket.insert(shorter, at);
}

std::optional<line_phrase_table::hit>
line_phrase_table::longest(std::string_view line) const noexcept {
  if (line.empty()) {
    return std::nullopt;
  }
  auto opens_with = [&](const std::string &phrase) {
    return phrase.size() <= line.size() &&
           std::equal(phrase.begin(), phrase.end(), line.begin(),
                      [](char p, char c) { return p == ascii_lower(c); });
  };
  const auto first = static_cast<unsigned char>(ascii_lower(line[0]));
  if (line.size() <= longest_whole_) {
    for (std::uint32_t i : whole_[first]) {
      const entry &e = entries_[i];
      if (e.phrase.size() == line.size() && opens_with(e.phrase)) {
        return hit{static_cast<std::uint32_t>(line.size()), e.kind}; // nothing is longer
      }
    }
  }
  for (std::uint32_t i : opening_[first]) {
    const entry &e = entries_[i];
    const std::size_t n = e.phrase.size();
    if (!opens_with(e.phrase) ||
        (e.anchor == line_anchor::opens_word &&
         is_word_byte(line[n - 1]) == (n < line.size() && is_word_byte(line[n])))) {
      continue;
    }
    return hit{static_cast<std::uint32_t>(n), e.kind};
  }
  return std::nullopt;
}

} // namespace wirespeed::extract_detail
